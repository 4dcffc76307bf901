// Pixels of the dot plot, one per cell (row i, column j, 0-based): the upper triangle (i < j) is
// the base-pair probability, drawn as the probability colour with alpha = p; the lower triangle
// (i > j) is the drawn structure, solid (pseudoknot pairs in their own colour). Written in bulk
// into an RGBA buffer that the canvas scales up (1,000 x 1,000 = one 4 MB ImageData).
import { rgbOf } from './colourScales';
import type { StructureModel } from './structureModel';

export interface DotPlotColours {
  probability: string;
  structure: string;
  pseudoknot: string;
}

export function dotPlotPixels(model: StructureModel, colours: DotPlotColours): Uint8ClampedArray {
  const n = model.n;
  const px = new Uint8ClampedArray(n * n * 4);
  const [pr, pg, pb] = rgbOf(colours.probability);
  for (const { i, j, p } of model.probabilities) {
    const o = (i * n + j) * 4;
    px[o] = pr;
    px[o + 1] = pg;
    px[o + 2] = pb;
    px[o + 3] = Math.round(Math.min(1, p) * 255);
  }
  const s = rgbOf(colours.structure);
  const k = rgbOf(colours.pseudoknot);
  for (const pair of model.pairs) {
    const [r, g, b] = pair.pseudoknot ? k : s;
    const o = (pair.j * n + pair.i) * 4;
    px[o] = r;
    px[o + 1] = g;
    px[o + 2] = b;
    px[o + 3] = 255;
  }
  return px;
}

/**
 * Shrinks an n x n RGBA image by an integer factor keeping, per output pixel, the most opaque
 * cell of its block: when cells are smaller than a screen pixel every pair still shows.
 */
export function maxPool(px: Uint8ClampedArray, n: number, factor: number): { data: Uint8ClampedArray; size: number } {
  if (factor <= 1) return { data: px, size: n };
  const size = Math.ceil(n / factor);
  const out = new Uint8ClampedArray(size * size * 4);
  for (let r = 0; r < n; r++) {
    const orow = Math.floor(r / factor) * size;
    for (let c = 0; c < n; c++) {
      const i = (r * n + c) * 4;
      const a = px[i + 3];
      if (a === 0) continue;
      const o = (orow + Math.floor(c / factor)) * 4;
      if (a > out[o + 3]) {
        out[o] = px[i];
        out[o + 1] = px[i + 1];
        out[o + 2] = px[i + 2];
        out[o + 3] = a;
      }
    }
  }
  return { data: out, size };
}

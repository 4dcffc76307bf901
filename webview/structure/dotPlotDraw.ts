// Draws the dot plot on a 2D canvas: the cell image (dotPlotImage.ts) scaled to the zoom, the
// diagonal, a light grid, the hovered base's row and column, and position axes (d3-scale ticks)
// with the bases along them once the cells are big enough to read. Used by the view and the PNG export.
/// <reference lib="dom" />
import { scaleLinear } from 'd3-scale';
import type { ZoomTransform } from 'd3-zoom';
import type { ThemeColours } from '../shared/themeColours';
import { maxPool } from './dotPlotImage';
import type { StructureModel } from './structureModel';

export const PLOT_LEFT = 46;
export const PLOT_TOP = 40;

export interface DotPlotFrame {
  width: number;
  height: number;
  /** side of the plot square at zoom 1, CSS px */
  side: number;
  transform: Pick<ZoomTransform, 'k' | 'x' | 'y'>;
  hover?: { k: number; other?: number } | null;
}

/** Canvases of the cell image, one per pooling factor, made on first use. */
export class DotPlotImageCache {
  private readonly byFactor = new Map<number, HTMLCanvasElement>();
  constructor(private readonly pixels: Uint8ClampedArray, private readonly n: number) {}

  get(factor: number): HTMLCanvasElement {
    let c = this.byFactor.get(factor);
    if (!c) {
      const { data, size } = maxPool(this.pixels, this.n, factor);
      c = document.createElement('canvas');
      c.width = size;
      c.height = size;
      const img = new ImageData(size, size);
      img.data.set(data);
      c.getContext('2d')!.putImageData(img, 0, 0);
      this.byFactor.set(factor, c);
    }
    return c;
  }
}

export function drawDotPlot(ctx: CanvasRenderingContext2D, model: StructureModel, images: DotPlotImageCache, theme: ThemeColours, f: DotPlotFrame): void {
  const n = model.n;
  const { k, x: tx, y: ty } = f.transform;
  const cell = (f.side * k) / n;
  const x0 = PLOT_LEFT * k + tx;
  const y0 = PLOT_TOP * k + ty;
  const sx = (pos: number) => x0 + pos * cell; // pos: 0-based cell edge
  const sy = (pos: number) => y0 + pos * cell;
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, f.width, f.height);
  // cells
  ctx.save();
  ctx.beginPath();
  ctx.rect(PLOT_LEFT, PLOT_TOP, f.side, f.side);
  ctx.clip();
  const factor = cell < 1 ? Math.ceil(1 / cell) : 1;
  const img = images.get(factor);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(img, 0, 0, img.width, img.height, x0, y0, (img.width * factor) * cell, (img.height * factor) * cell);
  // grid every 10 positions once cells are large enough to tell them apart
  const first = Math.max(0, Math.floor((PLOT_LEFT - x0) / cell));
  const last = Math.min(n, Math.ceil((PLOT_LEFT + f.side - x0) / cell));
  const firstRow = Math.max(0, Math.floor((PLOT_TOP - y0) / cell));
  const lastRow = Math.min(n, Math.ceil((PLOT_TOP + f.side - y0) / cell));
  if (cell * 10 >= 12) {
    ctx.strokeStyle = theme.lines;
    ctx.globalAlpha = 0.25;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let p = Math.ceil(first / 10) * 10; p <= last; p += 10) {
      ctx.moveTo(Math.round(sx(p)) + 0.5, sy(0));
      ctx.lineTo(Math.round(sx(p)) + 0.5, sy(n));
    }
    for (let p = Math.ceil(firstRow / 10) * 10; p <= lastRow; p += 10) {
      ctx.moveTo(sx(0), Math.round(sy(p)) + 0.5);
      ctx.lineTo(sx(n), Math.round(sy(p)) + 0.5);
    }
    ctx.stroke();
    ctx.globalAlpha = 1;
  }
  // diagonal
  ctx.strokeStyle = theme.muted;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(sx(0), sy(0));
  ctx.lineTo(sx(n), sy(n));
  ctx.stroke();
  // hovered base: its row and column, and the cell(s) of its pair
  const h = f.hover;
  if (h && h.k >= 0 && h.k < n) {
    const band = Math.max(cell, 1.5);
    ctx.fillStyle = theme.highlight;
    ctx.globalAlpha = 0.22;
    for (const b of h.other !== undefined ? [h.k, h.other] : [h.k]) {
      ctx.fillRect(sx(0), sy(b) + cell / 2 - band / 2, n * cell, band);
      ctx.fillRect(sx(b) + cell / 2 - band / 2, sy(0), band, n * cell);
    }
    ctx.globalAlpha = 1;
    const m = h.other ?? model.partner[h.k];
    if (m >= 0) {
      const ring = Math.max(cell + 4, 8);
      ctx.strokeStyle = theme.highlight;
      ctx.lineWidth = 2;
      for (const [r, c] of [[h.k, m], [m, h.k]]) {
        ctx.strokeRect(sx(c) + cell / 2 - ring / 2, sy(r) + cell / 2 - ring / 2, ring, ring);
      }
    }
  }
  ctx.restore();
  // frame
  ctx.strokeStyle = theme.lines;
  ctx.lineWidth = 1;
  ctx.strokeRect(PLOT_LEFT - 0.5, PLOT_TOP - 0.5, f.side + 1, f.side + 1);
  // axes: 1-based positions at cell centres
  ctx.fillStyle = theme.muted;
  ctx.font = `10px ${theme.fontFamily}`;
  const visible = scaleLinear().domain([first + 1, Math.max(first + 1, last)]);
  const ticks = visible.ticks(Math.max(2, Math.round(f.side / 70))).filter((t) => Number.isInteger(t) && t >= 1 && t <= n);
  const rowTicks = scaleLinear()
    .domain([firstRow + 1, Math.max(firstRow + 1, lastRow)])
    .ticks(Math.max(2, Math.round(f.side / 70)))
    .filter((t) => Number.isInteger(t) && t >= 1 && t <= n);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.strokeStyle = theme.muted;
  ctx.beginPath();
  for (const t of ticks) {
    const x = sx(t - 1) + cell / 2;
    if (x < PLOT_LEFT || x > PLOT_LEFT + f.side) continue;
    ctx.moveTo(x, PLOT_TOP - 4);
    ctx.lineTo(x, PLOT_TOP);
    ctx.fillText(String(t), x, PLOT_TOP - (cell >= 9 ? 18 : 5));
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of rowTicks) {
    const y = sy(t - 1) + cell / 2;
    if (y < PLOT_TOP || y > PLOT_TOP + f.side) continue;
    ctx.moveTo(PLOT_LEFT - 4, y);
    ctx.lineTo(PLOT_LEFT, y);
    ctx.fillText(String(t), PLOT_LEFT - (cell >= 9 ? 18 : 6), y);
  }
  ctx.stroke();
  // bases along the axes
  if (cell >= 9) {
    ctx.fillStyle = theme.foreground;
    ctx.font = `${Math.min(12, Math.floor(cell * 0.8))}px ${theme.fontFamily}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    for (let p = first; p < last; p++) {
      const x = sx(p) + cell / 2;
      if (x >= PLOT_LEFT && x <= PLOT_LEFT + f.side) ctx.fillText(model.sequence[p], x, PLOT_TOP - 8);
    }
    for (let p = firstRow; p < lastRow; p++) {
      const y = sy(p) + cell / 2;
      if (y >= PLOT_TOP && y <= PLOT_TOP + f.side) ctx.fillText(model.sequence[p], PLOT_LEFT - 9, y);
    }
  }
}

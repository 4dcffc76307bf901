// Geometry of the arc diagram: bases on a horizontal baseline, one elliptical arc per base pair
// (nested pairs above the line, pseudoknot pairs below), heights scaled so the widest arc fits.
import { num } from '../shared/svgTree';
import type { Pair } from './structureModel';

export interface ArcGeometry {
  width: number;
  height: number;
  /** y of the baseline */
  baseline: number;
  /** x of each base */
  x: (k: number) => number;
  spacing: number;
  arcs: { pair: Pair; d: string }[];
}

export const ARC_SPACING = 8;
const MARGIN = 16;

/** SVG path of an elliptical arc between x1 and x2 on the baseline y; `below` flips it under the line. */
export function arcPath(x1: number, x2: number, y: number, heightRatio: number, below = false): string {
  const rx = Math.abs(x2 - x1) / 2;
  const ry = rx * heightRatio;
  return `M${num(x1)} ${num(y)}A${num(rx)} ${num(ry)} 0 0 ${below ? 0 : 1} ${num(x2)} ${num(y)}`;
}

/** Lays out `n` bases and the arcs of `pairs` with room `maxArcHeight` above (and below if needed). */
export function arcGeometry(n: number, pairs: readonly Pair[], spacing = ARC_SPACING, maxArcHeight = 220): ArcGeometry {
  const x = (k: number) => MARGIN + k * spacing;
  const width = 2 * MARGIN + Math.max(0, n - 1) * spacing;
  let spanUp = 0;
  let spanDown = 0;
  for (const p of pairs) {
    const half = ((p.j - p.i) * spacing) / 2;
    if (p.pseudoknot) spanDown = Math.max(spanDown, half);
    else spanUp = Math.max(spanUp, half);
  }
  const ratioUp = spanUp > 0 ? Math.min(1, maxArcHeight / spanUp) : 1;
  const ratioDown = spanDown > 0 ? Math.min(1, (maxArcHeight * 0.6) / spanDown) : 1;
  const up = spanUp * ratioUp;
  const down = spanDown * ratioDown;
  const baseline = MARGIN + up + 6;
  const height = baseline + Math.max(down, 0) + 40; // room for the bases and the position ticks
  const arcs = pairs.map((pair) => ({
    pair,
    d: arcPath(x(pair.i), x(pair.j), baseline, pair.pseudoknot ? ratioDown : ratioUp, pair.pseudoknot),
  }));
  return { width, height, baseline, x, spacing, arcs };
}

// Checks a 2D drawing for the two defects a structure drawing must not have: bases drawn on top of
// each other (closer than a minimum distance) and crossing lines (backbone links and base pairs).
// Used by the unit tests on real and random structures; cheap enough to run on a 1,000-nt drawing.
import type { Layout } from './radialLayout';

export interface LayoutDefects {
  /** smallest distance between two bases */
  minDistance: number;
  /** pairs of bases (0-based) closer than the limit */
  close: [number, number][];
  /** crossing segments, each named as [a, b] base indices */
  crossings: [[number, number], [number, number]][];
}

/** Segments of the drawing: backbone i -> i+1 and every drawn pair i - j. */
export function drawingSegments(n: number, pairs: readonly { i: number; j: number }[]): [number, number][] {
  const segs: [number, number][] = [];
  for (let i = 0; i + 1 < n; i++) segs.push([i, i + 1]);
  for (const p of pairs) segs.push([p.i, p.j]);
  return segs;
}

function cross(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/** True when segments p1p2 and p3p4 cross at a point inside both (touching ends do not count). */
export function segmentsCross(
  x1: number, y1: number, x2: number, y2: number,
  x3: number, y3: number, x4: number, y4: number,
): boolean {
  const d1 = cross(x3, y3, x4, y4, x1, y1);
  const d2 = cross(x3, y3, x4, y4, x2, y2);
  const d3 = cross(x1, y1, x2, y2, x3, y3);
  const d4 = cross(x1, y1, x2, y2, x4, y4);
  const eps = 1e-9;
  return ((d1 > eps && d2 < -eps) || (d1 < -eps && d2 > eps)) && ((d3 > eps && d4 < -eps) || (d3 < -eps && d4 > eps));
}

export function checkLayout(
  layout: Layout,
  pairs: readonly { i: number; j: number }[],
  minDistance = 0.8,
): LayoutDefects {
  const { x, y } = layout;
  const n = x.length;
  // Bases: neighbours through a uniform grid of cell = minDistance.
  const cell = minDistance;
  const grid = new Map<string, number[]>();
  const key = (cx: number, cy: number) => `${cx},${cy}`;
  for (let i = 0; i < n; i++) {
    const k = key(Math.floor(x[i] / cell), Math.floor(y[i] / cell));
    let list = grid.get(k);
    if (!list) grid.set(k, (list = []));
    list.push(i);
  }
  let min = Infinity;
  const close: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const cx = Math.floor(x[i] / cell);
    const cy = Math.floor(y[i] / cell);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const j of grid.get(key(cx + dx, cy + dy)) ?? []) {
          if (j <= i) continue;
          const d = Math.hypot(x[i] - x[j], y[i] - y[j]);
          if (d < min) min = d;
          if (d < minDistance) close.push([i, j]);
        }
      }
    }
  }
  // Segments: sweep over x-sorted bounding intervals.
  const segs = drawingSegments(n, pairs);
  const boxes = segs.map(([a, b], k) => ({ k, lo: Math.min(x[a], x[b]), hi: Math.max(x[a], x[b]) }));
  boxes.sort((p, q) => p.lo - q.lo);
  const crossings: [[number, number], [number, number]][] = [];
  const active: typeof boxes = [];
  for (const box of boxes) {
    for (let t = active.length - 1; t >= 0; t--) if (active[t].hi < box.lo) active.splice(t, 1);
    const [a, b] = segs[box.k];
    for (const other of active) {
      const [c, d] = segs[other.k];
      if (a === c || a === d || b === c || b === d) continue;
      if (segmentsCross(x[a], y[a], x[b], y[b], x[c], y[c], x[d], y[d])) crossings.push([[a, b], [c, d]]);
    }
    active.push(box);
  }
  return { minDistance: min, close, crossings };
}

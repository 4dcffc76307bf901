// 2D layout of a nested (pseudoknot-free) secondary structure, written by hand: no maintained JS
// library lays out RNA without overlaps. The look is ViennaRNA's simple radial layout (RNAplot -t 0,
// after Bruccoleri & Heinrich 1988): stems are straight ladders, every loop is a circle through its
// bases, the exterior loop is a straight line. Overlaps are ruled out with the wedge idea of
// RNApuzzler (Wiegreffe et al. 2018, Bioinformatics 34:3441): bottom-up, each child subtree of a
// loop must fit in its own wedge seen from the loop's centre, wedges of siblings disjoint and away
// from the loop's own bases; a loop whose children do not fit at the polygon radius grows until
// they do (the extents of a fixed shape shrink as it moves outward). Every base keeps a disk of
// radius CLEARANCE inside its subtree's wedge, so bases of different subtrees are >= 2*CLEARANCE
// apart, and segments inside a wedge narrower than 180 degrees stay in it.
// Units: consecutive bases are 1 apart, paired bases 1 apart; y points up (math orientation).

export const BACKBONE = 1;
export const PAIR = 1;
export const CLEARANCE = 0.45;
/** Extra angle (radians) kept between sibling wedges. */
const WEDGE_GAP = 0.02;
const MAX_RADIUS = 1e5;
/** Everything of a subtree but its first pair stays this far above that pair. */
const FLOOR = 2 * CLEARANCE + 0.1;

export interface Layout {
  x: Float64Array;
  y: Float64Array;
}

/** Points of a subtree in the frame of its first pair: midpoint at the origin, stem along +y, i at x = -PAIR/2. */
interface Placed {
  idx: number[];
  x: number[];
  y: number[];
}

/** A child subtree of a loop with the convex hull of its points (all that extents and windows need). */
interface Child {
  kind: 'child';
  sub: Placed;
  hx: number[];
  hy: number[];
}

type Element = { kind: 'base'; k: number } | Child;

interface Extents {
  lead: number;
  trail: number;
}

function push(p: Placed, k: number, x: number, y: number): void {
  p.idx.push(k);
  p.x.push(x);
  p.y.push(y);
}

/** Lays out every base of a structure given as a partner table of nested pairs (-1 unpaired). */
export function radialLayout(nestedPartner: Int32Array | readonly number[]): Layout {
  const partner = nestedPartner;
  const n = partner.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);

  const elementsBetween = (from: number, to: number): Element[] => {
    const out: Element[] = [];
    for (let k = from; k <= to; k++) {
      const m = partner[k];
      if (m > k && m <= to) {
        const sub = layoutStem(k, m);
        const hull = convexHull(sub.x, sub.y);
        out.push({ kind: 'child', sub, hx: hull.x, hy: hull.y });
        k = m;
      } else out.push({ kind: 'base', k });
    }
    return out;
  };

  function layoutStem(i: number, j: number): Placed {
    const out: Placed = { idx: [], x: [], y: [] };
    let len = 0;
    while (i + len < j - len && partner[i + len] === j - len) {
      push(out, i + len, -PAIR / 2, len * BACKBONE);
      push(out, j - len, PAIR / 2, len * BACKBONE);
      len++;
    }
    const ci = i + len - 1;
    const cj = j - len + 1;
    const lift = (len - 1) * BACKBONE;
    const loop = layoutLoop(elementsBetween(ci + 1, cj - 1), lift);
    const dy = lift + loop.apothem;
    for (let k = 0; k < loop.placed.idx.length; k++) push(out, loop.placed.idx[k], loop.placed.x[k], loop.placed.y[k] + dy);
    return out;
  }

  const top = layoutExterior(elementsBetween(0, n - 1));
  for (let k = 0; k < top.idx.length; k++) {
    x[top.idx[k]] = top.x[k];
    y[top.idx[k]] = top.y[k];
  }
  return { x, y };
}

/** Convex hull (Andrew's monotone chain) of a point set. */
function convexHull(xs: number[], ys: number[]): { x: number[]; y: number[] } {
  const order = xs.map((_, k) => k).sort((a, b) => xs[a] - xs[b] || ys[a] - ys[b]);
  const crossZ = (o: number, a: number, b: number) => (xs[a] - xs[o]) * (ys[b] - ys[o]) - (ys[a] - ys[o]) * (xs[b] - xs[o]);
  const lower: number[] = [];
  for (const k of order) {
    while (lower.length >= 2 && crossZ(lower[lower.length - 2], lower[lower.length - 1], k) <= 0) lower.pop();
    lower.push(k);
  }
  const upper: number[] = [];
  for (let t = order.length - 1; t >= 0; t--) {
    const k = order[t];
    while (upper.length >= 2 && crossZ(upper[upper.length - 2], upper[upper.length - 1], k) <= 0) upper.pop();
    upper.push(k);
  }
  const hull = order.length <= 2 ? order : [...lower.slice(0, -1), ...upper.slice(0, -1)];
  return { x: hull.map((k) => xs[k]), y: hull.map((k) => ys[k]) };
}

/** Angular extents (radians, left/lead and right/trail of the axis) of a subtree whose origin is `a` from a centre. */
function wedgeExtents(c: Child, a: number): Extents | undefined {
  let lead = 0;
  let trail = 0;
  for (let k = 0; k < c.hx.length; k++) {
    const px = c.hx[k];
    const py = a + c.hy[k];
    const d = Math.hypot(px, py);
    if (d < 2 * CLEARANCE) return undefined;
    const ang = Math.atan2(px, py);
    const margin = Math.asin(Math.min(1, CLEARANCE / d));
    if (ang + margin > trail) trail = ang + margin;
    if (-ang + margin > lead) lead = -ang + margin;
  }
  if (lead + trail >= Math.PI - WEDGE_GAP) return undefined;
  return { lead, trail };
}

/** Lowest point (loop frame) of a child whose stem points along phi from `a` out of the centre. */
function lowestY(c: Child, a: number, phi: number): number {
  const cs = Math.cos(phi);
  const sn = Math.sin(phi);
  let min = Infinity;
  for (let k = 0; k < c.hx.length; k++) min = Math.min(min, a * sn - c.hx[k] * cs + c.hy[k] * sn);
  return min;
}

/**
 * The range of tau (clockwise angle from the closing base i) where a child stays above `floor`, so
 * that nothing of it dips below the first pair of the enclosing stem (which keeps the loop's own
 * backbone and the exterior line clear of it). Scanned from the top of the loop both ways.
 */
function childWindow(c: Child, a: number, start: number, sweep: number, floor: number): [number, number] {
  const ok = (tau: number) => lowestY(c, a, start - tau) >= floor;
  const top = sweep / 2;
  const step = Math.PI / 180;
  const edge = (dir: 1 | -1): number => {
    let good = top;
    for (;;) {
      const next = good + dir * step;
      if (next < 0 || next > sweep) return dir > 0 ? sweep : 0;
      if (!ok(next)) {
        let bad = next;
        for (let it = 0; it < 12; it++) {
          const mid = (good + bad) / 2;
          if (ok(mid)) good = mid;
          else bad = mid;
        }
        return good;
      }
      good = next;
    }
  };
  return [edge(-1), edge(1)];
}

interface LoopGeometry {
  /** clockwise angle from the closing base i of each element */
  tau: number[];
  delta: number;
  apothem: number;
}

/**
 * Angles of the elements of a loop of radius r, or undefined when they cannot fit: consecutive
 * elements at least their minimum gap apart, every child inside its window; slack spread evenly.
 */
function loopAngles(elements: Element[], r: number, lift: number): LoopGeometry | undefined {
  const delta = Math.asin(PAIR / 2 / r);
  const step = 2 * Math.asin(Math.min(1, BACKBONE / 2 / r));
  const margin = Math.asin(Math.min(1, CLEARANCE / r));
  const apothem = Math.sqrt(r * r - (PAIR / 2) ** 2);
  const sweep = 2 * Math.PI - 2 * delta;
  const start = -Math.PI / 2 - delta;
  const floor = FLOOR - lift - apothem;
  const gaps: number[] = [];
  const windows: ([number, number] | undefined)[] = [];
  let prev: Extents | undefined; // undefined: the previous element is a base
  let total = 0;
  for (const e of [...elements, undefined]) {
    let ext: Extents | undefined;
    if (e?.kind === 'child') {
      ext = wedgeExtents(e, apothem);
      if (!ext) return undefined;
    }
    let g: number;
    if (!prev && !ext) g = step;
    else if (!prev && ext) g = Math.max(step + delta, ext.lead + margin);
    else if (prev && !ext) g = Math.max(delta + step, prev.trail + margin);
    else g = Math.max(2 * delta + step, prev!.trail + ext!.lead + WEDGE_GAP);
    gaps.push(g);
    total += g;
    prev = ext;
  }
  if (total > sweep + 1e-12) return undefined;
  for (const e of elements) windows.push(e.kind === 'child' ? childWindow(e, apothem, start, sweep, floor) : undefined);
  // Earliest and latest schedules; both exist iff the constraints can be met.
  const m = elements.length;
  const early: number[] = new Array(m);
  const late: number[] = new Array(m);
  let t = 0;
  for (let k = 0; k < m; k++) {
    t = Math.max(t + gaps[k], windows[k]?.[0] ?? -Infinity);
    if (t > (windows[k]?.[1] ?? Infinity) + 1e-12) return undefined;
    early[k] = t;
  }
  if (m > 0 && early[m - 1] + gaps[m] > sweep + 1e-12) return undefined;
  t = sweep;
  for (let k = m - 1; k >= 0; k--) {
    t = Math.min(t - gaps[k + 1], windows[k]?.[1] ?? Infinity);
    late[k] = t;
  }
  // Evenly spread slack, clamped between the two schedules (feasible: the constraints form a lattice).
  const slack = (sweep - total) / gaps.length;
  const tau: number[] = [];
  let even = 0;
  for (let k = 0; k < m; k++) {
    even += gaps[k] + slack;
    tau.push(Math.min(late[k], Math.max(early[k], even)));
  }
  return { tau, delta, apothem };
}

/** A loop closed by a pair at the bottom: centre at the origin, bases clockwise from the closing i. */
function layoutLoop(elements: Element[], lift: number): { placed: Placed; apothem: number } {
  const bases = 2 + elements.reduce((s, e) => s + (e.kind === 'base' ? 1 : 2), 0);
  let r = Math.max(PAIR / 2 + 1e-9, BACKBONE / (2 * Math.sin(Math.PI / Math.max(3, bases))));
  let geo = loopAngles(elements, r, lift);
  if (!geo) {
    let lo = r;
    let hi = r * 1.5;
    while (!(geo = loopAngles(elements, hi, lift)) && hi < MAX_RADIUS) {
      lo = hi;
      hi *= 1.5;
    }
    for (let it = 0; it < 30 && geo; it++) {
      const mid = (lo + hi) / 2;
      const g = loopAngles(elements, mid, lift);
      if (g) {
        hi = mid;
        geo = g;
      } else lo = mid;
    }
    r = hi;
  }
  if (!geo) throw new Error('radialLayout: a loop does not fit at any radius');
  const start = -Math.PI / 2 - geo.delta;
  const out: Placed = { idx: [], x: [], y: [] };
  elements.forEach((e, k) => {
    const phi = start - geo!.tau[k];
    const c = Math.cos(phi);
    const s = Math.sin(phi);
    if (e.kind === 'base') push(out, e.k, r * c, r * s);
    else place(out, e.sub, geo!.apothem * c, geo!.apothem * s, phi);
  });
  return { placed: out, apothem: geo.apothem };
}

/** Appends a subtree rotated so that its stem points along angle phi, its origin at (ox, oy). */
function place(out: Placed, sub: Placed, ox: number, oy: number, phi: number): void {
  const c = Math.cos(phi);
  const s = Math.sin(phi);
  for (let k = 0; k < sub.idx.length; k++) {
    const lx = sub.x[k];
    const ly = sub.y[k];
    push(out, sub.idx[k], ox + lx * s + ly * c, oy - lx * c + ly * s);
  }
}

/**
 * The exterior loop as a horizontal line, stems pointing up. Subtrees keep above y = FLOOR (>= two
 * clearances) except their first pair, so the line and its unpaired bases stay clear of them; only
 * neighbouring subtrees need their x-extents apart, and the bases between two subtrees share the gap.
 */
function layoutExterior(elements: Element[]): Placed {
  const out: Placed = { idx: [], x: [], y: [] };
  const pos: number[] = [];
  let lastChild = -1;
  let lastRight = 0;
  elements.forEach((e, k) => {
    const prev = k > 0 ? elements[k - 1] : undefined;
    let p = k === 0 ? 0 : pos[k - 1] + (prev!.kind === 'child' ? PAIR / 2 : 0) + BACKBONE + (e.kind === 'child' ? PAIR / 2 : 0);
    if (e.kind === 'child') {
      let left = 0;
      let right = 0;
      for (let m = 0; m < e.hx.length; m++) {
        left = Math.max(left, -e.hx[m] + CLEARANCE);
        right = Math.max(right, e.hx[m] + CLEARANCE);
      }
      if (lastChild >= 0) p = Math.max(p, pos[lastChild] + lastRight + left + 0.1);
      // bases since the previous subtree share the room evenly
      const from = lastChild >= 0 ? pos[lastChild] + PAIR / 2 : undefined;
      if (from !== undefined && k - lastChild > 1) {
        const gap = (p - PAIR / 2 - from) / (k - lastChild);
        for (let b = lastChild + 1; b < k; b++) pos[b] = from + gap * (b - lastChild);
      }
      lastChild = k;
      lastRight = right;
    }
    pos.push(p);
  });
  elements.forEach((e, k) => {
    if (e.kind === 'base') push(out, e.k, pos[k], 0);
    else for (let m = 0; m < e.sub.idx.length; m++) push(out, e.sub.idx[m], pos[k] + e.sub.x[m], e.sub.y[m]);
  });
  return out;
}

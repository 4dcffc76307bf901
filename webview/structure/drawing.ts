// The 2D drawing as an SvgNode tree: the backbone as one polyline, a line per pair (pseudoknot
// pairs dashed, on top of the nested layout), a circle + letter per base, 5'/3' labels and a
// tick with the position every 10 bases, pointing away from the structure.
import { svg, type SvgNode } from '../shared/svgTree';
import type { ThemeColours } from '../shared/themeColours';
import { textColourOn } from './colourScales';
import { radialLayout, type Layout } from './radialLayout';
import type { StructureModel } from './structureModel';

/** Pixels per layout unit (the distance between consecutive bases). */
export const UNIT = 16;
const MARGIN = 28;

export interface DrawingOptions {
  colours: string[];
  theme: ThemeColours;
  standalone?: boolean;
  /** a precomputed layout (the view keeps it across colour changes) */
  layout?: Layout;
}

export interface DrawingGeometry {
  width: number;
  height: number;
  /** pixel position of each base */
  px: Float64Array;
  py: Float64Array;
}

export function drawingGeometry(layout: Layout): DrawingGeometry {
  const n = layout.x.length;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let k = 0; k < n; k++) {
    minX = Math.min(minX, layout.x[k]);
    maxX = Math.max(maxX, layout.x[k]);
    minY = Math.min(minY, layout.y[k]);
    maxY = Math.max(maxY, layout.y[k]);
  }
  if (n === 0) minX = maxX = minY = maxY = 0;
  const px = new Float64Array(n);
  const py = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    px[k] = MARGIN + (layout.x[k] - minX) * UNIT;
    py[k] = MARGIN + (maxY - layout.y[k]) * UNIT; // y up in the layout, down on screen
  }
  return { width: 2 * MARGIN + (maxX - minX) * UNIT, height: 2 * MARGIN + (maxY - minY) * UNIT, px, py };
}

/** Unit vector at base k perpendicular to the backbone, on the side with fewer bases nearby. */
export function outward(g: DrawingGeometry, k: number): [number, number] {
  const n = g.px.length;
  const a = Math.max(0, k - 1);
  const b = Math.min(n - 1, k + 1);
  let tx = g.px[b] - g.px[a];
  let ty = g.py[b] - g.py[a];
  const len = Math.hypot(tx, ty) || 1;
  tx /= len;
  ty /= len;
  const nx = -ty;
  const ny = tx;
  const crowd = (sx: number, sy: number) => {
    const cx = g.px[k] + sx * 1.3 * UNIT;
    const cy = g.py[k] + sy * 1.3 * UNIT;
    let c = 0;
    for (let m = 0; m < n; m++) if (Math.hypot(g.px[m] - cx, g.py[m] - cy) < 2.2 * UNIT) c++;
    return c;
  };
  return crowd(nx, ny) <= crowd(-nx, -ny) ? [nx, ny] : [-nx, -ny];
}

export function drawingTree(model: StructureModel, o: DrawingOptions): SvgNode {
  return drawing(model, o).tree;
}

export function drawing(model: StructureModel, o: DrawingOptions): { tree: SvgNode; geometry: DrawingGeometry } {
  const layout = o.layout ?? radialLayout(model.nestedPartner);
  const g = drawingGeometry(layout);
  const { theme } = o;
  const n = model.n;
  const points: string[] = [];
  for (let k = 0; k < n; k++) points.push(`${g.px[k].toFixed(1)},${g.py[k].toFixed(1)}`);
  const pairs = model.pairs.map((p) =>
    svg('line', {
      class: p.pseudoknot ? 'pair pk' : 'pair',
      x1: g.px[p.i],
      y1: g.py[p.i],
      x2: g.px[p.j],
      y2: g.py[p.j],
      stroke: p.pseudoknot ? theme.purple : theme.muted,
      'stroke-width': p.pseudoknot ? 1.2 : 2,
      ...(p.pseudoknot ? { 'stroke-dasharray': '3 2' } : {}),
      'data-i': p.i,
      'data-j': p.j,
    }),
  );
  const r = 0.42 * UNIT;
  const bases: SvgNode[] = [];
  const letters: SvgNode[] = [];
  for (let k = 0; k < n; k++) {
    bases.push(svg('circle', { class: 'base', cx: g.px[k], cy: g.py[k], r, fill: o.colours[k], 'data-pos': k }));
    letters.push(
      svg('text', { x: g.px[k], y: g.py[k] + 3.3, fill: textColourOn(o.colours[k]), 'text-anchor': 'middle', 'font-size': 9.5 }, undefined, model.sequence[k]),
    );
  }
  const marks: SvgNode[] = [];
  const label = (k: number, text: string, dist: number, cls: string) => {
    const [ux, uy] = outward(g, k);
    marks.push(
      svg('text', {
        class: cls,
        x: g.px[k] + ux * dist,
        y: g.py[k] + uy * dist + 3.5,
        fill: cls === 'end' ? theme.foreground : theme.muted,
        'text-anchor': 'middle',
        'font-size': cls === 'end' ? 11 : 9,
        'font-weight': cls === 'end' ? 'bold' : undefined,
      }, undefined, text),
    );
    if (cls === 'tick') {
      marks.push(svg('line', { class: 'tick', x1: g.px[k] + ux * r, y1: g.py[k] + uy * r, x2: g.px[k] + ux * (dist - 7), y2: g.py[k] + uy * (dist - 7), stroke: theme.muted }));
    }
  };
  if (n > 0) {
    label(0, '5′', 1.5 * UNIT, 'end');
    if (n > 1) label(n - 1, '3′', 1.5 * UNIT, 'end');
  }
  for (let k = 9; k < n; k += 10) if (k !== n - 1) label(k, String(k + 1), 1.6 * UNIT, 'tick');
  const children: SvgNode[] = [];
  if (o.standalone) {
    children.push(svg('title', undefined, undefined, `${model.record.id} ${model.record.description}`.trim()));
    children.push(svg('rect', { x: 0, y: 0, width: g.width, height: g.height, fill: theme.background }));
  }
  children.push(
    svg('g', { class: 'zoom-layer' }, [
      svg('polyline', { class: 'backbone', points: points.join(' '), fill: 'none', stroke: theme.lines, 'stroke-width': 1.5 }),
      svg('g', { class: 'pairs' }, pairs),
      svg('g', { class: 'marks', 'font-family': theme.fontFamily }, marks),
      svg('g', { class: 'bases', stroke: theme.foreground, 'stroke-opacity': 0.4, 'stroke-width': 0.6 }, bases),
      svg('g', { class: 'letters', 'font-family': theme.fontFamily, 'pointer-events': 'none' }, letters),
    ]),
  );
  const tree = svg('svg', { class: 'drawing', width: g.width, height: g.height, viewBox: `0 0 ${g.width.toFixed(1)} ${g.height.toFixed(1)}` }, children);
  return { tree, geometry: g };
}

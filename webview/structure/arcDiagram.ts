// The arc diagram as an SvgNode tree: one <path> per base pair (nothing else in it is a path, so
// an exported file has exactly one path per arc), a baseline, a circle and letter per base and
// position ticks every 10. Arc opacity is the pair's probability in the probability colour mode.
import { svg, type SvgNode } from '../shared/svgTree';
import type { ThemeColours } from '../shared/themeColours';
import { arcGeometry, type ArcGeometry } from './arcGeometry';
import type { ColourMode } from './messages';
import type { StructureModel } from './structureModel';

export interface ArcDiagramOptions {
  mode: ColourMode;
  colours: string[];
  theme: ThemeColours;
  /** standalone file: background, title, fonts inline */
  standalone?: boolean;
  /** px between bases (default 8) and the tallest arc (default 220) */
  spacing?: number;
  maxArcHeight?: number;
}

/** Lowest opacity of an arc in probability mode, so that improbable pairs stay visible. */
export const MIN_ARC_OPACITY = 0.08;

export function arcOpacity(p: number): number {
  return Math.max(MIN_ARC_OPACITY, Math.min(1, p));
}

export function arcDiagramTree(model: StructureModel, o: ArcDiagramOptions): SvgNode {
  return arcDiagram(model, o).tree;
}

export function arcDiagram(model: StructureModel, o: ArcDiagramOptions): { tree: SvgNode; geometry: ArcGeometry } {
  const g = arcGeometry(model.n, model.pairs, o.spacing, o.maxArcHeight);
  const { theme } = o;
  const arcs = g.arcs.map(({ pair, d }) =>
    svg('path', {
      class: pair.pseudoknot ? 'arc pk' : 'arc',
      d,
      fill: 'none',
      stroke: pair.pseudoknot ? theme.purple : theme.blue,
      'stroke-width': 1.5,
      'stroke-opacity': o.mode === 'unpaired' ? arcOpacity(model.probability(pair.i, pair.j)) : 0.9,
      'data-i': pair.i,
      'data-j': pair.j,
    }),
  );
  const y = g.baseline;
  const bases: SvgNode[] = [];
  const letters: SvgNode[] = [];
  for (let k = 0; k < model.n; k++) {
    bases.push(svg('circle', { class: 'base', cx: g.x(k), cy: y, r: 3.4, fill: o.colours[k], 'data-pos': k }));
    letters.push(
      svg('text', { x: g.x(k), y: y + 14, fill: theme.foreground, 'text-anchor': 'middle', 'font-size': 8 }, undefined, model.sequence[k]),
    );
  }
  const ticks: SvgNode[] = [];
  for (let k = 9; k < model.n; k += 10) {
    ticks.push(svg('line', { x1: g.x(k), y1: y + 18, x2: g.x(k), y2: y + 22, stroke: theme.muted }));
    ticks.push(svg('text', { x: g.x(k), y: y + 31, fill: theme.muted, 'text-anchor': 'middle', 'font-size': 8 }, undefined, String(k + 1)));
  }
  const children: SvgNode[] = [];
  if (o.standalone) {
    children.push(svg('title', undefined, undefined, `${model.record.id} ${model.record.description}`.trim()));
    children.push(svg('rect', { x: 0, y: 0, width: g.width, height: g.height, fill: theme.background }));
  }
  children.push(
    svg('g', { class: 'zoom-layer' }, [
      svg('line', { class: 'baseline', x1: g.x(0), y1: y, x2: g.x(Math.max(0, model.n - 1)), y2: y, stroke: theme.lines }),
      svg('g', { class: 'arcs' }, arcs),
      svg('g', { class: 'bases', stroke: theme.foreground, 'stroke-opacity': 0.35, 'stroke-width': 0.5 }, bases),
      svg('g', { class: 'letters', 'font-family': theme.fontFamily }, letters),
      svg('g', { class: 'ticks', 'font-family': theme.fontFamily }, ticks),
    ]),
  );
  const tree = svg('svg', { class: 'arc-diagram', width: g.width, height: g.height, viewBox: `0 0 ${g.width} ${g.height}` }, children);
  return { tree, geometry: g };
}

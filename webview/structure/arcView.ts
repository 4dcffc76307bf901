// The arc diagram view: zooms along the sequence only (semantic zoom with d3-zoom): on each zoom
// the bases, arcs, letters and position ticks are placed again at the new scale, so text keeps its
// size, arcs keep their stroke and the tallest arcs flatten to fit the view. Hover as in the other
// views (data-pos on bases, data-i/data-j on arcs).
/// <reference lib="dom" />
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { SVG_NS } from '../shared/svgTree';
import { toSvgElement } from '../shared/svgDom';
import type { ThemeColours } from '../shared/themeColours';
import { arcDiagram } from './arcDiagram';
import { arcPath } from './arcGeometry';
import type { ColourMode } from './messages';
import type { Hover, HoverBus } from './hoverBus';
import type { StructureModel } from './structureModel';

const TICK_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];

export class ArcView {
  private svgEl: SVGSVGElement | undefined;
  private model: StructureModel | undefined;
  private theme: ThemeColours | undefined;
  private x0: (k: number) => number = () => 0;
  private spacing = 1;
  private baseline = 0;
  private ratioUp = 1;
  private ratioDown = 1;
  private paths: SVGPathElement[] = [];
  private circles: SVGCircleElement[] = [];
  private letters: SVGTextElement[] = [];
  private ticks: SVGGElement | undefined;
  private rings: SVGCircleElement[] = [];
  private transform: ZoomTransform = zoomIdentity;
  private readonly zoomer: ZoomBehavior<SVGSVGElement, unknown>;
  private frame = 0;

  constructor(private readonly body: HTMLElement, private readonly bus: HoverBus) {
    this.zoomer = zoom<SVGSVGElement, unknown>().on('zoom', (e: D3ZoomEvent<SVGSVGElement, unknown>) => {
      this.transform = e.transform;
      if (!this.frame) this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.place();
      });
    });
    bus.subscribe((h) => this.showHover(h));
  }

  get element(): SVGSVGElement | undefined {
    return this.svgEl;
  }

  show(model: StructureModel, mode: ColourMode, colours: string[], theme: ThemeColours, refit: boolean): void {
    const box = this.body.getBoundingClientRect();
    const width = Math.max(200, box.width);
    const spacing = Math.max(0.05, Math.min(12, (width - 32) / Math.max(1, model.n - 1)));
    const { tree, geometry: g } = arcDiagram(model, { mode, colours, theme, spacing, maxArcHeight: Math.max(60, box.height - 64) });
    this.model = model;
    this.theme = theme;
    this.x0 = g.x;
    this.spacing = spacing;
    this.baseline = g.baseline;
    const up = model.pairs.filter((p) => !p.pseudoknot).reduce((m, p) => Math.max(m, p.j - p.i), 0) * spacing / 2;
    const down = model.pairs.filter((p) => p.pseudoknot).reduce((m, p) => Math.max(m, p.j - p.i), 0) * spacing / 2;
    this.ratioUp = up > 0 ? (g.baseline - 16 - 6) / up : 1;
    this.ratioDown = down > 0 ? Math.min(1, (Math.max(60, box.height - 64) * 0.6) / down) : 1;
    const el = toSvgElement(tree) as SVGSVGElement;
    el.setAttribute('width', '100%');
    el.setAttribute('height', '100%');
    el.removeAttribute('viewBox');
    this.paths = Array.from(el.querySelectorAll<SVGPathElement>('path.arc'));
    this.circles = Array.from(el.querySelectorAll<SVGCircleElement>('circle.base'));
    this.letters = Array.from(el.querySelectorAll<SVGTextElement>('.letters text'));
    this.ticks = el.querySelector<SVGGElement>('g.ticks') ?? undefined;
    const strokeWidth = String(Math.max(0.6, Math.min(1.5, spacing * 0.6)));
    for (const p of this.paths) p.setAttribute('stroke-width', strokeWidth);
    const hl = document.createElementNS(SVG_NS, 'g');
    hl.setAttribute('class', 'highlight-layer');
    this.rings = [0, 1].map(() => {
      const c = document.createElementNS(SVG_NS, 'circle');
      c.setAttribute('class', 'ring');
      c.setAttribute('r', '6');
      c.style.display = 'none';
      hl.appendChild(c);
      return c;
    });
    el.querySelector('.zoom-layer')?.appendChild(hl);
    el.addEventListener('pointerover', (e) => {
      const t = e.target as Element | null;
      const k = t?.getAttribute('data-pos') ?? t?.getAttribute('data-i');
      if (k !== null && k !== undefined) this.bus.publish({ k: Number(k), source: 'arcs' });
    });
    el.addEventListener('pointerleave', () => this.bus.publish(null));
    if (this.svgEl) this.body.replaceChild(el, this.svgEl);
    else this.body.appendChild(el);
    this.svgEl = el;
    const extent: [[number, number], [number, number]] = [[0, 0], [width, g.height]];
    this.zoomer.extent(extent).translateExtent([[0, 0], [Math.max(width, g.width), g.height]]).scaleExtent([1, Math.max(1, 14 / spacing)]);
    select(el).call(this.zoomer).on('dblclick.zoom', null);
    el.addEventListener('dblclick', () => select(el).call(this.zoomer.transform, zoomIdentity));
    select(el).call(this.zoomer.transform, refit ? zoomIdentity : this.transform);
    this.place();
  }

  private X(k: number): number {
    return this.transform.k * this.x0(k) + this.transform.x;
  }

  /** Puts everything at the current zoom. */
  private place(): void {
    const m = this.model;
    const theme = this.theme;
    if (!m || !theme || !this.svgEl) return;
    const y = this.baseline;
    const px = this.spacing * this.transform.k; // screen px between neighbours
    const r = Math.max(1, Math.min(5, px * 0.42));
    this.circles.forEach((c, k) => {
      c.setAttribute('cx', this.X(k).toFixed(1));
      c.setAttribute('r', r.toFixed(1));
    });
    const showLetters = px >= 9;
    this.svgEl.classList.toggle('hide-letters', !showLetters);
    if (showLetters) this.letters.forEach((t, k) => t.setAttribute('x', this.X(k).toFixed(1)));
    const maxUp = y - 8;
    m.pairs.forEach((p, idx) => {
      const x1 = this.X(p.i);
      const x2 = this.X(p.j);
      const rx = (x2 - x1) / 2;
      const ratio = p.pseudoknot ? this.ratioDown : Math.min(this.ratioUp, maxUp / Math.max(rx, 1e-9));
      this.paths[idx]?.setAttribute('d', arcPath(x1, x2, y, ratio, p.pseudoknot));
    });
    // position ticks: a round step that leaves room for the labels
    if (this.ticks) {
      const step = TICK_STEPS.find((s) => s * px >= 34) ?? TICK_STEPS[TICK_STEPS.length - 1];
      const width = this.body.getBoundingClientRect().width;
      while (this.ticks.firstChild) this.ticks.removeChild(this.ticks.firstChild);
      const first = Math.max(step, Math.ceil(((-this.transform.x) / this.transform.k / this.spacing) / step) * step);
      for (let pos = first; pos <= m.n; pos += step) {
        const x = this.X(pos - 1);
        if (x > width + 20) break;
        const line = document.createElementNS(SVG_NS, 'line');
        line.setAttribute('x1', x.toFixed(1));
        line.setAttribute('x2', x.toFixed(1));
        line.setAttribute('y1', String(y + 18));
        line.setAttribute('y2', String(y + 22));
        line.setAttribute('stroke', theme.muted);
        const label = document.createElementNS(SVG_NS, 'text');
        label.setAttribute('x', x.toFixed(1));
        label.setAttribute('y', String(y + 32));
        label.setAttribute('fill', theme.muted);
        label.setAttribute('text-anchor', 'middle');
        label.setAttribute('font-size', '9');
        label.textContent = String(pos);
        this.ticks.append(line, label);
      }
    }
    const baseline = this.svgEl.querySelector('.baseline');
    baseline?.setAttribute('x1', this.X(0).toFixed(1));
    baseline?.setAttribute('x2', this.X(Math.max(0, m.n - 1)).toFixed(1));
    this.showHover(this.bus.value);
  }

  private showHover(h: Hover | null): void {
    const m = this.model;
    if (!m || !this.svgEl) return;
    this.svgEl.querySelectorAll('.hl').forEach((e) => e.classList.remove('hl'));
    const other = h ? (h.other ?? m.partner[h.k]) : -1;
    [h?.k ?? -1, other].forEach((k, idx) => {
      const ring = this.rings[idx];
      if (!ring) return;
      if (k < 0) {
        ring.style.display = 'none';
        return;
      }
      ring.setAttribute('cx', this.X(k).toFixed(1));
      ring.setAttribute('cy', String(this.baseline));
      ring.style.display = '';
      ring.classList.toggle('ring-partner', idx === 1);
    });
    if (h && other >= 0) {
      const [a, b] = h.k < other ? [h.k, other] : [other, h.k];
      this.svgEl.querySelector(`path[data-i="${a}"][data-j="${b}"]`)?.classList.add('hl');
    }
    if (h) this.circles[h.k]?.classList.add('hl');
  }
}

// An SVG view with pan and zoom (d3-zoom on the <svg>, transform on its .zoom-layer, fitted to the
// box at first) and linked hover: bases carry data-pos, pairs data-i/data-j; the hovered base and
// its partner get rings, the pair its highlight class. Letters hide when they would be too small
// to read. Used for the 2D drawing.
/// <reference lib="dom" />
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { SVG_NS, type SvgNode } from '../shared/svgTree';
import { toSvgElement } from '../shared/svgDom';
import type { Hover, HoverBus } from './hoverBus';

export interface SvgViewContent {
  tree: SvgNode;
  width: number;
  height: number;
  /** screen position (content coordinates) of base k */
  position: (k: number) => [number, number];
  partner: (k: number) => number;
  /** radius of a base in content units (ring size) */
  baseRadius: number;
  /** content units between neighbouring bases (to decide when letters are readable) */
  spacing: number;
}

export class SvgPanZoomView {
  private svgEl: SVGSVGElement | undefined;
  private layer: SVGGElement | undefined;
  private rings: SVGCircleElement[] = [];
  private content: SvgViewContent | undefined;
  private transform: ZoomTransform = zoomIdentity;
  private readonly zoomer: ZoomBehavior<SVGSVGElement, unknown>;
  private fitted = false;

  constructor(
    private readonly body: HTMLElement,
    private readonly source: Hover['source'],
    private readonly bus: HoverBus,
  ) {
    this.zoomer = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.05, 40])
      .on('zoom', (e: D3ZoomEvent<SVGSVGElement, unknown>) => this.applyTransform(e.transform));
    bus.subscribe((h) => this.showHover(h));
    new ResizeObserver(() => {
      if (!this.fitted) this.resetZoom();
    }).observe(body);
  }

  get element(): SVGSVGElement | undefined {
    return this.svgEl;
  }

  /** Replaces the drawing; keeps the zoom unless `refit`. */
  show(content: SvgViewContent, refit: boolean): void {
    this.content = content;
    const el = toSvgElement(content.tree) as SVGSVGElement;
    el.setAttribute('width', '100%');
    el.setAttribute('height', '100%');
    el.removeAttribute('viewBox');
    this.layer = el.querySelector<SVGGElement>('.zoom-layer') ?? undefined;
    const hl = document.createElementNS(SVG_NS, 'g');
    hl.setAttribute('class', 'highlight-layer');
    this.rings = [0, 1].map(() => {
      const c = document.createElementNS(SVG_NS, 'circle');
      c.setAttribute('class', 'ring');
      c.setAttribute('r', String(content.baseRadius + 2.5));
      c.setAttribute('vector-effect', 'non-scaling-stroke');
      c.style.display = 'none';
      hl.appendChild(c);
      return c;
    });
    this.layer?.appendChild(hl);
    el.addEventListener('pointerover', (e) => this.onPointer(e));
    el.addEventListener('pointerleave', () => this.bus.publish(null));
    if (this.svgEl) this.body.replaceChild(el, this.svgEl);
    else this.body.appendChild(el);
    this.svgEl = el;
    select(el).call(this.zoomer).on('dblclick.zoom', null);
    el.addEventListener('dblclick', () => this.resetZoom());
    if (refit || !this.fitted) this.resetZoom();
    else select(el).call(this.zoomer.transform, this.transform);
    this.showHover(this.bus.value);
  }

  resetZoom(): void {
    if (!this.svgEl || !this.content) return;
    const r = this.body.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return;
    const k = Math.min(r.width / this.content.width, r.height / this.content.height, 2.5);
    const t = zoomIdentity.translate((r.width - this.content.width * k) / 2, (r.height - this.content.height * k) / 2).scale(k);
    this.fitted = true;
    select(this.svgEl).call(this.zoomer.transform, t);
  }

  private applyTransform(t: ZoomTransform): void {
    this.transform = t;
    this.layer?.setAttribute('transform', t.toString());
    const readable = (this.content?.spacing ?? 0) * t.k >= 9;
    this.svgEl?.classList.toggle('hide-letters', !readable);
  }

  private onPointer(e: PointerEvent): void {
    const t = e.target as Element | null;
    const pos = t?.getAttribute('data-pos');
    const i = t?.getAttribute('data-i');
    if (pos !== null && pos !== undefined) this.bus.publish({ k: Number(pos), source: this.source });
    else if (i !== null && i !== undefined) this.bus.publish({ k: Number(i), source: this.source });
  }

  private showHover(h: Hover | null): void {
    const c = this.content;
    if (!c || !this.svgEl) return;
    this.svgEl.querySelectorAll('.hl').forEach((e) => e.classList.remove('hl'));
    const other = h ? (h.other ?? c.partner(h.k)) : -1;
    const at = [h?.k ?? -1, other];
    this.rings.forEach((ring, idx) => {
      const k = at[idx];
      if (k === undefined || k < 0) {
        ring.style.display = 'none';
        return;
      }
      const [x, y] = c.position(k);
      ring.setAttribute('cx', String(x));
      ring.setAttribute('cy', String(y));
      ring.style.display = '';
      ring.classList.toggle('ring-partner', idx === 1);
    });
    if (h && other >= 0) {
      const [a, b] = h.k < other ? [h.k, other] : [other, h.k];
      this.svgEl.querySelector(`[data-i="${a}"][data-j="${b}"]`)?.classList.add('hl');
    }
    if (h) this.svgEl.querySelector(`[data-pos="${h.k}"]`)?.classList.add('hl');
  }
}

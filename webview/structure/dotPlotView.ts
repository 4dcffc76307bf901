// The dot plot view: a canvas sized to its box (device-pixel sharp), pan and zoom with d3-zoom,
// hover over a cell or an axis base published on the hover bus, redraws batched per frame.
/// <reference lib="dom" />
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import type { ThemeColours } from '../shared/themeColours';
import { drawDotPlot, DotPlotImageCache, PLOT_LEFT, PLOT_TOP } from './dotPlotDraw';
import { dotPlotPixels } from './dotPlotImage';
import type { Hover, HoverBus } from './hoverBus';
import type { StructureModel } from './structureModel';

const PAD = 10;

export function dotPlotColours(theme: ThemeColours) {
  return { probability: theme.blue, structure: theme.foreground, pseudoknot: theme.purple };
}

export class DotPlotView {
  readonly canvas: HTMLCanvasElement;
  private model: StructureModel | undefined;
  private theme: ThemeColours | undefined;
  private images: DotPlotImageCache | undefined;
  private transform: ZoomTransform = zoomIdentity;
  private readonly zoomer: ZoomBehavior<HTMLCanvasElement, unknown>;
  private frame = 0;
  private width = 0;
  private height = 0;

  constructor(private readonly body: HTMLElement, private readonly bus: HoverBus) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'dotplot-canvas';
    body.appendChild(this.canvas);
    this.zoomer = zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([1, 1])
      .on('zoom', (e: D3ZoomEvent<HTMLCanvasElement, unknown>) => {
        this.transform = e.transform;
        this.schedule();
      });
    select(this.canvas).call(this.zoomer).on('dblclick.zoom', null);
    this.canvas.addEventListener('dblclick', () => this.resetZoom());
    this.canvas.addEventListener('pointermove', (e) => this.onPointer(e));
    this.canvas.addEventListener('pointerleave', () => this.bus.publish(null));
    bus.subscribe(() => this.schedule());
    new ResizeObserver(() => this.resize()).observe(body);
  }

  private get side(): number {
    return Math.max(10, Math.min(this.width - PLOT_LEFT - PAD, this.height - PLOT_TOP - PAD));
  }

  setModel(model: StructureModel, theme: ThemeColours): void {
    this.model = model;
    this.setTheme(theme);
    this.canvas.dataset.cells = String(model.n);
    this.resetZoom();
  }

  setTheme(theme: ThemeColours): void {
    this.theme = theme;
    if (this.model) this.images = new DotPlotImageCache(dotPlotPixels(this.model, dotPlotColours(theme)), this.model.n);
    this.schedule();
  }

  resetZoom(): void {
    select(this.canvas).call(this.zoomer.transform, zoomIdentity);
  }

  private resize(): void {
    const r = this.body.getBoundingClientRect();
    // the canvas is as wide as the square plot needs and centred in its box (CSS)
    const side = Math.max(10, Math.min(r.width - PLOT_LEFT - PAD, r.height - PLOT_TOP - PAD));
    this.width = Math.max(0, Math.floor(Math.min(r.width, PLOT_LEFT + side + PAD)));
    this.height = Math.max(0, Math.floor(r.height));
    const dpr = window.devicePixelRatio || 1;
    this.canvas.width = Math.round(this.width * dpr);
    this.canvas.height = Math.round(this.height * dpr);
    this.canvas.style.width = `${this.width}px`;
    this.canvas.style.height = `${this.height}px`;
    const s = this.side;
    const area: [[number, number], [number, number]] = [[PLOT_LEFT, PLOT_TOP], [PLOT_LEFT + s, PLOT_TOP + s]];
    const maxZoom = Math.max(1, (this.model?.n ?? 1) / 4);
    this.zoomer.extent(area).translateExtent(area).scaleExtent([1, maxZoom]);
    this.draw();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  /** Draws now (the panel measures render time with it). */
  draw(): void {
    const ctx = this.canvas.getContext('2d');
    if (!ctx || !this.model || !this.theme || !this.images || this.width === 0) return;
    const dpr = window.devicePixelRatio || 1;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    drawDotPlot(ctx, this.model, this.images, this.theme, {
      width: this.width,
      height: this.height,
      side: this.side,
      transform: this.transform,
      hover: this.bus.value,
    });
  }

  private onPointer(e: PointerEvent): void {
    const m = this.model;
    if (!m) return;
    const r = this.canvas.getBoundingClientRect();
    const mx = e.clientX - r.left;
    const my = e.clientY - r.top;
    const [wx, wy] = this.transform.invert([mx, my]);
    const unit = this.side / m.n;
    const col = Math.floor((wx - PLOT_LEFT) / unit);
    const row = Math.floor((wy - PLOT_TOP) / unit);
    const inCols = col >= 0 && col < m.n;
    const inRows = row >= 0 && row < m.n;
    let h: Hover | null = null;
    if (mx >= PLOT_LEFT && my >= PLOT_TOP && inCols && inRows) h = row === col ? { k: row, source: 'dotPlot' } : { k: Math.min(row, col), other: Math.max(row, col), source: 'dotPlot' };
    else if (mx < PLOT_LEFT && my >= PLOT_TOP && inRows) h = { k: row, source: 'dotPlot' };
    else if (my < PLOT_TOP && mx >= PLOT_LEFT && inCols) h = { k: col, source: 'dotPlot' };
    this.bus.publish(h);
  }

  /** The whole plot (no zoom, no hover) as a PNG, base64 without the data: prefix. */
  exportPng(): string {
    const m = this.model;
    const theme = this.theme;
    if (!m || !theme || !this.images) return '';
    const cellPx = Math.max(1, Math.floor(1600 / m.n));
    const side = m.n * cellPx;
    const c = document.createElement('canvas');
    c.width = PLOT_LEFT + side + PAD;
    c.height = PLOT_TOP + side + PAD;
    const ctx = c.getContext('2d')!;
    drawDotPlot(ctx, m, this.images, theme, { width: c.width, height: c.height, side, transform: zoomIdentity, hover: null });
    return c.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
  }
}

// The structure panel in the webview: receives a record (HostMessage 'data'), builds the model and
// the 2D layout once, renders the three linked views and re-colours them when the colour mode, the
// attribution values or the VS Code theme change; produces exports on request; reports render time.
/// <reference lib="dom" />
import { toSvgString } from '../shared/svgTree';
import { readTheme, onThemeChange } from '../shared/theme';
import type { ThemeColours } from '../shared/themeColours';
import type { Messenger } from '../shared/vscodeApi';
import { arcDiagram } from './arcDiagram';
import { legendFor, positionColours } from './colourScales';
import { DotPlotView } from './dotPlotView';
import { drawing, UNIT } from './drawing';
import { dotPlotTsv } from './dotPlotTsv';
import { renderHeader } from './headerView';
import { describeBase, describeCell } from './hoverInfo';
import { HoverBus } from './hoverBus';
import { renderLegend } from './legendView';
import { isHostMessage, type ColourMode, type ExportKind, type HostMessage, type PanelMessage, type StructurePanelState, type StructureRecord } from './messages';
import { buildPanel, type PanelElements } from './panelLayout';
import { radialLayout, type Layout } from './radialLayout';
import { buildStructureModel, type StructureModel } from './structureModel';
import { SvgPanZoomView } from './svgPanZoomView';
import { ArcView } from './arcView';
import { ToolbarView } from './toolbarView';

type PanelMessenger = Messenger<HostMessage, PanelMessage, StructurePanelState>;

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

export class PanelApp {
  private readonly bus = new HoverBus();
  private readonly toolbar: ToolbarView;
  private readonly ui: PanelElements;
  private readonly dotPlot: DotPlotView;
  private readonly arcs: ArcView;
  private readonly drawingView: SvgPanZoomView;
  private theme: ThemeColours = readTheme();
  private model: StructureModel | undefined;
  private layout: Layout | undefined;
  private mode: ColourMode;
  private attribution: number[] | null = null;
  private attributionModel: string | undefined;

  constructor(root: HTMLElement, private readonly messenger: PanelMessenger) {
    this.mode = messenger.getState()?.colourMode ?? 'base';
    if (this.mode === 'attribution') this.mode = 'base';
    this.toolbar = new ToolbarView((m) => this.setMode(m));
    this.ui = buildPanel(root, this.toolbar, (k) => this.exportView(k));
    this.dotPlot = new DotPlotView(this.ui.dotPlot, this.bus);
    this.drawingView = new SvgPanZoomView(this.ui.drawing, 'drawing', this.bus);
    this.arcs = new ArcView(this.ui.arcs, this.bus);
    this.bus.subscribe((h) => {
      const m = this.model;
      if (!m) return;
      this.toolbar.setInfo(!h ? '' : h.other !== undefined ? describeCell(m, h.k, h.other) : describeBase(m, h.k, this.attributionFor(m)));
    });
    onThemeChange(() => {
      this.theme = readTheme();
      if (!this.model) return;
      this.dotPlot.setTheme(this.theme);
      this.recolour();
    });
    this.setState('empty', 'Place the cursor in a record and run “Basepair: Show Structure”.');
    this.toolbar.update(this.mode, false);
    messenger.listen(isHostMessage, (m) => void this.onMessage(m));
    window.addEventListener('error', (e) => messenger.post({ kind: 'log', level: 'error', message: String(e.message) }));
    messenger.post({ kind: 'ready' });
  }

  private setState(state: 'empty' | 'loading' | 'ready' | 'error', message = ''): void {
    this.ui.root.dataset.state = state;
    this.ui.message.textContent = message;
  }

  private async onMessage(m: HostMessage): Promise<void> {
    switch (m.kind) {
      case 'loading':
        this.setState('loading', m.label);
        break;
      case 'error':
        this.setState('error', m.message);
        break;
      case 'data':
        await this.showRecord(m.record);
        break;
      case 'attribution':
        this.attribution = m.values;
        this.attributionModel = m.model;
        if (!this.attributionFor(this.model) && this.mode === 'attribution') this.mode = 'base';
        if (this.model) this.recolour();
        else this.toolbar.update(this.mode, false);
        break;
      case 'requestExport':
        this.exportView(m.what);
        break;
    }
  }

  /** Attribution values when they fit the shown record. */
  private attributionFor(m: StructureModel | undefined): number[] | null {
    return m && this.attribution && this.attribution.length === m.n ? this.attribution : null;
  }

  private setMode(mode: ColourMode): void {
    if (mode === this.mode) return;
    this.mode = mode;
    this.saveState();
    this.messenger.post({ kind: 'colourMode', mode });
    if (this.model) this.recolour();
  }

  private saveState(): void {
    const r = this.model?.record;
    this.messenger.setState({
      ...(r ? { uri: r.uri, position: { line: r.headerLine, character: 0 } } : this.messenger.getState() ?? {}),
      colourMode: this.mode,
    });
  }

  private async showRecord(record: StructureRecord): Promise<void> {
    const t0 = performance.now();
    if (this.model && this.model.sequence !== record.sequence) this.attribution = null;
    const model = buildStructureModel(record);
    this.model = model;
    this.bus.publish(null);
    renderHeader(this.ui.header, record);
    this.setState('ready');
    document.title = `Structure: ${record.id}`;
    const t1 = performance.now();
    this.dotPlot.setModel(model, this.theme);
    this.dotPlot.draw();
    const t2 = performance.now();
    this.layout = radialLayout(model.nestedPartner);
    this.renderSvgViews(true);
    const t3 = performance.now();
    this.saveState();
    await nextFrame();
    await nextFrame();
    const total = performance.now() - t0;
    const ms = { dotPlot: t2 - t1, arcs: this.lastArcMs, drawing: t3 - t2 - this.lastArcMs, total };
    this.ui.root.dataset.renderMs = total.toFixed(1);
    this.messenger.post({ kind: 'rendered', id: record.id, n: model.n, ms });
  }

  private lastArcMs = 0;

  private recolour(): void {
    this.renderSvgViews(false);
  }

  private renderSvgViews(refit: boolean): void {
    const m = this.model;
    if (!m || !this.layout) return;
    const attribution = this.attributionFor(m);
    const colours = positionColours(m, this.mode, this.theme, attribution);
    this.toolbar.update(this.mode, !!attribution, this.attributionModel);
    renderLegend(this.toolbar.legend, legendFor(this.mode, this.theme, attribution, this.attributionModel));
    const ta = performance.now();
    this.arcs.show(m, this.mode, colours, this.theme, refit);
    this.lastArcMs = performance.now() - ta;
    const d = drawing(m, { colours, theme: this.theme, layout: this.layout });
    this.drawingView.show(
      {
        tree: d.tree,
        width: d.geometry.width,
        height: d.geometry.height,
        position: (k) => [d.geometry.px[k], d.geometry.py[k]],
        partner: (k) => m.partner[k],
        baseRadius: 0.42 * UNIT,
        spacing: UNIT,
      },
      refit,
    );
  }

  private exportView(what: ExportKind): void {
    const m = this.model;
    if (!m || !this.layout) return;
    const name = (m.record.id || `record-${m.record.recordIndex + 1}`).replace(/[^\w.-]+/g, '_').slice(0, 60) || 'record';
    const colours = positionColours(m, this.mode, this.theme, this.attributionFor(m));
    const xml = '<?xml version="1.0" encoding="UTF-8"?>\n';
    const post = (fileName: string, content: string, encoding: 'utf8' | 'base64') =>
      this.messenger.post({ kind: 'export', what, fileName, content, encoding });
    switch (what) {
      case 'arcSvg':
        post(`${name}-arcs.svg`, xml + toSvgString(arcDiagram(m, { mode: this.mode, colours, theme: this.theme, standalone: true }).tree) + '\n', 'utf8');
        break;
      case 'drawingSvg':
        post(`${name}-structure.svg`, xml + toSvgString(drawing(m, { colours, theme: this.theme, layout: this.layout, standalone: true }).tree) + '\n', 'utf8');
        break;
      case 'dotPlotPng':
        post(`${name}-dotplot.png`, this.dotPlot.exportPng(), 'base64');
        break;
      case 'dotPlotTsv':
        post(`${name}-dotplot.tsv`, dotPlotTsv(m), 'utf8');
        break;
    }
  }
}

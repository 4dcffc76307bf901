// The pairs panel: summary header, toolbar and the virtualised list of pairs. Holds the pair set
// the extension sent and the view (sort + filters, kept with setState so it survives reloads);
// exports, copy and "open as document" go to the extension as text. Never renders HTML.
/// <reference lib="dom" />
import { el, replaceChildren } from '../shared/dom';
import type { Messenger } from '../shared/vscodeApi';
import { DEFAULT_VIEW, isPairsMessage, type PairSet, type PairView, type PairsExportFormat, type PairsHostMessage, type PairsPanelMessage, type PairsPanelState } from './messages';
import { fastaId, pairsToFasta, pairsToTsv } from './pairExport';
import { PairsList } from './pairsList';
import { queryPairs, toggleSort } from './pairQuery';
import { summaryFacts } from './pairSet';
import { PairsToolbar } from './toolbarView';

export class PairsApp {
  private set: PairSet | undefined;
  private serial = -1;
  private view: PairView;
  private order: number[] = [];
  private readonly summary = el('header', { className: 'summary', attrs: { id: 'summary' } });
  private readonly toolbar: PairsToolbar;
  private readonly list: PairsList;
  private readonly status = el('div', { className: 'status', attrs: { id: 'status', role: 'status' } });

  constructor(
    private readonly root: HTMLElement,
    private readonly messenger: Messenger<PairsHostMessage, PairsPanelMessage, PairsPanelState>,
  ) {
    this.view = { ...DEFAULT_VIEW, ...messenger.getState()?.view };
    this.toolbar = new PairsToolbar({
      onFilter: (change) => this.setView({ ...this.view, ...change }),
      onExport: (format) => this.export(format),
      onOpenDocument: () => this.openDocument(),
    });
    this.toolbar.show(this.view);
    this.list = new PairsList(
      (key) => this.setView(toggleSort(this.view, key)),
      (text, row) => {
        this.messenger.post({ kind: 'copy', text });
        this.status.textContent = `Copied ${row.id}`;
      },
    );
    messenger.listen(isPairsMessage as (m: unknown) => m is PairsHostMessage, (m) => this.onMessage(m));
    this.showEmpty();
    messenger.post({ kind: 'ready' });
  }

  private onMessage(m: PairsHostMessage): void {
    try {
      switch (m.kind) {
        case 'loading':
          this.root.dataset['state'] = 'loading';
          replaceChildren(this.root, el('div', { className: 'empty' }, el('p', {}, m.label)));
          break;
        case 'error':
          this.root.dataset['state'] = 'error';
          replaceChildren(this.root, el('div', { className: 'empty error' }, el('h2', {}, 'Cannot show these pairs'), el('p', {}, m.message)));
          break;
        case 'empty':
          this.set = undefined;
          this.showEmpty();
          break;
        case 'data':
          // the extension re-sends what it shows when the page (re)loads: keep the scroll position
          if (m.serial === this.serial && this.set && this.root.dataset['state'] === 'ready') break;
          this.serial = m.serial;
          this.showSet(m.set);
          break;
        case 'requestAction':
          if (m.action === 'openDocument') this.openDocument();
          else this.export(m.action === 'exportTsv' ? 'tsv' : 'fasta');
          break;
      }
    } catch (err) {
      this.root.dataset['state'] = 'error';
      replaceChildren(this.root, el('div', { className: 'empty error' }, el('h2', {}, 'The pairs panel failed'), el('p', {}, String(err))));
      this.messenger.post({ kind: 'log', level: 'error', message: String(err) });
    }
  }

  private showEmpty(): void {
    this.root.dataset['state'] = 'empty';
    replaceChildren(this.root, el('div', { className: 'empty' },
      el('h2', {}, 'No pairs yet'),
      el('p', {}, 'Run "Basepair: Generate Pairs" with a pair model, or open a TSV/CSV file with seq_a and seq_b columns (optional id, score, label) and run "Basepair: Show Pairs Panel".')));
  }

  private showSet(set: PairSet): void {
    const t0 = performance.now();
    const sameSource = JSON.stringify(this.set?.source ?? this.messenger.getState()?.source) === JSON.stringify(set.source);
    this.set = set;
    if (!sameSource) this.view = { ...DEFAULT_VIEW, sort: set.rows.some((r) => r.score !== undefined) && set.generation ? 'score' : 'index', descending: !!set.generation };
    this.toolbar.show(this.view);
    this.toolbar.setNovelAvailable(set.rows.some((r) => r.novel !== undefined));
    this.renderSummary(set);
    replaceChildren(this.root, this.summary, this.toolbar.element, this.list.element, this.status);
    this.apply();
    this.root.dataset['state'] = 'ready';
    this.messenger.post({ kind: 'rendered', rows: set.rows.length, shown: this.order.length, ms: performance.now() - t0 });
  }

  private renderSummary(set: PairSet): void {
    const facts = summaryFacts(set);
    const kind = set.generation ? `generated pairs (${set.generation.mode})` : 'pairs file';
    replaceChildren(this.summary,
      el('div', { className: 'title' }, el('h1', { attrs: { id: 'set-title' } }, set.title), el('span', { className: 'meta' }, kind)),
      el('dl', { className: 'facts' }, ...facts.map((f) => el('div', { className: 'fact', ...(f.title ? { title: f.title } : {}) }, el('dt', {}, f.label), el('dd', {}, f.value)))));
  }

  private setView(view: PairView): void {
    this.view = view;
    this.apply();
  }

  private apply(): void {
    if (!this.set) return;
    this.order = queryPairs(this.set.rows, this.view);
    this.list.set(this.set.rows, this.order, this.view);
    this.toolbar.setCount(this.order.length, this.set.rows.length);
    this.messenger.setState({ source: this.set.source, view: this.view });
  }

  private shownRows() {
    const rows = this.set?.rows ?? [];
    return this.order.map((i) => rows[i]!);
  }

  private openDocument(): void {
    if (this.set) this.messenger.post({ kind: 'openDocument', content: pairsToTsv(this.shownRows()) });
  }

  private export(format: PairsExportFormat): void {
    if (!this.set) return;
    const rows = this.shownRows();
    const base = fastaId(this.set.title.replace(/\.[^.]+$/, '')).replace(/[^\w.-]+/g, '_');
    const fileName = `${base}-pairs.${format === 'tsv' ? 'tsv' : 'fasta'}`;
    this.messenger.post({ kind: 'export', format, fileName, content: format === 'tsv' ? pairsToTsv(rows) : pairsToFasta(rows) });
  }
}

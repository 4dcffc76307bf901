// The pairs panel's toolbar: text filter (id or sequence), minimum score, novel-only, the count of
// pairs shown, and the actions (export TSV / FASTA, open as document). Inputs are debounced.
/// <reference lib="dom" />
import { el } from '../shared/dom';
import type { PairView, PairsExportFormat } from './messages';

export interface ToolbarActions {
  onFilter(change: Partial<PairView>): void;
  onExport(format: PairsExportFormat): void;
  onOpenDocument(): void;
}

export class PairsToolbar {
  readonly element: HTMLElement;
  private readonly text: HTMLInputElement;
  private readonly minScore: HTMLInputElement;
  private readonly novel: HTMLInputElement;
  private readonly count: HTMLElement;
  private timer = 0;

  constructor(actions: ToolbarActions) {
    this.text = el('input', { attrs: { type: 'search', id: 'filter-text', placeholder: 'Filter id or sequence', 'aria-label': 'Filter by id or sequence', spellcheck: 'false' } });
    this.minScore = el('input', { attrs: { type: 'number', id: 'filter-min-score', min: '0', max: '1', step: '0.05', placeholder: '0', 'aria-label': 'Minimum score' } });
    this.novel = el('input', { attrs: { type: 'checkbox', id: 'filter-novel' } });
    this.count = el('span', { className: 'count', attrs: { id: 'pair-count', 'aria-live': 'polite' } });
    const apply = () => {
      const v = Number(this.minScore.value);
      actions.onFilter({ text: this.text.value, minScore: Number.isFinite(v) && v > 0 ? v : 0, novelOnly: this.novel.checked });
    };
    const debounced = () => {
      clearTimeout(this.timer);
      this.timer = window.setTimeout(apply, 150);
    };
    this.text.addEventListener('input', debounced);
    this.minScore.addEventListener('input', debounced);
    this.novel.addEventListener('change', apply);
    const button = (label: string, action: string, title: string, cb: () => void) => {
      const b = el('button', { title, attrs: { type: 'button', 'data-action': action } }, label);
      b.addEventListener('click', cb);
      return b;
    };
    this.element = el('div', { className: 'toolbar' },
      el('div', { className: 'filters' },
        this.text,
        el('label', { attrs: { for: 'filter-min-score' } }, 'min score ', this.minScore),
        el('label', { className: 'check' }, this.novel, ' novel only'),
        this.count),
      el('div', { className: 'actions' },
        button('Export TSV', 'export-tsv', 'Save the pairs shown (filtered, in this order) as TSV', () => actions.onExport('tsv')),
        button('Export FASTA', 'export-fasta', 'Save the pairs shown as FASTA (two records per pair)', () => actions.onExport('fasta')),
        button('Open as document', 'open-document', 'Open the pairs shown as a TSV document', () => actions.onOpenDocument())));
  }

  /** Puts a restored view into the inputs. */
  show(view: PairView): void {
    this.text.value = view.text;
    this.minScore.value = view.minScore > 0 ? String(view.minScore) : '';
    this.novel.checked = view.novelOnly;
  }

  setCount(shown: number, total: number): void {
    this.count.textContent = shown === total ? `${total.toLocaleString('en-US')} pairs` : `${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} pairs`;
  }

  setNovelAvailable(available: boolean): void {
    this.novel.disabled = !available;
    this.novel.title = available ? '' : 'These pairs have no novelty flag';
  }
}

// The virtualised list of pairs: a scroller with a sticky column header and a body as tall as all
// rows, of which only the rows in view (plus a margin) exist in the DOM, so 10,000 pairs scroll as
// fast as 10. Each row: number, id, the duplex (A 5'->3', pairing marks, B 3'->5', monospace),
// score, GC of A and B, novelty, and a copy button. Every id and sequence is a text node.
/// <reference lib="dom" />
import { el, replaceChildren } from '../shared/dom';
import type { PairRow, PairView, SortKey } from './messages';
import { pairClipboardText, formatFraction } from './pairExport';
import { duplexLines } from './pairMarks';

/** Row height in px; must match .pair-row in media/pairs.css. */
export const ROW_HEIGHT = 60;
const OVERSCAN = 6;

const COLUMNS: { key: SortKey | null; label: string; title: string; className: string }[] = [
  { key: 'index', label: '#', title: 'Order of the set', className: 'c-index' },
  { key: 'id', label: 'id', title: 'Sort by id', className: 'c-id' },
  { key: null, label: "A 5'→3' / B 3'→5'", title: '| Watson-Crick pair (A-U, A-T, G-C), : wobble (G-U, G-T)', className: 'c-duplex' },
  { key: 'score', label: 'score', title: 'Classifier probability of interaction', className: 'c-num' },
  { key: 'gcA', label: 'GC A', title: 'GC fraction of A', className: 'c-num' },
  { key: 'gcB', label: 'GC B', title: 'GC fraction of B', className: 'c-num' },
  { key: 'novel', label: 'novel', title: 'Not among the training pairs', className: 'c-flag' },
  { key: null, label: '', title: '', className: 'c-copy' },
];

/** The middle line as spans of same-kind marks (coloured by CSS), still exactly one char per column. */
function marksLine(middle: string): HTMLElement {
  const line = el('div', { className: 'marks' });
  let i = 0;
  while (i < middle.length) {
    let j = i + 1;
    while (j < middle.length && middle[j] === middle[i]) j++;
    const run = middle.slice(i, j);
    line.appendChild(run[0] === '|' ? el('span', { className: 'wc' }, run) : run[0] === ':' ? el('span', { className: 'gu' }, run) : document.createTextNode(run));
    i = j;
  }
  return line;
}

export class PairsList {
  readonly element: HTMLElement;
  private readonly header: HTMLElement;
  private readonly body: HTMLElement;
  private rows: readonly PairRow[] = [];
  private order: readonly number[] = [];
  private view: PairView | undefined;
  private pending = 0;
  private drawn = '';

  constructor(
    private readonly onSort: (key: SortKey) => void,
    private readonly onCopy: (text: string, row: PairRow) => void,
  ) {
    this.header = el('div', { className: 'pair-header', attrs: { role: 'row' } });
    this.body = el('div', { className: 'pair-body', attrs: { role: 'rowgroup' } });
    this.element = el('div', { className: 'pair-scroller', attrs: { role: 'table', 'aria-label': 'Pairs', tabindex: '0' } }, this.header, this.body);
    this.element.addEventListener('scroll', () => this.schedule());
    new ResizeObserver(() => this.schedule()).observe(this.element);
  }

  /** Shows `order` (indices into `rows`); scrolls back to the top when the rows or the order change. */
  set(rows: readonly PairRow[], order: readonly number[], view: PairView): void {
    const changed = rows !== this.rows || order.length !== this.order.length || order.some((v, k) => this.order[k] !== v);
    this.rows = rows;
    this.order = order;
    this.view = view;
    const longest = rows.reduce((m, r) => Math.max(m, r.a.length, r.b.length), 0);
    this.element.style.setProperty('--duplex-ch', String(longest + 6));
    this.body.style.height = `${order.length * ROW_HEIGHT}px`;
    this.renderHeader();
    if (changed) {
      this.element.scrollTop = 0;
      this.drawn = '';
    }
    this.renderRows();
  }

  private renderHeader(): void {
    const cells = COLUMNS.map((c) => {
      if (!c.key) return el('div', { className: `cell ${c.className}`, title: c.title, attrs: { role: 'columnheader' } }, c.label);
      const key = c.key;
      const active = this.view?.sort === key;
      const sortState = active ? (this.view!.descending ? 'descending' : 'ascending') : 'none';
      const b = el('button', { className: 'sort', title: c.title, attrs: { type: 'button', 'data-sort': key } }, c.label, active ? (this.view!.descending ? ' ▼' : ' ▲') : '');
      b.addEventListener('click', () => this.onSort(key));
      return el('div', { className: `cell ${c.className}`, attrs: { role: 'columnheader', 'aria-sort': sortState } }, b);
    });
    replaceChildren(this.header, ...cells);
  }

  private schedule(): void {
    if (this.pending) return;
    this.pending = requestAnimationFrame(() => {
      this.pending = 0;
      this.renderRows();
    });
  }

  /** Rebuilds the rows in view (a few dozen) when the window of rows changed. */
  private renderRows(): void {
    const headerH = this.header.offsetHeight;
    const top = Math.max(0, this.element.scrollTop - headerH);
    const height = this.element.clientHeight || 600;
    const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(this.order.length, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
    const key = `${first}:${last}`;
    if (key === this.drawn) return;
    this.drawn = key;
    const out: HTMLElement[] = [];
    for (let k = first; k < last; k++) out.push(this.row(k, this.order[k]!));
    replaceChildren(this.body, ...out);
  }

  private row(position: number, index: number): HTMLElement {
    const r = this.rows[index]!;
    const d = duplexLines(r.a, r.b);
    const copy = el('button', { className: 'copy', title: 'Copy this pair', attrs: { type: 'button', 'aria-label': 'Copy pair' } }, 'Copy');
    copy.addEventListener('click', () => this.onCopy(pairClipboardText(r, d), r));
    const row = el(
      'div',
      { className: 'pair-row', attrs: { role: 'row', 'data-index': String(index), 'data-position': String(position) } },
      el('div', { className: 'cell c-index' }, String(index + 1)),
      el('div', { className: 'cell c-id', title: r.id }, r.id),
      el('div', { className: 'cell c-duplex', title: `${d.watsonCrick} Watson-Crick, ${d.wobble} wobble pairs` },
        el('div', { className: 'strand a' }, d.top), marksLine(d.middle), el('div', { className: 'strand b' }, d.bottom)),
      el('div', { className: 'cell c-num score' }, r.score === undefined ? '—' : r.score.toFixed(3)),
      el('div', { className: 'cell c-num', title: formatFraction(r.gcA) }, r.gcA.toFixed(2)),
      el('div', { className: 'cell c-num', title: formatFraction(r.gcB) }, r.gcB.toFixed(2)),
      el('div', { className: `cell c-flag ${r.novel === undefined ? '' : r.novel ? 'novel' : 'seen'}` }, r.novel === undefined ? '—' : r.novel ? 'yes' : 'no'),
      el('div', { className: 'cell c-copy' }, copy),
    );
    row.style.top = `${position * ROW_HEIGHT}px`;
    return row;
  }
}

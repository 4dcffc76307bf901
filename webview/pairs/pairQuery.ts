// Sorting and filtering of the pairs the panel shows: returns the indices of the rows to show, in
// order. Sorting is stable (ties keep file order); rows without the sorted value (no score, no
// novelty flag) always come last. Pure (unit-tested).
import type { PairRow, PairView, SortKey } from './messages';

function normalise(s: string): string {
  return s.toUpperCase().replace(/T/g, 'U');
}

/** Whether a row passes the view's filters. `needle` is the normalised text filter. */
function keep(row: PairRow, view: PairView, needle: string, idNeedle: string): boolean {
  if (view.novelOnly && row.novel !== true) return false;
  if (view.minScore > 0 && !(row.score !== undefined && row.score >= view.minScore)) return false;
  if (!idNeedle) return true;
  return row.id.toLowerCase().includes(idNeedle) || normalise(row.a).includes(needle) || normalise(row.b).includes(needle);
}

function value(row: PairRow, key: SortKey): number | string | undefined {
  switch (key) {
    case 'id':
      return row.id;
    case 'score':
      return row.score;
    case 'gcA':
      return row.gcA;
    case 'gcB':
      return row.gcB;
    case 'novel':
      return row.novel === undefined ? undefined : row.novel ? 1 : 0;
    case 'index':
      return undefined;
  }
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export function queryPairs(rows: readonly PairRow[], view: PairView): number[] {
  const idNeedle = view.text.trim().toLowerCase();
  const needle = normalise(view.text.trim());
  const out: number[] = [];
  for (let i = 0; i < rows.length; i++) if (keep(rows[i]!, view, needle, idNeedle)) out.push(i);
  if (view.sort === 'index') return view.descending ? out.reverse() : out;
  const dir = view.descending ? -1 : 1;
  const key = view.sort;
  const vals = new Map<number, number | string | undefined>();
  for (const i of out) vals.set(i, value(rows[i]!, key));
  return out.sort((i, j) => {
    const x = vals.get(i);
    const y = vals.get(j);
    if (x === undefined || y === undefined) return x === y ? i - j : x === undefined ? 1 : -1;
    const c = typeof x === 'string' || typeof y === 'string' ? collator.compare(String(x), String(y)) : x - y;
    return c !== 0 && !Number.isNaN(c) ? c * dir : i - j;
  });
}

/** The view after clicking a column header: same column flips the direction; a new one starts
 *  descending for numbers (best scores first) and ascending for ids and file order. */
export function toggleSort(view: PairView, key: SortKey): PairView {
  if (view.sort === key) return { ...view, descending: !view.descending };
  return { ...view, sort: key, descending: key !== 'id' && key !== 'index' };
}

// Pairs panel: sorting (stable, missing values last) and filtering (text, min score, novel only).
import * as assert from 'node:assert/strict';
import { DEFAULT_VIEW, type PairRow, type PairView } from '../../webview/pairs/messages';
import { queryPairs, toggleSort } from '../../webview/pairs/pairQuery';

const rows: PairRow[] = [
  { id: 'p10', a: 'ACGT', b: 'ACGT', score: 0.5, gcA: 0.5, gcB: 0.5, novel: true },
  { id: 'p2', a: 'GGGG', b: 'CCCC', score: 0.9, gcA: 1, gcB: 1, novel: false },
  { id: 'P1', a: 'AAUU', b: 'AAUU', gcA: 0, gcB: 0 },
  { id: '<img src=x onerror=alert(1)>', a: 'GCAU', b: 'AUGC', score: 0.9, gcA: 0.5, gcB: 0.5, novel: true },
  { id: 'p3', a: 'CCAA', b: 'UUGG', score: 0.1, gcA: 0.5, gcB: 0.5, novel: true },
];
const view = (v: Partial<PairView>): PairView => ({ ...DEFAULT_VIEW, ...v });

describe('pairs panel: sort and filter', () => {
  it('keeps file order by default, and reverses it', () => {
    assert.deepEqual(queryPairs(rows, DEFAULT_VIEW), [0, 1, 2, 3, 4]);
    assert.deepEqual(queryPairs(rows, view({ descending: true })), [4, 3, 2, 1, 0]);
  });

  it('sorts by score (stable among ties, rows without a score last in both directions)', () => {
    assert.deepEqual(queryPairs(rows, view({ sort: 'score', descending: true })), [1, 3, 0, 4, 2]);
    assert.deepEqual(queryPairs(rows, view({ sort: 'score' })), [4, 0, 1, 3, 2]);
  });

  it('sorts ids naturally and case-insensitively', () => {
    assert.deepEqual(queryPairs(rows, view({ sort: 'id' })).map((i) => rows[i]!.id), ['<img src=x onerror=alert(1)>', 'P1', 'p2', 'p3', 'p10']);
  });

  it('sorts by GC and by novelty', () => {
    assert.deepEqual(queryPairs(rows, view({ sort: 'gcA', descending: true })), [1, 0, 3, 4, 2]);
    assert.deepEqual(queryPairs(rows, view({ sort: 'novel', descending: true })), [0, 3, 4, 1, 2]);
  });

  it('filters by id or sequence text, T matching U', () => {
    assert.deepEqual(queryPairs(rows, view({ text: 'p1' })), [0, 2]);
    assert.deepEqual(queryPairs(rows, view({ text: 'onerror' })), [3]);
    assert.deepEqual(queryPairs(rows, view({ text: 'aatt' })), [2]);
    assert.deepEqual(queryPairs(rows, view({ text: 'ccCC' })), [1]);
    assert.deepEqual(queryPairs(rows, view({ text: '  ' })), [0, 1, 2, 3, 4]);
  });

  it('filters by minimum score (dropping unscored rows) and novelty, combined with sorting', () => {
    assert.deepEqual(queryPairs(rows, view({ minScore: 0.5 })), [0, 1, 3]);
    assert.deepEqual(queryPairs(rows, view({ novelOnly: true })), [0, 3, 4]);
    assert.deepEqual(queryPairs(rows, view({ novelOnly: true, minScore: 0.2, sort: 'score', descending: true })), [3, 0]);
  });

  it('toggles the sort: same column flips, a numeric column starts descending, id ascending', () => {
    assert.deepEqual(toggleSort(DEFAULT_VIEW, 'score'), { ...DEFAULT_VIEW, sort: 'score', descending: true });
    assert.deepEqual(toggleSort(view({ sort: 'score', descending: true }), 'score'), view({ sort: 'score', descending: false }));
    assert.deepEqual(toggleSort(view({ sort: 'score', descending: true }), 'id'), view({ sort: 'id', descending: false }));
  });
});

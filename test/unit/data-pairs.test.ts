// Pair data loader: DNA/RNA alphabet kept and applied to every sequence, case normalised, lengths
// free, labels 0/1, bad rows as exact messages, skipBad, and real rows of ../shared/datasets/miraw
// when it is there (read in place, never copied: it has no licence).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataError } from '../../src/core/datasets/errors';
import { loadPairDataset, type PairLoadOptions } from '../../src/core/datasets/pairs';

const FIXTURES = path.resolve(__dirname, '../fixtures/data');
const MIRAW = path.resolve(__dirname, '../../../shared/datasets/miraw/data.tsv');

function message(text: string, options: PairLoadOptions = {}): string {
  try {
    loadPairDataset(text, 'p.tsv', options);
  } catch (e) {
    assert.ok(e instanceof DataError, `expected a DataError, got ${e}`);
    return e.message;
  }
  return 'no error';
}

describe('loadPairDataset', () => {
  it('reads the fixture: DNA kept, upper case, lengths differ, group by a chosen column', () => {
    const d = loadPairDataset(fs.readFileSync(path.join(FIXTURES, 'pairs-small.tsv'), 'utf8'), 'pairs-small.tsv', { groupColumn: 'guide' });
    assert.equal(d.alphabet, 'DNA');
    assert.deepEqual(d.records, [
      { id: 'q1', a: 'ACGTACGT', b: 'ACGTACGT', label: 1, group: 'g1', line: 2 },
      { id: 'q2', a: 'ACGTAC', b: 'GGGTTTAAACCC', label: 0, group: 'g1', line: 3 },
      { id: 'q3', a: 'AAAACCCC', b: 'GGGGTTTT', label: 1, group: 'g2', line: 4 },
    ]);
    assert.deepEqual(d.labelCounts, [1, 2]);
    assert.deepEqual(d.columns, { a: 'seq_a', b: 'seq_b', label: 'label', id: 'id', group: 'guide' });
  });

  it('writes every sequence in RNA when any U occurs (T -> U)', () => {
    const d = loadPairDataset('seq_a,seq_b,label\nacgu,TTGG,1\nAAAA,tttt,0.0\n', 'r.csv');
    assert.equal(d.alphabet, 'RNA');
    assert.deepEqual(d.records.map((r) => [r.id, r.a, r.b, r.label]), [['row1', 'ACGU', 'UUGG', 1], ['row2', 'AAAA', 'UUUU', 0]]);
  });

  it('treats a file of A/C/G only as RNA', () => {
    assert.equal(loadPairDataset('seq_a\tseq_b\tlabel\nACG\tCGA\t1\n', 'x.tsv').alphabet, 'RNA');
  });

  it('selects columns by name and maps split labels', () => {
    const text = 'A\tB\ty\tpart\nACGT\tACGT\ttrue\tindtest\nACGT\tAGGT\tfalse\tremained\n';
    const d = loadPairDataset(text, 'n.tsv', { aColumn: 'a', bColumn: 'B', labelColumn: 'y', splitColumn: 'part', splitValues: { indtest: 'test', remained: 'train' } });
    assert.deepEqual(d.records.map((r) => [r.label, r.split]), [[1, 'test'], [0, 'train']]);
  });

  const bad: [string, string, string][] = [
    ['a bad label', 'seq_a\tseq_b\tlabel\nACGT\tACGT\t2\n', "p.tsv:2:11: the label value '2' is not 0 or 1"],
    ['a missing label', 'seq_a\tseq_b\tlabel\nACGT\tACGT\t\n', 'p.tsv:2:11: the label value is missing'],
    ['a bad base in seq_b', 'seq_a\tseq_b\tlabel\nACGT\tAC GT\t1\n', "p.tsv:2:8: seq_b: invalid space (U+0020) in the sequence at position 3; expected A C G T U or an IUPAC code R Y S W K M B D H V N"],
    ['an empty seq_a', 'seq_a\tseq_b\tlabel\n\tACGT\t1\n', 'p.tsv:2:1: the seq_a value is missing'],
    ['a duplicate id', 'id\tseq_a\tseq_b\tlabel\nx\tA\tU\t1\nx\tA\tU\t0\n', "p.tsv:3:1: duplicate id 'x' (first used on line 2)"],
    ['a missing column', 'seq_a\tlabel\nACGT\t1\n', "p.tsv:1: no second-sequence column: expected a column named 'seq_b' or 'b' or 'sequence_b'; the columns are 'seq_a', 'label'"],
    ['no rows', 'seq_a\tseq_b\tlabel\n\n', 'p.tsv:1: no pairs: the file has no data'],
    ['a ragged row', 'seq_a\tseq_b\tlabel\nACGT\t1\n', 'p.tsv:2:7: the row has 2 fields but the header has 3'],
  ];
  for (const [what, text, expected] of bad) {
    it(`reports ${what}`, () => assert.equal(message(text), expected));
  }

  it('skips bad rows with skipBad and lists them', () => {
    const d = loadPairDataset('seq_a\tseq_b\tlabel\nACGT\tACGT\t1\nACGT\tAXGT\t0\nACGT\tACGT\tyes\n', 'p.tsv', { skipBad: true });
    assert.equal(d.records.length, 1);
    assert.deepEqual(d.skipped.map((s) => [s.line, s.column]), [[3, 7], [4, 11]]);
    assert.deepEqual(d.labelCounts, [0, 1]);
  });

  it('reads miRAW: 61,805 pairs, 1,815 in mitar_indtest, 441 miRNA sequences under 444 names', function () {
    if (!fs.existsSync(MIRAW)) return this.skip();
    const text = fs.readFileSync(MIRAW, 'utf8');
    assert.match(message.call(null, text), /^p\.tsv:2:\d+: unknown split value 'mitar_indtest'/);
    const d = loadPairDataset(text, MIRAW, { groupColumn: 'mirna_name', splitValues: { mitar_indtest: 'test', mitar_remained: 'train' } });
    assert.equal(d.records.length, 61805);
    assert.deepEqual(d.skipped, []);
    assert.equal(d.alphabet, 'RNA');
    assert.deepEqual(d.labelCounts, [30136, 31669]);
    assert.equal(d.records.filter((r) => r.split === 'test').length, 1815);
    assert.equal(new Set(d.records.map((r) => r.group)).size, 444);
    assert.equal(new Set(d.records.map((r) => r.a)).size, 441);
    assert.deepEqual(d.records[0], {
      id: 'mr000000', a: 'UGAGGUAGUAGGUUGUAUGGUU', b: 'GGCCAGGCCGCCCCGGACACUGACUCCAACUACCUCCGUG',
      label: 1, group: 'hsa-let-7c-5p', split: 'test', line: 2,
    });
    const lengths = d.records.map((r) => r.a.length);
    assert.deepEqual([Math.min(...lengths), Math.max(...lengths)], [17, 26]);
  });
});

// Pairs panel: TSV and FASTA export and the clipboard text, exact.
import * as assert from 'node:assert/strict';
import type { PairRow } from '../../webview/pairs/messages';
import { pairClipboardText, pairsToFasta, pairsToTsv } from '../../webview/pairs/pairExport';
import { duplexLines } from '../../webview/pairs/pairMarks';

const generated: PairRow[] = [
  { id: 'gen1', a: 'ACGUAC', b: 'GUACGU', score: 0.987654321, gcA: 0.5, gcB: 0.5, novel: true, rule: true },
  { id: 'bad\tid\nwith breaks', a: 'GGGG', b: 'CCCC', score: 0.5, gcA: 1, gcB: 1 / 3, novel: false, rule: false },
];

describe('pairs panel: export', () => {
  it('writes TSV with the columns the rows have', () => {
    assert.equal(
      pairsToTsv(generated),
      'id\tseq_a\tseq_b\tscore\tgc_a\tgc_b\tnovel\trule\n' +
        'gen1\tACGUAC\tGUACGU\t0.987654\t0.5\t0.5\t1\t1\n' +
        'bad id with breaks\tGGGG\tCCCC\t0.5\t1\t0.3333\t0\t0\n',
    );
    assert.equal(pairsToTsv([{ id: 'x', a: 'AC', b: 'GU', gcA: 0.5, gcB: 0.5, label: 1 }]), 'id\tseq_a\tseq_b\tgc_a\tgc_b\tlabel\nx\tAC\tGU\t0.5\t0.5\t1\n');
    assert.equal(pairsToTsv([]), 'id\tseq_a\tseq_b\tgc_a\tgc_b\n');
  });

  it('writes FASTA with two records per pair and clean ids', () => {
    assert.equal(
      pairsToFasta(generated),
      [
        '>gen1_A pair=gen1 strand=A score=0.987654 novel=1 gc=0.5',
        'ACGUAC',
        '>gen1_B pair=gen1 strand=B score=0.987654 novel=1 gc=0.5',
        'GUACGU',
        '>bad_id_with_breaks_A pair=bad_id_with_breaks strand=A score=0.5 novel=0 gc=1',
        'GGGG',
        '>bad_id_with_breaks_B pair=bad_id_with_breaks strand=B score=0.5 novel=0 gc=0.3333',
        'CCCC',
        '',
      ].join('\n'),
    );
    assert.equal(pairsToFasta([]), '');
  });

  it('wraps long sequences at 80 columns', () => {
    const a = 'A'.repeat(170);
    const lines = pairsToFasta([{ id: 'long', a, b: 'C', gcA: 0, gcB: 1 }]).split('\n');
    assert.deepEqual(lines.slice(1, 4).map((l) => l.length), [80, 80, 10]);
  });

  it('copies a pair as its duplex and sequences', () => {
    const r = generated[0]!;
    assert.equal(
      pairClipboardText(r, duplexLines(r.a, r.b)),
      ["gen1\tscore 0.987654, GC A 0.5, GC B 0.5, novel", "5' ACGUAC 3'", '   ||||||', "3' UGCAUG 5'", 'seq_a\tACGUAC', 'seq_b\tGUACGU', ''].join('\n'),
    );
  });
});

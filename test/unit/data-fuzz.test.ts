// Fuzz: 6,000 random and mutated TSV / CSV (and some FASTA) texts through the table reader and both
// loaders with varied options. The only exception allowed is DataError, every DataError names a
// line (and a sane column), and whatever loads satisfies the record invariants.
import * as assert from 'node:assert/strict';
import { DataError } from '../../src/core/datasets/errors';
import { loadPairDataset } from '../../src/core/datasets/pairs';
import { loadRegressionDataset } from '../../src/core/datasets/regression';
import { readTable } from '../../src/core/datasets/table';
import { Random } from '../../src/core/random';

const PIECES = [
  '\t', ',', '"', '""', '\n', '\r\n', '\r', ' ', 'ACGU', 'acgt', 'N', 'X', '-', '&', '(((', ')))', '...', '[', ']',
  '0', '1', '-0.5', '1e3', 'NA', 'inf', 'nan', 'train', 'valid', 'test', 'holdout', 'id', 'sequence', 'target',
  'structure', 'seq_a', 'seq_b', 'label', 'split', '\uFEFF', '\u0000', 'é', '\u{1F600}', '\uD800', '>', 'value=2', '=',
];

const SEEDS = [
  'id\tsequence\tstructure\ttarget\tsplit\nr1\tGGGAAACCC\t(((...)))\t0.5\ttrain\nr2\tACGU\t....\t1\ttest\nr3\tGGAACC\t((..))\t-2\tvalid\n',
  'sequence,target\n"ACGU",1\n"GG,CC",2\n"AC""GU",3\nUUUU,"4"\n',
  'id\tseq_a\tseq_b\tlabel\tgroup\nq1\tACGT\tACGT\t1\tg\nq2\tAC\tGGGTTT\t0\tg\nq3\tAAAA\tTTTT\t1\th\n',
  'seq_a,seq_b,label,split\nacgu,ACGU,1,train\nACGU,"AC\nGU",0,test\n',
  '>a value=1\nACGU\n>b value=2 split=test\nGGGAAACCC\n(((...)))\n',
];

function randomText(r: Random): string {
  let s = '';
  for (let n = r.int(0, 60); n > 0; n--) s += r.choice(PIECES);
  return s;
}

function mutate(r: Random, text: string): string {
  let s = text;
  for (let n = r.int(1, 7); n > 0; n--) {
    const pos = r.int(0, s.length + 1);
    const op = r.uniform();
    if (op < 0.4) s = s.slice(0, pos) + r.choice(PIECES) + s.slice(pos);
    else if (op < 0.7) s = s.slice(0, pos) + s.slice(pos + r.int(1, 6));
    else if (op < 0.9) s = s.slice(0, pos) + String.fromCharCode(r.int(0, 0x3000)) + s.slice(pos + 1);
    else s = s.slice(pos) + s.slice(0, pos);
  }
  return s;
}

function checkError(e: unknown, file: string, text: string): void {
  if (!(e instanceof DataError)) {
    assert.fail(`not a DataError: ${e instanceof Error ? e.stack : e}\n--- input ---\n${JSON.stringify(text)}`);
  }
  assert.ok(Number.isInteger(e.line) && e.line >= 1, `line ${e.line}: ${e.message}`);
  const lines = text.split(/\r\n|\n|\r/).length;
  assert.ok(e.line <= Math.max(1, lines), `line ${e.line} beyond the ${lines} lines: ${e.message}`);
  if (e.column !== undefined) assert.ok(Number.isInteger(e.column) && e.column >= 1, `column ${e.column}`);
  assert.ok(e.message.startsWith(`${file}:${e.line}${e.column !== undefined ? `:${e.column}` : ''}: `), e.message);
}

const VALID_SEQ = /^[ACGURYSWKMBDHVN]+$/;
const VALID_DNA = /^[ACGTRYSWKMBDHVN]+$/;

describe('data fuzz', () => {
  it('survives 6,000 random and mutated texts with DataErrors that name a line', () => {
    const r = new Random(20240601);
    let loaded = 0;
    let errors = 0;
    for (let iter = 0; iter < 6000; iter++) {
      const text = r.bernoulli(0.3) ? randomText(r) : mutate(r, r.choice(SEEDS));
      const file = r.choice(['d.tsv', 'd.csv', 'd.txt', 'data', 'd.fa', 'd.dbn']);
      const skipBad = r.bernoulli(0.5);
      try {
        readTable(text, file, { allowRagged: r.bernoulli(0.5) });
      } catch (e) {
        checkError(e, file, text);
      }
      try {
        const d = loadRegressionDataset(text, file, { skipBad, groupColumn: r.bernoulli(0.2) ? 'id' : undefined });
        loaded++;
        assert.ok(d.records.length > 0);
        const ids = new Set<string>();
        for (const rec of d.records) {
          assert.match(rec.sequence, VALID_SEQ);
          assert.ok(Number.isFinite(rec.target));
          assert.ok(rec.line >= 1);
          if (rec.structure !== undefined) assert.equal(rec.structure.length, rec.sequence.length);
          assert.ok(!ids.has(rec.id), `duplicate id ${rec.id}`);
          ids.add(rec.id);
        }
        for (const s of d.skipped) assert.ok(s.line >= 1 && s.reason.length > 0);
        if (!skipBad) assert.equal(d.skipped.length, 0);
      } catch (e) {
        errors++;
        checkError(e, file, text);
      }
      try {
        const d = loadPairDataset(text, file, { skipBad });
        assert.ok(d.records.length > 0);
        for (const rec of d.records) {
          assert.match(rec.a, d.alphabet === 'RNA' ? VALID_SEQ : VALID_DNA);
          assert.match(rec.b, d.alphabet === 'RNA' ? VALID_SEQ : VALID_DNA);
          assert.ok(rec.label === 0 || rec.label === 1);
        }
        assert.equal(d.labelCounts[0] + d.labelCounts[1], d.records.length);
      } catch (e) {
        checkError(e, file, text);
      }
    }
    // Both outcomes must have been exercised.
    assert.ok(loaded > 150, `loaded ${loaded}`);
    assert.ok(errors > 300, `errors ${errors}`);
  });
});

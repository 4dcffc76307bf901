// Pairs panel: reading a pairs file (TSV/CSV) into rows, with file:line errors; TSV export read back.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pairsToTsv } from '../../webview/pairs/pairExport';
import { parsePairsFile } from '../../src/core/datasets/pairsTable';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'pairs', 'pairs-panel.tsv');

describe('pairs panel: pairs files', () => {
  it('reads the fixture: ids as given (even HTML-looking ones), scores, labels, GC', () => {
    const rows = parsePairsFile(fs.readFileSync(FIXTURE, 'utf8'), FIXTURE);
    assert.deepEqual(rows.map((r) => r.id), ['<img src=x onerror=alert(1)>', 'mir-1/site-a', 'mir-1/site-b', 'wobble', 'short-b']);
    assert.deepEqual(rows[0], { id: '<img src=x onerror=alert(1)>', a: 'ACGUACGUACGU', b: 'ACGUACGUACGU', gcA: 0.5, gcB: 0.5, score: 0.42, label: 1 });
    assert.deepEqual(rows[4], { id: 'short-b', a: 'ACGUACGUAC', b: 'GUACG', gcA: 0.5, gcB: 0.6, label: 0 });
    assert.deepEqual(rows.map((r) => r.score), [0.42, 0.991, 0.07, 0.63, undefined]);
  });

  it('reads CSV with a, b columns, lower case, quotes, novel flags and missing ids', () => {
    const rows = parsePairsFile('a,b,novel,probability\nacgt,"ACGT",yes,0.5\nGGCC,ggcc,0,\n', 'x.csv');
    assert.deepEqual(rows, [
      { id: 'pair1', a: 'ACGT', b: 'ACGT', gcA: 0.5, gcB: 0.5, novel: true, score: 0.5 },
      { id: 'pair2', a: 'GGCC', b: 'GGCC', gcA: 1, gcB: 1, novel: false },
    ]);
  });

  it('names the file, line and column at fault', () => {
    assert.throws(() => parsePairsFile('id\tsequence\ttarget\nx\tACGU\t1\n', 'f.tsv'), { message: /^f\.tsv:1: no seq_a column: a pairs file needs seq_a and seq_b columns \(header: id, sequence, target\)$/ });
    assert.throws(() => parsePairsFile('id\tseq_a\tseq_b\nx\tACGU\tAC\nbad\tACXU\tAC\n', 'f.tsv'), { message: "f.tsv:3:7: seq_a: 'X' is not a nucleotide letter" });
    assert.throws(() => parsePairsFile('seq_a\tseq_b\tscore\nACGU\tAC\thigh\n', 'f.tsv'), { message: "f.tsv:2: score 'high' is not a number" });
    assert.throws(() => parsePairsFile('seq_a\tseq_b\nACGU\t\n', 'f.tsv'), { message: 'f.tsv:2: the seq_b value is missing' });
    assert.throws(() => parsePairsFile('seq_a\tseq_b\tnovel\nACGU\tAC\tmaybe\n', 'f.tsv'), { message: "f.tsv:2: novel 'maybe' is not 0/1, true/false or yes/no" });
  });

  it('reads its own TSV export back to the same rows', () => {
    const rows = parsePairsFile(fs.readFileSync(FIXTURE, 'utf8'), FIXTURE);
    const again = parsePairsFile(pairsToTsv(rows), 'export.tsv');
    assert.deepEqual(again, rows);
  });
});

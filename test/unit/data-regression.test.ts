// Regression data loader: TSV / CSV / FASTA / dot-bracket inputs, normalisation, selectable columns,
// every kind of bad row as an exact file:line[:column] message, skipBad bookkeeping, and real rows
// of ../shared/datasets/openvaccine when it is there.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataError } from '../../src/core/datasets/errors';
import { loadRegressionDataset, type RegressionLoadOptions } from '../../src/core/datasets/regression';

const FIXTURES = path.resolve(__dirname, '../fixtures/data');
const OPENVACCINE = path.resolve(__dirname, '../../../shared/datasets/openvaccine/data.tsv');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

function message(text: string, file: string, options: RegressionLoadOptions = {}): string {
  try {
    loadRegressionDataset(text, file, options);
  } catch (e) {
    assert.ok(e instanceof DataError, `expected a DataError, got ${e}`);
    return e.message;
  }
  return 'no error';
}

describe('loadRegressionDataset: tables', () => {
  it('reads the TSV fixture: upper case, T -> U, optional structure, id, split', () => {
    const d = loadRegressionDataset(fixture('regression-small.tsv'), 'regression-small.tsv', { groupColumn: 'family' });
    assert.equal(d.format, 'table');
    assert.deepEqual(d.records, [
      { id: 'r1', sequence: 'GGGAAACCC', structure: '(((...)))', target: 0.5, group: 'f1', split: 'train', line: 2 },
      { id: 'r2', sequence: 'ACGUACGU', structure: '........', target: -1.25, group: 'f1', split: 'valid', line: 3 },
      { id: 'r3', sequence: 'GGGGAAAACCCC', structure: '((((....))))', target: 0.03, group: 'f2', split: 'test', line: 4 },
      { id: 'r4', sequence: 'AUGCNNAUGC', target: 2, group: 'f2', split: 'train', line: 5 },
    ]);
    assert.deepEqual(d.columns, { sequence: 'sequence', target: 'target', structure: 'structure', id: 'id', group: 'family', split: 'split' });
    assert.equal(d.targetName, 'target');
    assert.equal(d.hasStructure, 'some');
    assert.deepEqual(d.skipped, []);
  });

  it('reads a CSV with quoted fields spanning lines (line = where the row starts)', () => {
    // A line break inside a sequence cell is an invalid character.
    assert.equal(message(fixture('regression-quoted.csv'), 'q.csv'),
      "q.csv:3:10: invalid control character U+000A in the sequence at position 4; expected A C G T U or an IUPAC code R Y S W K M B D H V N");
    const ok = loadRegressionDataset(fixture('regression-quoted.csv'), 'q.csv', { skipBad: true });
    assert.deepEqual(ok.records.map((r) => [r.id, r.sequence, r.target, r.line]), [['a1', 'ACGUACGU', 1.5, 2], ['a3', 'UUUU', 0, 5]]);
    assert.equal(ok.skipped.length, 1);
    assert.equal(ok.skipped[0].line, 3);
    assert.equal(ok.hasStructure, 'none');
  });

  it('uses chosen column names (case-insensitive) and generates ids without an id column', () => {
    const text = 'Seq\tDeg\tdb\nGGGAAACCC\t1\t(((...)))\nACGU\t2\t....\n';
    const d = loadRegressionDataset(text, 'c.tsv', { sequenceColumn: 'seq', targetColumn: 'DEG', structureColumn: 'db' });
    assert.deepEqual(d.records.map((r) => [r.id, r.target, r.structure]), [['row1', 1, '(((...)))'], ['row2', 2, '....']]);
    assert.equal(d.targetName, 'Deg');
    assert.equal(d.hasStructure, 'all');
    assert.deepEqual(d.columns, { sequence: 'Seq', target: 'Deg', structure: 'db' });
  });

  it('can ignore the structure, id and split columns', () => {
    const d = loadRegressionDataset(fixture('regression-small.tsv'), 'r.tsv', { structureColumn: false, idColumn: false, splitColumn: false });
    assert.equal(d.hasStructure, 'none');
    assert.deepEqual(d.records.map((r) => r.id), ['row1', 'row2', 'row3', 'row4']);
    assert.ok(d.records.every((r) => r.split === undefined));
  });

  it('names the missing columns', () => {
    assert.equal(message('id\tseq_x\ttarget\n1\tACGU\t1\n', 'm.tsv'),
      "m.tsv:1: no sequence column: expected a column named 'sequence' or 'seq'; the columns are 'id', 'seq_x', 'target'");
    assert.equal(message('sequence\ttarget\nACGU\t1\n', 'm.tsv', { targetColumn: 'deg' }),
      "m.tsv:1: no target column: expected a column named 'deg'; the columns are 'sequence', 'target'");
    assert.equal(message('sequence\ttarget\nACGU\t1\n', 'm.tsv', { groupColumn: 'family' }),
      "m.tsv:1: no group column: expected a column named 'family'; the columns are 'sequence', 'target'");
  });

  const bad: [string, string, string][] = [
    ['invalid character', 'sequence\ttarget\nACGU\t1\nACXU\t2\n', "b.tsv:3:3: invalid character 'X' in the sequence at position 3; expected A C G T U or an IUPAC code R Y S W K M B D H V N"],
    ['gap', 'sequence\ttarget\n  AC-U\t2\n', "b.tsv:2:5: gap '-' (aligned sequences are not supported) in the sequence at position 3; expected A C G T U or an IUPAC code R Y S W K M B D H V N"],
    ['non-numeric target', 'sequence\ttarget\nACGU\tabc\n', 'b.tsv:2:6: the target value "abc" is not a number'],
    ['NA target', 'sequence\ttarget\nACGU\tNA\n', "b.tsv:2:6: the target value is missing ('NA')"],
    ['infinite target', 'sequence\ttarget\nACGU\tinf\n', "b.tsv:2:6: the target value 'inf' is not a finite number"],
    ['overflowing target', 'sequence\ttarget\nACGU\t1e999\n', "b.tsv:2:6: the target value '1e999' is not a finite number"],
    ['hex target', 'sequence\ttarget\nACGU\t0x10\n', 'b.tsv:2:6: the target value "0x10" is not a number'],
    ['empty target', 'sequence\ttarget\nACGU\t\n', 'b.tsv:2:6: the target value is missing'],
    ['empty sequence', 'sequence\ttarget\n\t1\n', 'b.tsv:2:1: the sequence value is missing'],
    ['structure length', 'sequence\tstructure\ttarget\nACGU\t(..)..\t1\n', 'b.tsv:2:6: the structure has 6 characters but the sequence has 4'],
    ['unbalanced structure', 'sequence\tstructure\ttarget\nGGGAAACC\t(((...))\t1\n', "b.tsv:2:10: unbalanced structure: '(' at position 1 has no partner"],
    ['structure character', 'sequence\tstructure\ttarget\nGGAACC\t((::))\t1\n', "b.tsv:2:10: invalid character ':' in the structure at position 3; expected . ( ) [ ] { } < > or letter pairs"],
    ['duplicate id', 'id\tsequence\ttarget\nx\tACGU\t1\ny\tACGU\t1\nx\tGGGG\t2\n', "b.tsv:4:1: duplicate id 'x' (first used on line 2)"],
    ['missing id', 'id\tsequence\ttarget\n\tACGU\t1\n', 'b.tsv:2:1: the id value is missing'],
    ['ragged row', 'sequence\ttarget\nACGU\t1\t3\n', 'b.tsv:2:8: the row has 3 fields but the header has 2 (extra delimiter or unquoted delimiter in a value?)'],
    ['header only', 'sequence\ttarget\n', 'b.tsv:1: no records: the file has no data'],
  ];
  for (const [what, text, expected] of bad) {
    it(`reports ${what} as file:line:column`, () => assert.equal(message(text, 'b.tsv'), expected));
  }

  it('accepts pseudoknot brackets in given structures', () => {
    const d = loadRegressionDataset('sequence\tstructure\ttarget\nGGAAGGAACCAACC\t((..[[..))..]]\t1\n', 'pk.tsv');
    assert.equal(d.records[0].structure, '((..[[..))..]]');
  });

  it('rejects unknown split values (always, even with skipBad) unless mapped', () => {
    const text = 'sequence\ttarget\tsplit\nACGU\t1\tTrain\nACGU\t2\tVALIDATION\nACGU\t3\tholdout\n';
    const expected = "s.tsv:4:8: unknown split value 'holdout': expected train, valid (or validation) or test (map other labels with the split-value option, e.g. mitar_indtest=test, or ignore the column)";
    assert.equal(message(text, 's.tsv'), expected);
    assert.equal(message(text, 's.tsv', { skipBad: true }), expected);
    const d = loadRegressionDataset(text, 's.tsv', { splitValues: { holdout: 'test' } });
    assert.deepEqual(d.records.map((r) => r.split), ['train', 'valid', 'test']);
  });

  it('skips bad rows with skipBad and reports every one', () => {
    const text = 'id\tsequence\ttarget\na\tACGU\t1\nb\tACZU\t2\nc\tACGU\tx\na\tGG\t3\nd\tGGCC\t4\n';
    const d = loadRegressionDataset(text, 'k.tsv', { skipBad: true });
    assert.deepEqual(d.records.map((r) => r.id), ['a', 'd']);
    assert.deepEqual(d.skipped, [
      { line: 3, column: 5, reason: "invalid character 'Z' in the sequence at position 3; expected A C G T U or an IUPAC code R Y S W K M B D H V N" },
      { line: 4, column: 8, reason: 'the target value "x" is not a number' },
      { line: 5, column: 1, reason: "duplicate id 'a' (first used on line 2)" },
    ]);
  });

  it('is an error when every row is bad, even with skipBad', () => {
    assert.equal(message('sequence\ttarget\nAXGU\t1\nACGU\tz\n', 'all.tsv', { skipBad: true }),
      "all.tsv:2:2: no records left: all 2 were bad and skipped; the first: invalid character 'X' in the sequence at position 2; expected A C G T U or an IUPAC code R Y S W K M B D H V N");
  });
});

describe('loadRegressionDataset: FASTA and dot-bracket', () => {
  it('reads value=<number> from FASTA headers (wrapped sequences, split key)', () => {
    const d = loadRegressionDataset(fixture('regression.fasta'), 'r.fasta');
    assert.equal(d.format, 'fasta');
    assert.deepEqual(d.records, [
      { id: 'hp1', sequence: 'GGGAAACCC', target: 1.5, split: 'train', line: 1 },
      { id: 'hp2', sequence: 'ACGUACGU', target: -2, line: 4 },
    ]);
    assert.equal(d.hasStructure, 'none');
    assert.equal(d.targetName, 'value');
  });

  it('reads structures from dot-bracket records (energy annotation ignored)', () => {
    const d = loadRegressionDataset(fixture('regression.dbn'), 'r.dbn');
    assert.equal(d.format, 'dot-bracket');
    assert.deepEqual(d.records.map((r) => [r.id, r.structure, r.target, r.split, r.line]), [
      ['s1', '(((...)))', 0.25, undefined, 1],
      ['s2', '((((....))))', 0.75, 'test', 4],
      ['s3', undefined, 0.1, undefined, 7],
    ]);
    assert.equal(d.hasStructure, 'some');
  });

  it('sniffs the format without a known extension', () => {
    assert.equal(loadRegressionDataset(fixture('regression.dbn'), 'data').format, 'dot-bracket');
    assert.equal(loadRegressionDataset(fixture('regression.fasta'), 'data').format, 'fasta');
    assert.equal(loadRegressionDataset(fixture('regression-small.tsv'), 'data').format, 'table');
  });

  it('uses another header key as target when asked', () => {
    const d = loadRegressionDataset('>a deg=3 value=1\nACGU\n', 'k.fa', { targetColumn: 'deg' });
    assert.equal(d.records[0].target, 3);
    assert.equal(d.targetName, 'deg');
  });

  const bad: [string, string, string][] = [
    ['no value', '>a\nACGU\n', "f.fa:1: the header of 'a' has no value=<number>"],
    ['bad value', '>a value=high\nACGU\n', 'f.fa:1:10: the value value "high" is not a number'],
    ['bad base on the second line', '>a value=1\nACGU\nACJU\n', "f.fa:3:3: invalid character 'J' in the sequence at position 7; expected A C G T U or an IUPAC code R Y S W K M B D H V N"],
    ['no sequence', '>a value=1\n>b value=2\nAC\n', "f.fa:1: record 'a' has no sequence"],
    ['no id', '> value=1\nACGU\n', 'f.fa:1:1: the record header has no id (expected `>id value=<number>`)'],
    ['duplicate id', '>a value=1\nACGU\n>a value=2\nACGU\n', "f.fa:3:2: duplicate id 'a' (first used on line 1)"],
    ['preamble', 'hello\n>a value=1\nACGU\n', "f.fa:1:1: text before the first record header ('>' line) in a fasta file"],
    ['empty file', '\n\n', 'f.fa:1: no records: the file has no data'],
  ];
  for (const [what, text, expected] of bad) {
    it(`reports ${what}`, () => assert.equal(message(text, 'f.fa'), expected));
  }

  it('reports structure problems at the structure line', () => {
    assert.equal(message('>a value=1\nGGGAAACCC\n((....)))\n', 'd.dbn'), "d.dbn:3:9: unbalanced structure: ')' at position 9 has no partner");
    assert.equal(message('>a value=1\nGGGAAACCC\n((...))\n', 'd.dbn'), 'd.dbn:3:1: the structure has 7 characters but the sequence has 9');
  });
});

describe('loadRegressionDataset: OpenVaccine', () => {
  it('reads the shipped 8-row sample exactly', () => {
    const d = loadRegressionDataset(fixture('openvaccine-sample.tsv'), 'openvaccine-sample.tsv');
    assert.equal(d.records.length, 8);
    assert.equal(d.hasStructure, 'all');
    assert.deepEqual(d.records.map((r) => [r.id, r.sequence.length, r.target, r.split]), [
      ['00073f8be', 107, 0.545801, 'train'], ['000ae4237', 130, 0.649147, 'train'], ['00131c573', 107, 0.468196, 'train'],
      ['00181fd34', 107, 0.317676, 'valid'], ['0020473f7', 130, 0.134084, 'train'], ['002852873', 130, 0.393999, 'train'],
      ['0031191b7', 130, 0.584973, 'train'], ['003ab2445', 130, 0.329396, 'train'],
    ]);
  });

  it('reads the whole data set: 3,122 rows, 2,506 / 317 / 299 split', function () {
    if (!fs.existsSync(OPENVACCINE)) return this.skip();
    const d = loadRegressionDataset(fs.readFileSync(OPENVACCINE, 'utf8'), OPENVACCINE);
    assert.equal(d.records.length, 3122);
    assert.deepEqual(d.skipped, []);
    assert.equal(d.hasStructure, 'all');
    const count = { train: 0, valid: 0, test: 0 };
    for (const r of d.records) count[r.split!]++;
    assert.deepEqual(count, { train: 2506, valid: 317, test: 299 });
    const first = d.records[0];
    assert.equal(first.id, '00073f8be');
    assert.equal(first.target, 0.545801);
    assert.equal(first.structure, '......((((((((((.(((((.....))))))))((((((((...)))))...)))))))...))).(((((((....))))))).....................');
    // SOURCE.md: target range 0.0876-1.163, mean 0.477.
    const t = d.records.map((r) => r.target);
    assert.equal(Math.round(Math.min(...t) * 1e4) / 1e4, 0.0876);
    assert.equal(Math.round(Math.max(...t) * 1e3) / 1e3, 1.163);
    assert.equal(Math.round((t.reduce((a, b) => a + b, 0) / t.length) * 1e3) / 1e3, 0.477);
  });
});

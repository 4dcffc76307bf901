// Fuzz (issue 7): more than 100,000 seeded random and mutated FASTA, dot-bracket and TSV inputs
// through the parser, the linter and both dataset loaders (regression, pairs). Seeds are the real
// examples and fixtures; mutations insert CRLF, BOM, NUL, lone surrogates, unicode, random bytes and
// huge lines. Nothing may throw except the loaders' DataError, which must name file:line inside the
// input; every diagnostic range must lie inside the document. Complements fuzz.test.ts (editor
// features) and data-fuzz.test.ts (table reader options).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFile } from '../../src/core/formats/parse';
import type { FormatKind } from '../../src/core/formats/records';
import { lintFile } from '../../src/core/lint/lint';
import { DataError } from '../../src/core/datasets/errors';
import { loadPairDataset } from '../../src/core/datasets/pairs';
import { loadRegressionDataset } from '../../src/core/datasets/regression';
import { Random } from '../../src/core/random';

const ROOT = path.join(__dirname, '..', '..');

function read(rel: string, maxLines = Infinity): string | undefined {
  try {
    const text = fs.readFileSync(path.join(ROOT, rel), 'utf8');
    return Number.isFinite(maxLines) ? text.split('\n').slice(0, maxLines).join('\n') + '\n' : text;
  } catch {
    return undefined;
  }
}

function present(texts: (string | undefined)[], fallback: string): string[] {
  const found = texts.filter((t): t is string => t !== undefined && t.length > 0);
  return found.length ? found : [fallback];
}

const SEQ_SEEDS = present(
  [
    read('examples/mirna.fasta'),
    read('examples/problems.fasta'),
    read('test/fixtures/lint/valid.fasta'),
    read('test/fixtures/lint/bad.fasta'),
    read('test/fixtures/data/regression.fasta'),
    read('test/fixtures/rnafold/mfe-input.fa', 24),
    read('test/fixtures/rnafold/cofold-input.fa', 24),
  ],
  '>a value=1\nACGU\n>b\nGGGAAACCC\n',
);

const DBN_SEEDS = present(
  [
    read('examples/structures.dbn'),
    read('test/fixtures/lint/valid.dbn'),
    read('test/fixtures/lint/bad.dbn'),
    read('test/fixtures/data/regression.dbn'),
    read('test/fixtures/rnafold/eval-input.fa', 24),
  ],
  '>hp value=2\nGGGAAAUCC\n(((...))) (-1.20)\n',
);

const TSV_SEEDS = present(
  [
    read('examples/openvaccine/degradation.tsv', 12),
    read('test/fixtures/data/regression-small.tsv'),
    read('test/fixtures/data/pairs-small.tsv'),
    read('test/fixtures/data/regression-quoted.csv'),
    read('test/fixtures/data/openvaccine-sample.tsv', 12),
  ],
  'id\tsequence\ttarget\nr1\tACGU\t1\n',
);

const PIECES = [
  '>', '>id', '> ', '>x value=0.5', '>y value=nan', 'value=', '\n', '\r\n', '\r', '\n\n', ' ', '\t', ',', '"', '""',
  'ACGU', 'acgt', 'T', 'U', 'N', 'RYKM', '-', '&', '(((', ')))', '...', '[', ']', '{', '}', '<', 'Aa', 'zZ',
  '(-1.20)', ' ( -3.30)', ' (-1x)', ' (', '\uFEFF', '\u0000', '\u{1F600}', '\uD800', '\uDC00', 'é', 'ß', '\u2028',
  '0', '1', '-0.5', '1e309', 'NA', 'train', 'test', 'valid', 'id', 'sequence', 'target', 'structure', 'seq_a',
  'seq_b', 'label', 'split', 'X', '*',
];

/** Text from random pieces, random bytes (as latin-1 / UTF-16 code units) or a huge line. */
function randomText(r: Random): string {
  const mode = r.uniform();
  if (mode < 0.1) {
    let s = '';
    for (let n = r.int(0, 400); n > 0; n--) s += String.fromCharCode(r.bernoulli(0.8) ? r.int(0, 256) : r.int(0, 0x10000));
    return s;
  }
  let s = '';
  for (let n = r.int(0, 50); n > 0; n--) s += r.choice(PIECES);
  return s;
}

function mutate(r: Random, text: string): string {
  let s = text;
  for (let n = r.int(1, 8); n > 0; n--) {
    const pos = r.int(0, s.length + 1);
    const op = r.uniform();
    if (op < 0.35) s = s.slice(0, pos) + r.choice(PIECES) + s.slice(pos);
    else if (op < 0.6) s = s.slice(0, pos) + s.slice(pos + r.int(1, 12));
    else if (op < 0.75) s = s.slice(0, pos) + String.fromCharCode(r.int(0, 0x10000)) + s.slice(pos + 1);
    else if (op < 0.82) s = s.replace(/\n/g, '\r\n');
    else if (op < 0.87) s = '\uFEFF' + s;
    else if (op < 0.92) {
      // duplicate a slice (repeated records, ids, rows)
      const end = Math.min(s.length, pos + r.int(1, 200));
      s = s.slice(0, end) + s.slice(pos, end) + s.slice(end);
    } else s = s.slice(pos) + s.slice(0, pos);
  }
  return s;
}

const SEPARATORS = /\r\n|\n|\r/;

function lineCount(text: string): number {
  return text.split(SEPARATORS).length;
}

/** Parse + lint as `kind`: no throw, every range inside the document, positions inside its lines. */
function checkLint(text: string, kind: FormatKind): void {
  const file = parseFile(text, kind);
  const { diagnostics, total } = lintFile(file);
  assert.ok(total >= diagnostics.filter((d) => d.code !== 'BP011').length);
  const lines = file.lines.lineStarts.length;
  for (const d of diagnostics) {
    const { start, end } = d.range;
    assert.ok(Number.isInteger(start) && start >= 0 && start <= end && end <= text.length, `${d.code} range ${start}-${end} outside 0-${text.length}`);
    const p = file.lines.positionAt(end);
    assert.ok(p.line >= 0 && p.line < lines, `${d.code} ends on line ${p.line} of ${lines}`);
    for (const rel of d.related ?? []) assert.ok(rel.range.start >= 0 && rel.range.end <= text.length, `${d.code} related range`);
    assert.ok(d.message.length > 0);
  }
}

/** A loader either returns or throws a DataError naming file:line[:column] inside the input. */
function checkLoad(text: string, file: string, load: () => unknown): 'loaded' | 'error' {
  try {
    load();
    return 'loaded';
  } catch (e) {
    if (!(e instanceof DataError)) assert.fail(`not a DataError: ${e instanceof Error ? e.stack : String(e)}`);
    assert.ok(Number.isInteger(e.line) && e.line >= 1 && e.line <= Math.max(1, lineCount(text)), `line ${e.line} of ${lineCount(text)}: ${e.message}`);
    if (e.column !== undefined) assert.ok(Number.isInteger(e.column) && e.column >= 1, `column ${e.column}: ${e.message}`);
    assert.ok(e.message.startsWith(`${file}:${e.line}${e.column !== undefined ? `:${e.column}` : ''}: `), e.message);
    return 'error';
  }
}

type Family = 'fasta' | 'dot-bracket' | 'tsv';

const FILE_NAMES: Record<Family, string[]> = {
  fasta: ['d.fasta', 'd.fa', 'data'],
  'dot-bracket': ['d.dbn', 'd.vienna', 'data'],
  tsv: ['d.tsv', 'd.csv', 'data.txt'],
};

interface Tally {
  cases: number;
  loaded: number;
  errors: number;
}

/** One input through everything that reads it; returns how many loader runs loaded / failed. */
function runCase(text: string, family: Family, r: Random, tally: Tally): void {
  const kind: FormatKind = family === 'dot-bracket' ? 'dot-bracket' : 'fasta';
  checkLint(text, kind);
  // TSV texts are also linted as the wrong format: the parser must still cope.
  if (family === 'tsv') checkLint(text, r.bernoulli(0.5) ? 'fasta' : 'dot-bracket');
  const file = r.choice(FILE_NAMES[family]);
  const skipBad = r.bernoulli(0.5);
  for (const outcome of [
    checkLoad(text, file, () => loadRegressionDataset(text, file, { skipBad })),
    checkLoad(text, file, () => loadPairDataset(text, file, { skipBad })),
  ]) {
    if (outcome === 'loaded') tally.loaded++;
    else tally.errors++;
  }
  tally.cases++;
}

function runFamily(family: Family, seeds: string[], count: number, seed: number): Tally {
  const r = new Random(seed);
  const tally: Tally = { cases: 0, loaded: 0, errors: 0 };
  for (let i = 0; i < count; i++) {
    const text = r.bernoulli(0.25) ? randomText(r) : mutate(r, r.choice(seeds));
    try {
      runCase(text, family, r, tally);
    } catch (err) {
      throw new Error(`${family} input #${i} (seed ${seed}) ${JSON.stringify(text.slice(0, 2000))}: ${(err as Error).message}`);
    }
  }
  return tally;
}

describe('fuzz: >= 100,000 inputs through parsers, linter and dataset loaders', () => {
  const totals: Tally = { cases: 0, loaded: 0, errors: 0 };
  const add = (t: Tally) => {
    totals.cases += t.cases;
    totals.loaded += t.loaded;
    totals.errors += t.errors;
  };

  it('40,000 FASTA inputs', () => add(runFamily('fasta', SEQ_SEEDS, 40_000, 0xfa57a)));
  it('30,000 dot-bracket inputs', () => add(runFamily('dot-bracket', DBN_SEEDS, 30_000, 0xdb)));
  it('30,000 TSV / CSV inputs', () => add(runFamily('tsv', TSV_SEEDS, 30_000, 0x75f)));

  it('huge lines, NUL floods, CRLF-only and BOM-only inputs', () => {
    const r = new Random(99);
    const big = 'ACGU'.repeat(500_000); // one 2 MB line
    const specials = [
      '', '\uFEFF', '\r\n'.repeat(1000), '\u0000'.repeat(100_000), '>' + 'x'.repeat(1_000_000),
      `>long value=1\n${big}\n`, `>long\n${big}\n${'.'.repeat(big.length)}\n`, `id\tsequence\ttarget\nr1\t${big}\t1\n`,
      `seq_a\tseq_b\tlabel\n${big}\t${big}\t1\n`, `sequence,target\n"${big}`, '>a\n' + 'ACGU\r'.repeat(50_000),
      '\uD800'.repeat(10_000), `>d value=1\nGGGAAA&UUUCCC\n(((...&...)))${' '.repeat(10_000)}(-1)\n`,
    ];
    const tally: Tally = { cases: 0, loaded: 0, errors: 0 };
    for (const text of specials) {
      for (const family of ['fasta', 'dot-bracket', 'tsv'] as const) runCase(text, family, r, tally);
    }
    add(tally);
  });

  it('counted at least 100,000 cases with both loader outcomes exercised', () => {
    assert.ok(totals.cases >= 100_000, `only ${totals.cases} cases`);
    assert.ok(totals.loaded > 1000, `loaded ${totals.loaded}`);
    assert.ok(totals.errors > 1000, `errors ${totals.errors}`);
  });
});

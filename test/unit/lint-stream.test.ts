// The streaming linter (CLI `lint` on files of any size) reports exactly what the whole-file linter
// reports — codes, messages, severities, line/column positions, totals — on random and mutated
// FASTA / dot-bracket inputs cut into random chunks and into blocks as small as one character, so
// records, lines and CRLF pairs span chunk and block boundaries. Also the limits that keep memory
// bounded (BlockLimitError) and that blocks of a big FASTA stay small.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFile } from '../../src/core/formats/parse';
import type { FormatKind } from '../../src/core/formats/records';
import { BlockLimitError, textBlocks } from '../../src/core/formats/textBlocks';
import { lintFile } from '../../src/core/lint/lint';
import { lintStream } from '../../src/core/lint/streamLint';
import { Random } from '../../src/core/random';

const ROOT = path.join(__dirname, '..', '..');
const SEEDS = ['examples/mirna.fasta', 'examples/problems.fasta', 'examples/structures.dbn', 'test/fixtures/lint/bad.dbn', 'test/fixtures/lint/bad.fasta']
  .filter((f) => fs.existsSync(path.join(ROOT, f)))
  .map((f) => fs.readFileSync(path.join(ROOT, f), 'utf8'));

const PIECES = [
  '>', '>id', '> ', '>x desc', '\n', '\r\n', '\r', ' ', '\t', 'ACGU', 'acgt', 'T', 'U', 'N', '-', '&', '(((', ')))', '...', '[', ']',
  'Aa', '(-1.20)', ' (-1x)', '\uFEFF', '\u0000', 'é', '\u{1F600}', '\uD800', 'X', '\n>a\n', '\n>b\n', 'ACGUACGUACGUACGUACGU', '    ',
];

function randomText(r: Random): string {
  if (r.bernoulli(0.5)) {
    let s = '';
    for (let k = r.int(0, 80); k > 0; k--) s += r.choice(PIECES);
    return s;
  }
  let s = SEEDS.length ? r.choice(SEEDS) : '>a\nACGU\n';
  for (let k = r.int(1, 6); k > 0; k--) {
    const p = r.int(0, s.length + 1);
    s = s.slice(0, p) + r.choice(PIECES) + s.slice(p + r.int(0, 3));
  }
  if (r.bernoulli(0.2)) s = s.replace(/\n/g, '\r\n');
  return s;
}

function chunksOf(r: Random, text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    const n = r.int(1, 40);
    out.push(text.slice(i, i + n));
    i += n;
  }
  return out;
}

function wholeFile(text: string, kind: FormatKind, maxProblems: number) {
  const file = parseFile(text, kind);
  const { diagnostics, total } = lintFile(file, { maxProblems });
  return {
    total,
    records: file.records.length,
    diagnostics: diagnostics.map(({ related: _r, ...d }) => ({ ...d, start: file.lines.positionAt(d.range.start), end: file.lines.positionAt(d.range.end) })),
  };
}

async function streamed(text: string, kind: FormatKind, maxProblems: number, blockSize: number, r: Random) {
  const res = await lintStream(chunksOf(r, text), kind, { maxProblems, blockSize });
  assert.equal(res.characters, text.length);
  return { total: res.total, records: res.records, diagnostics: res.diagnostics };
}

describe('streaming lint = whole-file lint', () => {
  for (const kind of ['fasta', 'dot-bracket'] as const) {
    it(`3,000 random ${kind} inputs, random chunks, blocks of 1 to 4 Mi characters`, async () => {
      const r = new Random(kind === 'fasta' ? 11 : 12);
      for (let i = 0; i < 3000; i++) {
        const text = randomText(r);
        const blockSize = r.choice([1, 2, 5, 16, 64, 1 << 22]);
        const maxProblems = r.choice([0, 2, 1000]);
        const expected = wholeFile(text, kind, maxProblems);
        try {
          assert.deepEqual(await streamed(text, kind, maxProblems, blockSize, r), expected);
        } catch (err) {
          throw new Error(`input #${i} block ${blockSize} cap ${maxProblems} ${JSON.stringify(text)}: ${(err as Error).message}`);
        }
      }
    });
  }

  it('a long wrapped record and a 100,000-character line cut into many blocks', async () => {
    const r = new Random(3);
    let line = '';
    for (let i = 0; i < 100_000; i++) line += r.bernoulli(0.001) ? r.choice(['X', ' ', 'é', '\u{1F600}', 'T']) : r.choice(['A', 'C', 'G', 'U']);
    let wrapped = '';
    for (let i = 0; i < line.length; i += 61) wrapped += line.slice(i, i + 61) + (r.bernoulli(0.1) ? '  \r\n' : '\n');
    for (const text of [`>one\n${line}\n>two\n${wrapped}>one\n\n`, `\uFEFFpreamble ${line}\n>x\n${line}`]) {
      for (const blockSize of [97, 4096]) {
        assert.deepEqual(await streamed(text, 'fasta', 0, blockSize, r), wholeFile(text, 'fasta', 0));
        assert.deepEqual(await streamed(text, 'fasta', 5, blockSize, r), wholeFile(text, 'fasta', 5));
      }
    }
  });

  it('blocks of a many-record FASTA stay near the block size', async () => {
    const rec = '>r\n' + 'ACGU'.repeat(50) + '\n';
    const text = rec.repeat(2000);
    let largest = 0;
    for await (const b of textBlocks(chunksOf(new Random(1), text), 'fasta', { blockSize: 1000 })) largest = Math.max(largest, b.text.length);
    assert.ok(largest < 1300, `largest block ${largest}`);
  });

  it('a dot-bracket record or a header line beyond maxBlock throws BlockLimitError naming its line', async () => {
    const dbn = `>a\nACGU\n....\n>big\n${'A'.repeat(5000)}\n${'.'.repeat(5000)}\n`;
    await assert.rejects(lintStream([dbn], 'dot-bracket', { blockSize: 100, maxBlock: 1000 }), (e: unknown) => e instanceof BlockLimitError && e.line === 3);
    await assert.rejects(lintStream(['>', 'x'.repeat(5000), '\nACGU\n'], 'fasta', { blockSize: 100, maxBlock: 1000 }), BlockLimitError);
    // The same FASTA record is cut into blocks instead.
    const fa = await lintStream([`>big\n${'A'.repeat(5000)}\n`], 'fasta', { blockSize: 100, maxBlock: 1000 });
    assert.deepEqual(fa.diagnostics, []);
  });
});

describe('lint regression', () => {
  it('a carriage return inside a sequence line is BP001 even when nothing else in the record is invalid', () => {
    const file = parseFile('>a\nAC\rGU\r\nACGU\r\n', 'fasta');
    const d = lintFile(file).diagnostics;
    assert.deepEqual(d.map((x) => [x.code, x.range.start, x.range.end]), [['BP001', 5, 6]]);
  });
});

// Fuzz: 12,000 random and mutated FASTA / dot-bracket texts through the parser, the linter, the
// locator, hovers, outline and the fix edits. Nothing may throw, and every range must be sane.
import * as assert from 'node:assert/strict';
import { locate } from '../../src/core/formats/locate';
import { parseFile } from '../../src/core/formats/parse';
import type { FormatKind, OffsetRange, ParsedFile } from '../../src/core/formats/records';
import { convertRecord, deleteInvalidCharacters, rewrapRecord, upperCaseRecord } from '../../src/core/lint/fixes';
import { lintFile } from '../../src/core/lint/lint';
import { hoverAt } from '../../src/server/features/hover';
import { documentSymbols, foldingRanges } from '../../src/server/features/symbols';
import { partnerDefinition } from '../../src/server/features/partners';
import { applyEdits } from './helpers';

/** mulberry32: small, fast, seedable PRNG so a failure can be replayed from its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  '>', '>id', '> ', '>x desc value=0.5', '\n', '\r\n', '\r', '\n\n', ' ', '\t', 'ACGU', 'acgt', 'T', 'N', 'RYKM', '-', '&',
  '(((', ')))', '...', '[', ']', '{', '}', '<', '>', 'Aa', 'zZ', '(-1.20)', ' ( -3.30)', ' (-1x)', ' (', '\uFEFF',
  '\u{1F600}', '\uD800', '\uDC00', '\u0000', 'é', '1', '*', ',', '|', 'X',
];

const SEEDS = [
  '>seq1 demo\nACGUACGUAAGGCCUUAGCA\n>seq2\nGGGAAAUCC\n',
  '>hp\nGGGAAAUCC\n(((...))) (-1.20)\n>pk\nGGGAAAGGGAAACCCAAACCC\n(((...[[[...)))...]]]\n',
  '>d\nGGGAAA&UUUCCC\n(((...&...))) ( -3.30)\n',
  'junk\r\n>a\r\nacgt\r\nNNNN\r\n\r\n>a\r\n\r\n',
];

function randomText(r: () => number): string {
  let s = '';
  const n = Math.floor(r() * 40);
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(r() * PIECES.length)];
  return s;
}

function mutate(r: () => number, text: string): string {
  let s = text;
  const n = 1 + Math.floor(r() * 6);
  for (let i = 0; i < n; i++) {
    const pos = Math.floor(r() * (s.length + 1));
    const op = r();
    if (op < 0.4) s = s.slice(0, pos) + PIECES[Math.floor(r() * PIECES.length)] + s.slice(pos);
    else if (op < 0.7) s = s.slice(0, pos) + s.slice(pos + 1 + Math.floor(r() * 5));
    else if (op < 0.9) s = s.slice(0, pos) + String.fromCharCode(Math.floor(r() * 0x3000)) + s.slice(pos + 1);
    else s = s.slice(pos) + s.slice(0, pos);
  }
  return s;
}

function assertRange(file: ParsedFile, r: OffsetRange, what: string): void {
  assert.ok(r.start >= 0 && r.start <= r.end && r.end <= file.text.length, `${what} range ${r.start}-${r.end} outside 0-${file.text.length}`);
}

function exercise(text: string, kind: FormatKind, r: () => number): void {
  const file = parseFile(text, kind);
  let prevEnd = -1;
  for (const rec of file.records) {
    assertRange(file, rec.range, 'record');
    assert.ok(rec.range.start > prevEnd, 'records in order and disjoint');
    prevEnd = rec.range.end;
    for (const l of [...rec.sequenceLines, ...rec.structureLines]) assertRange(file, l, 'line');
  }
  const { diagnostics, total } = lintFile(file);
  assert.ok(diagnostics.length <= 1001 && total >= diagnostics.filter((d) => d.code !== 'BP011').length);
  let prevStart = -1;
  for (const d of diagnostics) {
    assertRange(file, d.range, d.code);
    if (d.code !== 'BP011') assert.ok(d.range.start >= prevStart, 'diagnostics in document order');
    prevStart = d.range.start;
  }
  documentSymbols(file);
  foldingRanges(file);
  for (let k = 0; k < 3; k++) {
    const offset = Math.floor(r() * (text.length + 2));
    locate(file, offset);
    hoverAt(file, offset);
    partnerDefinition(file, 'file:///f', offset);
  }
  const rec = file.records[Math.floor(r() * file.records.length)];
  if (rec) {
    for (const edits of [convertRecord(file, rec, 'T->U'), deleteInvalidCharacters(file, rec), upperCaseRecord(file, rec), rewrapRecord(file, rec, 7)]) {
      for (const e of edits) assertRange(file, e.range, 'edit');
      lintFile(parseFile(applyEdits(text, edits), kind));
    }
  }
}

describe('fuzz: parser and linter never throw', () => {
  const COUNT = 6000;
  for (const kind of ['fasta', 'dot-bracket'] as const) {
    it(`${COUNT} random and mutated ${kind} inputs`, () => {
      const r = rng(kind === 'fasta' ? 0xba5e : 0xd07);
      for (let i = 0; i < COUNT; i++) {
        const text = i % 2 === 0 ? randomText(r) : mutate(r, SEEDS[i % SEEDS.length]);
        try {
          exercise(text, kind, r);
        } catch (err) {
          throw new Error(`input #${i} ${JSON.stringify(text)} (${kind}): ${(err as Error).message}`);
        }
      }
    });
  }

  it('a binary-like 2 MB input keeps 1,000 problems plus BP011 and counts the rest', () => {
    const r = rng(7);
    let s = '>bin\n';
    for (let i = 0; i < 2_000_000; i++) s += String.fromCharCode(Math.floor(r() * 256));
    const file = parseFile(s, 'fasta');
    const { diagnostics, total } = lintFile(file);
    assert.equal(diagnostics.length, 1001);
    assert.equal(diagnostics[1000].code, 'BP011');
    assert.ok(total > 100_000, `total ${total}`);
  });
});

// `basepair lint` and `stats` stream their inputs: on files larger than one read chunk (1 MiB) and
// one block, with records and a long line crossing chunk boundaries, they report what the
// whole-file linter and fileStats report; the streamed stats equal fileStats on random inputs cut
// into tiny blocks.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli';
import { fileStats } from '../../src/cli/stats';
import { streamFileStats } from '../../src/cli/statsStream';
import { parseFile } from '../../src/core/formats/parse';
import { lintFile } from '../../src/core/lint/lint';
import { Random } from '../../src/core/random';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

/** A 6 MB FASTA: many short records, one 3 MB single-line record with problems, duplicates and T/U mixes. */
function bigFasta(r: Random): string {
  const parts: string[] = [];
  for (let i = 0; i < 20_000; i++) {
    let s = '';
    for (let k = 0; k < 120; k++) s += 'ACGU'[r.int(0, 4)];
    if (i % 5000 === 7) s = s.slice(0, 50) + 'X' + s.slice(51);
    if (i % 7000 === 3) s = s.replace('U', 'T');
    parts.push(`>r${i % 19_000} value=${i}\r\n${s.slice(0, 60)}\r\n${s.slice(60)}\r\n`);
  }
  let line = '';
  for (let k = 0; k < 3_000_000; k++) line += k % 999_983 === 5 ? 'é' : 'ACGT'[r.int(0, 4)];
  parts.splice(10_000, 0, `>huge\n${line}\n`);
  return '\uFEFF' + parts.join('');
}

describe('CLI lint and stats stream their inputs', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-stream-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lint of a 6 MB file gives the whole-file diagnostics at the same lines and columns', async () => {
    const text = bigFasta(new Random(4));
    const f = path.join(dir, 'big.fasta');
    fs.writeFileSync(f, text);
    const r = await run(['lint', f, '--json', '--max-problems', '0']);
    const file = parseFile(text, 'fasta');
    const expected = lintFile(file, { maxProblems: 0 }).diagnostics.map((d) => {
      const s = file.lines.positionAt(d.range.start);
      const e = file.lines.positionAt(d.range.end);
      return { file: f, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, severity: d.severity, code: d.code, message: d.message };
    });
    assert.ok(expected.length > 1000, `only ${expected.length} problems`);
    assert.deepEqual(JSON.parse(r.out), expected);
    assert.equal(r.code, 1);
  });

  it('stats of the same file equals fileStats of its text', async () => {
    const text = bigFasta(new Random(5));
    const f = path.join(dir, 'big2.fasta');
    fs.writeFileSync(f, text);
    const r = await run(['stats', f, '--json']);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(JSON.parse(r.out), [fileStats(f, text, 'fasta')]);
  });

  it('streamed stats equal fileStats on random inputs in tiny blocks', async () => {
    const r = new Random(8);
    const pieces = ['>a\n', '>b x\n', 'ACGU', 'acgt', 'NN', '-', '&', '\r\n', '\n', '  ', '(((...)))', 'X', '\n\n', 'T'];
    for (let i = 0; i < 500; i++) {
      let text = '';
      for (let k = r.int(0, 40); k > 0; k--) text += r.choice(pieces);
      for (const kind of ['fasta', 'dot-bracket'] as const) {
        const chunks: string[] = [];
        for (let p = 0; p < text.length; p += 7) chunks.push(text.slice(p, p + 7));
        assert.deepEqual(await streamFileStats('x', chunks, kind, { blockSize: r.choice([1, 3, 50]) }), fileStats('x', text, kind), JSON.stringify(text));
      }
    }
  });

  it('a missing file is an error naming it, exit 1', async () => {
    const r = await run(['lint', path.join(dir, 'nope.fa')]);
    assert.equal(r.code, 1);
    assert.match(r.err, /nope\.fa: cannot read: no such file/);
  });
});

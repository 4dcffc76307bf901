// The `basepair` CLI: lint output (JSON and text), exit codes, unreadable files, bad flags.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli';
import type { LintEntry } from '../../src/cli/lint';

const ROOT = path.resolve(__dirname, '../..');
const FIX = path.join(ROOT, 'test/fixtures/lint');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

const compact = (e: LintEntry) => `${e.line}:${e.column}-${e.endLine}:${e.endColumn} ${e.severity} ${e.code}`;

describe('basepair lint', () => {
  it('reports every FASTA problem of bad.fasta at its line and column', async () => {
    const { code, out } = await run(['lint', '--json', path.join(FIX, 'bad.fasta')]);
    assert.equal(code, 1);
    const entries = JSON.parse(out) as LintEntry[];
    assert.deepEqual(entries.map(compact), [
      '1:1-1:35 error BP010',
      '3:1-4:5 warning BP002',
      '3:5-3:6 error BP001',
      '5:1-5:12 error BP003',
      '7:1-7:12 warning BP004',
      '9:3-9:4 error BP001',
    ]);
    assert.deepEqual(Object.keys(entries[0]), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
    assert.equal(entries[0].file, path.join(FIX, 'bad.fasta'));
  });

  it('reports every dot-bracket problem of bad.dbn at its line and column', async () => {
    const { code, out } = await run(['lint', '--json', path.join(FIX, 'bad.dbn')]);
    assert.equal(code, 1);
    assert.deepEqual((JSON.parse(out) as LintEntry[]).map(compact), [
      '6:1-6:2 error BP006',
      '6:1-6:9 error BP005',
      '9:8-9:9 error BP006',
      '9:9-9:10 error BP006',
      '12:1-12:2 warning BP007',
      '15:2-15:6 warning BP008',
      '18:11-18:18 error BP009',
      '21:5-21:6 error BP001',
    ]);
  });

  it('reports nothing for valid files (BOM, CRLF, IUPAC, pseudoknots, dimers, wrapping) and exits 0', async () => {
    const { code, out, err } = await run(['lint', '--json', path.join(FIX, 'valid.fasta'), path.join(FIX, 'valid.dbn')]);
    assert.equal(err, '');
    assert.deepEqual(JSON.parse(out), []);
    assert.equal(code, 0);
  });

  it('prints compiler-style lines and a summary without --json', async () => {
    const { code, out, err } = await run(['lint', path.join(FIX, 'bad.fasta')]);
    assert.equal(code, 1);
    assert.equal(out.split('\n')[2], `${path.join(FIX, 'bad.fasta')}:3:5: error BP001 'X' is not allowed in a nucleotide sequence (allowed: A C G T U, IUPAC codes R Y S W K M B D H V N, gap '-', strand break '&')`);
    assert.equal(err, '1 file: 4 errors, 2 warnings\n');
  });

  it('exits 0 when there are only warnings, 1 when a format makes them errors', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-cli-'));
    try {
      const warnOnly = path.join(tmp, 'dup.fa');
      fs.writeFileSync(warnOnly, '>x\nACGU\n>x\nACGTU\n');
      const warn = await run(['lint', '--json', warnOnly]);
      assert.deepEqual((JSON.parse(warn.out) as LintEntry[]).map((e) => e.code), ['BP004', 'BP002']);
      assert.equal(warn.code, 0);
      // valid.dbn forced to FASTA: its structure lines are invalid nucleotide characters
      const forced = await run(['lint', '--json', '--format', 'fasta', path.join(FIX, 'valid.dbn')]);
      assert.equal(forced.code, 1);
      assert.ok((JSON.parse(forced.out) as LintEntry[]).every((e) => e.code === 'BP001'));
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('names an unreadable file, still lints the others and exits 1', async () => {
    const missing = path.join(FIX, 'does-not-exist.fa');
    const { code, out, err } = await run(['lint', '--json', missing, path.join(FIX, 'valid.fasta')]);
    assert.equal(code, 1);
    assert.equal(err, `basepair: ${missing}: cannot read: no such file\n`);
    assert.deepEqual(JSON.parse(out), []);
    const dir = await run(['lint', FIX]);
    assert.match(dir.err, /lint: cannot read: is a directory|cannot read: is a directory/);
    assert.equal(dir.code, 1);
  });

  it('rejects bad usage with exit status 2 and a message', async () => {
    assert.equal((await run(['lint'])).code, 2);
    const bad = await run(['lint', '--format', 'genbank', 'x.fa']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--format must be fasta or dot-bracket, not 'genbank'/);
    const unknown = await run(['lint', '--nope', 'x.fa']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /Unknown option '--nope'/);
    assert.equal((await run(['frobnicate'])).code, 2);
  });

  it('caps problems per file with --max-problems', async () => {
    const { out } = await run(['lint', '--json', '--max-problems', '2', path.join(FIX, 'bad.fasta')]);
    const codes = (JSON.parse(out) as LintEntry[]).map((e) => e.code);
    assert.deepEqual(codes, ['BP010', 'BP002', 'BP011']);
  });

  it('runs as a process: stdout is the JSON document, exit status from the errors', () => {
    const p = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli.ts'), 'lint', '--json', path.join(FIX, 'bad.dbn')], {
      encoding: 'utf8',
      cwd: ROOT,
    });
    assert.equal(p.status, 1, p.stderr);
    assert.equal((JSON.parse(p.stdout) as LintEntry[]).length, 8);
  });
});

describe('basepair stats', () => {
  it('summarises the bundled examples exactly', async () => {
    const { code, out } = await run(['stats', '--json', path.join(ROOT, 'examples/mirna.fasta'), path.join(ROOT, 'examples/structures.dbn')]);
    assert.equal(code, 0);
    const [fa, dbn] = JSON.parse(out);
    assert.deepEqual(
      { ...fa, file: undefined },
      { file: undefined, format: 'fasta', records: 5, nucleotides: 112, minLength: 22, medianLength: 22, maxLength: 24, gcPercent: 38.4, alphabets: { RNA: 4, DNA: 1 }, withStructure: 0 },
    );
    assert.equal(dbn.format, 'dot-bracket');
    assert.equal(dbn.withStructure, 4);
    assert.equal(dbn.maxLength, 76);
    assert.equal(dbn.medianLength, 48.5);
  });

  it('names unreadable files and exits 1', async () => {
    const { code, err } = await run(['stats', path.join(FIX, 'nope.fa')]);
    assert.equal(code, 1);
    assert.match(err, /nope\.fa: cannot read: no such file/);
  });
});

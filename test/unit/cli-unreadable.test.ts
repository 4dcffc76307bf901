// One rule for every CLI command: an input file that cannot be read is one line on stderr naming
// the file ("basepair: <file>: cannot read: no such file"), counted in the summary where the command
// prints one, and exit status 1 (2 stays for bad usage) — never "internal error" or a stack trace.
// Also: `predict` prints the header `id<TAB>prediction` that the README documents.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli';
import { limit } from '../support/timeLimits';

const ROOT = path.resolve(__dirname, '../..');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

describe('CLI: a file that cannot be read', function () {
  this.timeout(limit(120000));
  let tmp: string;
  let model: string;
  let missing: string;

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-cli-unreadable-'));
    missing = path.join(tmp, 'nope.tsv');
    // a small real regressor (one epoch) for predict's data-file case
    const lines = fs.readFileSync(path.join(ROOT, 'examples/openvaccine/degradation.tsv'), 'utf8').split('\n');
    const data = path.join(tmp, 'ov.tsv');
    fs.writeFileSync(data, lines.slice(0, 121).join('\n') + '\n');
    model = path.join(tmp, 'model');
    const trained = await run(['train', 'regressor', data, '--out', model, '--epochs', '1', '--seed', '1', '--json']);
    assert.equal(trained.code, 0, trained.err);
  });

  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const oneLine = (file: string) => `basepair: ${file}: cannot read: no such file\n`;

  for (const [name, args] of [
    ['fold', (f: string) => ['fold', f]],
    ['fold --pf', (f: string) => ['fold', '--pf', f]],
    ['eval', (f: string) => ['eval', f]],
    ['cofold', (f: string) => ['cofold', f]],
    ['train regressor', (f: string) => ['train', 'regressor', f, '--out', path.join(tmp, 'never'), '--json']],
    ['train pairs', (f: string) => ['train', 'pairs', f, '--out', path.join(tmp, 'never'), '--json']],
  ] as const) {
    it(`${name}: one line naming the file, exit 1, nothing written`, async () => {
      const r = await run(args(missing));
      // the training commands announce the file they read first ("reading <file>"), then the error
      const err = r.err.replace(/^reading .*\n/, '');
      assert.deepEqual([r.code, err, r.out], [1, oneLine(missing), '']);
      assert.ok(!fs.existsSync(path.join(tmp, 'never')));
    });
  }

  it('predict with a model and a missing data file: one line, exit 1', async () => {
    const r = await run(['predict', model, missing]);
    assert.deepEqual([r.code, r.err, r.out], [1, oneLine(missing), '']);
  });

  it('predict with a missing model directory names the directory, exit 1', async () => {
    const r = await run(['predict', path.join(tmp, 'no-model'), missing]);
    assert.equal(r.code, 1);
    assert.equal(r.err, `basepair: ${path.join(tmp, 'no-model')}: is not a model directory (not found)\n`);
  });

  it('lint counts the unreadable file in its summary and still checks the others', async () => {
    const good = path.join(ROOT, 'examples/mirna.fasta');
    const r = await run(['lint', missing, good]);
    assert.equal(r.code, 1);
    assert.equal(r.err, `${oneLine(missing)}2 files, 1 could not be read: 0 errors, 0 warnings\n`);
  });

  it('stats summarises the readable files and counts the unreadable one', async () => {
    const good = path.join(ROOT, 'examples/mirna.fasta');
    const r = await run(['stats', missing, good]);
    assert.equal(r.code, 1);
    assert.equal(r.err, `${oneLine(missing)}2 files, 1 could not be read\n`);
    assert.match(r.out, /examples\/mirna\.fasta \(fasta\)\n {2}records {6}5\n/);
  });

  it('bad usage stays exit 2', async () => {
    assert.equal((await run(['fold'])).code, 2);
    assert.equal((await run(['predict', model])).code, 2);
  });

  it('predict prints id<TAB>prediction, one row per record in input order', async () => {
    const fasta = path.join(tmp, 'two.fasta');
    fs.writeFileSync(fasta, '>a\nGGAAAGUACGACUUGAGUACGGAAAACGUACCAACUCGAUUAAAAUGG\n>b\nGGAAACGGGUUCCGCGGAUUGCUGCUAAUAAGAGUAAUCUCUAAAUG\n');
    const r = await run(['predict', model, fasta]);
    assert.equal(r.code, 0, r.err);
    const rows = r.out.trimEnd().split('\n').map((l) => l.split('\t'));
    assert.deepEqual(rows[0], ['id', 'prediction']);
    assert.deepEqual(rows.slice(1).map((c) => c[0]), ['a', 'b']);
    // six significant digits at most (a float32 model's output, not a double's noise digits)
    for (const c of rows.slice(1)) assert.match(c[1]!, /^-?(0\.0*[1-9]\d{0,5}|[1-9](?=[\d.]{0,6}$)\d*(\.\d+)?)$/, c.join(' '));
  });
});

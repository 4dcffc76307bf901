// The pair commands of the CLI end to end on a tiny synthetic file: `train pairs --json` (metrics
// beside baselines), `predict` on a pair model ([{id, score}] in input order; the regressor path is
// untouched), `generate` in sample and design mode ({seq_a, seq_b, score}, constraints hold, TSV
// columns), and errors naming file:line or the model file.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli';
import { syntheticPairTsv } from '../../src/core/synthetic/pairTaskTsv';
import { checkSequence } from '../../src/ml/pairs/design/constraints';
import { limit } from '../support/timeLimits';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

describe('basepair train pairs / predict / generate', function () {
  this.timeout(limit(240_000));
  let tmp: string;
  let data: string;
  let model: string;
  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-pairs-cli-'));
    data = path.join(tmp, 'pairs.tsv');
    fs.writeFileSync(data, syntheticPairTsv({ length: 16, k: 0, n: 400, seed: 3 }));
    model = path.join(tmp, 'model');
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('train pairs --json reports test metrics beside the rule baselines', async () => {
    const r = await run(['train', 'pairs', data, '--out', model, '--epochs', '3', '--generator-epochs', '2', '--seed', '1', '--revcomp-rule', '0', '--json']);
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out) as Record<string, any>;
    for (const key of ['modelDir', 'name', 'sizes', 'threshold', 'test', 'baselines', 'epochsRun', 'pairsPerSecond', 'seconds', 'skipped']) assert.ok(key in report, key);
    assert.equal(report.modelDir, model);
    assert.equal(report.sizes.train + report.sizes.valid + report.sizes.test, 400);
    assert.deepEqual(Object.keys(report.test).sort(), ['accuracy', 'auprc', 'auroc', 'f1']);
    assert.ok(report.baselines.some((b: { name: string }) => b.name === 'longest Watson-Crick run'));
    assert.ok(fs.existsSync(path.join(model, 'card.json')));
    assert.match(r.err, /classifier epoch 1\/3/);
  });

  it('predict on a pair model prints [{id, score}] in input order', async () => {
    const input = path.join(tmp, 'predict.tsv');
    fs.writeFileSync(input, 'id\tseq_a\tseq_b\nz9\tACGTACGTACGTACGT\tACGTACGTACGTACGT\na1\tAAAACCCCGGGGTTTT\tAAAACCCCGGGGTTTT\nm5\tGATTACAGATTACAGA\tTCTGTAATCTGTAATC\n');
    const r = await run(['predict', model, input, '--json']);
    assert.equal(r.code, 0, r.err);
    const rows = JSON.parse(r.out) as { id: string; score: number }[];
    assert.deepEqual(rows.map((x) => x.id), ['z9', 'a1', 'm5']);
    for (const x of rows) {
      assert.deepEqual(Object.keys(x), ['id', 'score']);
      assert.ok(x.score >= 0 && x.score <= 1);
    }
    const tsv = await run(['predict', model, input]);
    assert.equal(tsv.out.split('\n')[0], 'id\tscore');
  });

  it('predict names file:line of a bad pair', async () => {
    const input = path.join(tmp, 'bad.tsv');
    fs.writeFileSync(input, 'seq_a\tseq_b\nACGT\tACGT\nACXT\tACGT\n');
    const r = await run(['predict', model, input]);
    assert.equal(r.code, 1);
    assert.match(r.err, new RegExp(`${input.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3`));
  });

  it('train pairs names file:line of a bad row, and --skip-bad skips it', async () => {
    const bad = path.join(tmp, 'bad-train.tsv');
    const lines = fs.readFileSync(data, 'utf8').split('\n');
    lines[5] = 'bad1\tACGTACGT\tACGTACGT\t7';
    fs.writeFileSync(bad, lines.join('\n'));
    const r = await run(['train', 'pairs', bad, '--out', path.join(tmp, 'never')]);
    assert.equal(r.code, 1);
    assert.match(r.err, /bad-train\.tsv:6.*'7' is not 0 or 1/);
    assert.equal(fs.existsSync(path.join(tmp, 'never')), false);
    const skipped = await run(['train', 'pairs', bad, '--out', path.join(tmp, 'skipped'), '--epochs', '1', '--no-generator', '--skip-bad', '--json']);
    assert.equal(skipped.code, 0, skipped.err);
    assert.equal((JSON.parse(skipped.out) as { skipped: number }).skipped, 1);
    assert.match(skipped.err, /skipped .*bad-train\.tsv:6/);
  });

  it('generate -n 20 --json in sample mode: {seq_a, seq_b, score} under GC and homopolymer limits', async () => {
    const r = await run(['generate', model, '-n', '20', '--gc', '0.25:0.75', '--max-homopolymer', '3', '--seed', '2', '--json']);
    assert.equal(r.code, 0, r.err);
    const rows = JSON.parse(r.out) as { seq_a: string; seq_b: string; score: number }[];
    assert.equal(rows.length, 20);
    for (const x of rows) {
      assert.deepEqual(Object.keys(x), ['seq_a', 'seq_b', 'score']);
      for (const s of [x.seq_a, x.seq_b]) assert.deepEqual(checkSequence(s, { gc: [0.25, 0.75], maxHomopolymer: 3 }), []);
    }
    assert.match(r.err, /generated 20 of 20 pairs \(sample; \d+ drawn/);
    assert.match(r.err, /unique .*novel/);
  });

  it('generate --min-score keeps only pairs scored at least that, and refuses a score above 1', async () => {
    const plain = await run(['generate', model, '-n', '20', '--seed', '3', '--json']);
    const scores = (JSON.parse(plain.out) as { score: number }[]).map((x) => x.score).sort((a, b) => a - b);
    const bar = Math.round(scores[10]! * 1000) / 1000; // the median of what the model's own threshold keeps
    const r = await run(['generate', model, '-n', '10', '--min-score', String(bar), '--seed', '3', '--json']);
    assert.equal(r.code, 0, r.err);
    const rows = JSON.parse(r.out) as { score: number }[];
    assert.ok(rows.length >= 1);
    for (const x of rows) assert.ok(x.score >= bar, `score ${x.score} < ${bar}`);
    assert.match(r.err, new RegExp(`threshold ${bar.toFixed(3)}`));
    const bad = await run(['generate', model, '-n', '2', '--min-score', '1.5']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--min-score must be a probability in \[0, 1\]/);
  });

  it('generate in design mode with templates prints the TSV columns', async () => {
    const r = await run(['generate', model, '-n', '4', '--mode', 'design', '--template-a', 'ACGNNNNNNNNNNNNN', '--template-b', 'NNNNNNNNNNNNNNNS', '--seed', '1']);
    assert.equal(r.code, 0, r.err);
    const lines = r.out.trim().split('\n');
    assert.equal(lines[0], 'id\tseq_a\tseq_b\tscore\tgc_a\tgc_b\tnovel');
    for (const line of lines.slice(1)) {
      const [, a, b] = line.split('\t');
      assert.deepEqual(checkSequence(a!, { template: 'ACGNNNNNNNNNNNNN' }), []);
      assert.deepEqual(checkSequence(b!, { template: 'NNNNNNNNNNNNNNNS' }), []);
    }
  });

  it('generate refuses impossible constraints and a bad model directory', async () => {
    const r = await run(['generate', model, '-n', '2', '--template-a', 'AAAAAAAAAAAAAAAA', '--max-homopolymer', '2']);
    assert.equal(r.code, 1);
    assert.match(r.err, /no 16-nt sequence satisfies template \+ max homopolymer 2/);
    const missing = await run(['generate', path.join(tmp, 'nothing'), '-n', '2']);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /is not a model directory/);
    const flag = await run(['generate', model, '-n', '2', '--gc', '0.8:0.2']);
    assert.equal(flag.code, 2);
  });
});

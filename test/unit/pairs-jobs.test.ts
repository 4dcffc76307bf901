// Pair jobs in their own processes (JobManager + src/jobs/main.ts through tsx): training reports
// progress and writes the model directory; generation returns the pairs and the metrics; cancel stops
// a job (killed after 2 s at the latest) and leaves no model directory; bad data fails with file:line.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { syntheticPairTsv } from '../../src/core/synthetic/pairTaskTsv';
import type { PairTrainingProgress } from '../../src/jobs/pairTraining';
import { JobFailed, JobManager } from '../../src/server/jobs/jobManager';
import { limit } from '../support/timeLimits';

const ROOT = path.resolve(__dirname, '../..');

describe('pair jobs in job processes', function () {
  this.timeout(limit(240_000));
  let tmp: string;
  let data: string;
  const manager = () => new JobManager(path.join(ROOT, 'src/jobs/main.ts'), { info: () => {}, error: () => {} }, ['--import', 'tsx']);

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-pair-jobs-'));
    data = path.join(tmp, 'pairs.tsv');
    fs.writeFileSync(data, syntheticPairTsv({ length: 16, k: 0, n: 300, seed: 5 }));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('trains a pair model, then generates pairs with it', async () => {
    const jobs = manager();
    const out = path.join(tmp, 'models', 'ok');
    const seen: PairTrainingProgress[] = [];
    const report = await jobs.run('train-pairs', 't', { data, out, epochs: 2, generatorEpochs: 1 }, (p) => seen.push(p));
    assert.equal(report.modelDir, out);
    assert.ok(seen.some((p) => p.phase === 'classifier') && seen.some((p) => p.phase === 'generator'));
    assert.equal(seen[seen.length - 1]!.phase, 'saving');
    const gen = await jobs.run('generate-pairs', 'g', { modelDir: out, count: 5, mode: 'sample', seed: 1 }, () => {});
    assert.equal(gen.pairs.length, 5);
    assert.equal(gen.mode, 'sample');
    assert.ok(gen.drawn >= 5);
    assert.ok(gen.metrics.uniqueness > 0 && gen.metrics.uniqueness <= 1);
    assert.deepEqual(jobs.running, []);
  });

  it('cancel stops a pair training job and leaves no model directory', async () => {
    const jobs = manager();
    const out = path.join(tmp, 'models', 'cancelled');
    let cancelled = false;
    const job = jobs.run('train-pairs', 'c', { data, out, epochs: 200 }, (p) => {
      if (p.phase === 'classifier' && p.epoch === 2 && !cancelled) {
        cancelled = true;
        assert.equal(jobs.cancel('c'), true);
      }
    });
    await assert.rejects(job, (err: unknown) => err instanceof JobFailed && err.cancelled);
    assert.ok(!fs.existsSync(out));
    assert.deepEqual(fs.readdirSync(path.join(tmp, 'models')).filter((f) => f !== 'ok'), []);
  });

  it('bad data fails the job with file:line', async () => {
    const bad = path.join(tmp, 'bad.tsv');
    fs.writeFileSync(bad, 'seq_a\tseq_b\tlabel\nACGT\tACGT\t1\nAC!T\tACGT\t0\n');
    await assert.rejects(manager().run('train-pairs', 'b', { data: bad, out: path.join(tmp, 'never') }, () => {}), (err: unknown) => err instanceof JobFailed && /bad\.tsv:3/.test(err.message));
  });
});

// Training jobs in their own processes (JobManager + src/jobs/main.ts through tsx): a job reports
// progress and writes its model; cancel stops it and leaves no model directory; a job
// process killed mid-epoch fails its job with the reason; bad data fails with file:line.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { JobFailed, JobManager } from '../../src/server/jobs/jobManager';
import type { TrainingProgress } from '../../src/jobs/trainingReport';
import { limit } from '../support/timeLimits';

const ROOT = path.resolve(__dirname, '../..');
const DATA = path.join(ROOT, 'examples/openvaccine/degradation.tsv');

describe('training jobs in job processes', function () {
  this.timeout(limit(180000));
  let tmp: string;
  let data: string;
  const logs: string[] = [];
  const manager = () => new JobManager(path.join(ROOT, 'src/jobs/main.ts'), { info: (m) => logs.push(m), error: (m) => logs.push(m) }, ['--import', 'tsx']);

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-jobs-'));
    data = path.join(tmp, 'ov200.tsv');
    fs.writeFileSync(data, fs.readFileSync(DATA, 'utf8').split('\n').slice(0, 201).join('\n') + '\n');
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('trains, reports progress per epoch and writes model.json, weights.bin and card.json', async () => {
    const jobs = manager();
    const seen: TrainingProgress[] = [];
    const out = path.join(tmp, 'models', 'ok');
    const report = await jobs.run('train-regressor', 'ok', { data, out, epochs: 3, structure: 'given' }, (p) => seen.push(p));
    assert.equal(report.modelDir, out);
    assert.deepEqual(fs.readdirSync(out).sort(), ['card.json', 'model.json', 'weights.bin']);
    assert.deepEqual(seen.filter((p) => p.phase === 'training').map((p) => (p as { epoch: number }).epoch), [1, 2, 3]);
    assert.equal(seen[seen.length - 1].phase, 'saving');
    assert.deepEqual(jobs.running, []);
  });

  it('cancel stops the job and leaves no model directory', async () => {
    const jobs = manager();
    const out = path.join(tmp, 'models', 'cancelled');
    let cancelled = false;
    const job = jobs.run('train-regressor', 'c', { data, out, epochs: 200, structure: 'given' }, (p) => {
      if (p.phase === 'training' && p.epoch === 2 && !cancelled) {
        cancelled = true;
        assert.equal(jobs.cancel('c'), true);
      }
    });
    await assert.rejects(job, (err: unknown) => err instanceof JobFailed && err.cancelled && err.message === 'cancelled');
    assert.deepEqual(jobs.running, []);
    assert.ok(!fs.existsSync(out), 'a model directory was written');
    assert.deepEqual(fs.readdirSync(path.join(tmp, 'models')).filter((f) => f !== 'ok'), []);
  });

  it('a job process killed mid-epoch fails its job with the reason, and nothing is written', async () => {
    const jobs = manager();
    const out = path.join(tmp, 'models', 'killed');
    const job = jobs.run('train-regressor', 'k', { data, out, epochs: 200, structure: 'given' }, (p) => {
      if (p.phase === 'training' && p.epoch === 2) process.kill(jobs.pidOf('k')!, 'SIGKILL');
    });
    await assert.rejects(job, (err: unknown) => err instanceof JobFailed && !err.cancelled && /ended unexpectedly \(SIGKILL\)/.test(err.message));
    assert.ok(!fs.existsSync(out));
  });

  it('bad data fails with the file, line and column', async () => {
    const jobs = manager();
    const bad = path.join(tmp, 'bad.tsv');
    fs.writeFileSync(bad, 'id\tsequence\ttarget\nx1\tACGU\t0.5\nx2\tACGU\tnot-a-number\n');
    await assert.rejects(jobs.run('train-regressor', 'b', { data: bad, out: path.join(tmp, 'models', 'bad') }, () => undefined), (err: unknown) => {
      assert.ok(err instanceof JobFailed);
      assert.match(err.message, /bad\.tsv:3(:\d+)?: /);
      return true;
    });
  });
});

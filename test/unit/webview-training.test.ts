// The training panel's pure parts: folding training events into job views, loss series, the
// status line, and the metrics table (including metrics that arrive as null after JSON, e.g. the
// undefined correlations of the constant mean baseline).
import * as assert from 'node:assert/strict';
import { applyEvent, jobToShow, lossSeries, statusLine, type JobView } from '../../webview/training/jobState';
import { metricsTable } from '../../webview/training/metricsTable';
import type { TrainingReport } from '../../src/protocol/editor';

const m = (spearman: number | null, r2: number) => ({ n: 30, rmse: 0.1, mae: 0.08, r2, pearson: spearman, spearman }) as never;

function report(): TrainingReport {
  return JSON.parse(JSON.stringify({
    modelDir: '/m/ov', name: 'ov', data: { file: '/d.tsv', records: 300, skipped: [] }, targetName: 'target',
    structureSource: 'given', arch: 'default', backend: { name: 'wasm', reason: 'x', threads: 1 },
    sizes: { train: 240, valid: 30, test: 30 }, parameters: 1000, members: 1, epochsRun: 3, samplesPerSecond: 1234.5,
    meanEpochSeconds: 0.2,
    metrics: { test: m(0.71, 0.5) },
    baselines: { test: [{ name: 'mean', metrics: m(NaN, 0) }, { name: 'ridge', metrics: m(0.6, 0.35) }] },
    verdict: { kind: 'learns', headline: 'It learns.', causes: [] },
    history: [[{ epoch: 1, trainLoss: 1, validLoss: 0.9, validSpearman: 0.3, learningRate: 0.002, seconds: 0.2 }, { epoch: 2, trainLoss: 0.8, validLoss: 0.7, validSpearman: 0.5, learningRate: 0.002, seconds: 0.2 }]],
    predictions: [], seed: 1, seconds: 12.3,
  })) as TrainingReport;
}

describe('training panel state', () => {
  it('folds started, progress and done events into one job view', () => {
    const jobs = new Map<string, JobView>();
    applyEvent(jobs, { jobId: 'a', kind: 'started', params: { jobId: 'a', data: '/d.tsv', out: '/m/ov' } });
    const progress = { phase: 'training', stage: 'model', member: 1, members: 1, epoch: 1, maxEpochs: 60, trainLoss: 1, validLoss: 0.9, validSpearman: 0.3, learningRate: 0.002, epochSeconds: 0.2, etaSeconds: 12, etaMinSeconds: 6 } as never;
    applyEvent(jobs, { jobId: 'a', kind: 'progress', progress });
    applyEvent(jobs, { jobId: 'a', kind: 'progress', progress });
    assert.equal(jobs.get('a')!.curve.length, 1, 'the same epoch twice is one point');
    assert.equal(statusLine(jobs.get('a')!), 'Training: epoch 1 of at most 60 (6-12 s left; early stopping decides)');
    applyEvent(jobs, { jobId: 'a', kind: 'done', report: report() });
    const job = jobs.get('a')!;
    assert.equal(job.status, 'done');
    assert.deepEqual(job.curve.map((c) => c.epoch), [1, 2]);
    assert.equal(statusLine(job), 'Done in 12 s: 3 epochs, 1235 samples/s on wasm.');
    assert.deepEqual(lossSeries(job.curve).map((s) => [s.name, s.points.map((p) => p.y)]), [['train', [1, 0.8]], ['validation', [0.9, 0.7]]]);
  });

  it('shows the running job first, a failed job with its reason', () => {
    const jobs = new Map<string, JobView>();
    applyEvent(jobs, { jobId: 'old', kind: 'failed', message: 'data.tsv:3: bad', cancelled: false });
    applyEvent(jobs, { jobId: 'new', kind: 'started', params: { jobId: 'new', data: '/d', out: '/o' } });
    assert.equal(jobToShow(jobs)?.jobId, 'new');
    assert.equal(jobToShow(jobs, 'old')?.jobId, 'old');
    assert.equal(statusLine(jobs.get('old')!), 'Failed: data.tsv:3: bad');
  });

  it('builds the metrics table, with null metrics as dashes and the best Spearman marked', () => {
    const t = metricsTable(report());
    assert.equal(t.split, 'test');
    assert.deepEqual(t.rows.map((r) => [r.name, r.cells[4], r.best]), [
      ['model (default)', '0.710', true],
      ['baseline: mean', '–', false],
      ['baseline: ridge', '0.600', false],
    ]);
  });
});

// The training panel's pure parts: folding training events into job views, loss series, the
// status line, and the metrics table (including metrics that arrive as null after JSON, e.g. the
// undefined correlations of the constant mean baseline).
import * as assert from 'node:assert/strict';
import { applyEvent, jobToShow, lossCharts, lossSeries, statusLine, type JobView } from '../../webview/training/jobState';
import { metricsTable, pairMetricsTable } from '../../webview/training/metricsTable';
import type { PairTrainingOutcome, TrainingReport } from '../../src/protocol/editor';

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

const pm = (auroc: number) => ({ auroc, auprc: auroc - 0.1, accuracy: 0.7, f1: 0.6 });

function pairOutcome(): PairTrainingOutcome {
  return {
    modelDir: '/m/mir', name: 'mir', sizes: { train: 800, valid: 100, test: 100 }, threshold: 0.42,
    test: pm(0.81), baselines: [{ name: 'seed match', test: pm(0.7) }, { name: 'longest WC run', test: pm(0.65) }],
    epochsRun: 2, pairsPerSecond: 2222.4, seconds: 40.6, skipped: 0,
    backend: { name: 'cpu', reason: 'x', threads: 1 }, data: { file: '/p.tsv', records: 1000 },
    history: [{ epoch: 1, trainLoss: 0.69, validLoss: 0.6, validAuroc: 0.7, learningRate: 0.001, seconds: 1 }, { epoch: 2, trainLoss: 0.5, validLoss: 0.55, validAuroc: 0.8, learningRate: 0.001, seconds: 1 }],
    generator: { epochsRun: 1, validNll: 1.3, pairs: 800, history: [{ epoch: 1, trainLoss: 1.35, validNll: 1.3, learningRate: 0.001, seconds: 2 }] },
  };
}

describe('training panel state', () => {
  it('folds a pair job: batch progress in the status line, epoch ends as points of the classifier and generator charts', () => {
    const jobs = new Map<string, JobView>();
    applyEvent(jobs, { jobId: 'p', kind: 'started', task: 'pairs', params: { jobId: 'p', data: '/p.tsv', out: '/m/mir' } });
    applyEvent(jobs, { jobId: 'p', kind: 'progress', task: 'pairs', progress: { phase: 'classifier', epoch: 1, maxEpochs: 30, batch: 3, batches: 13 } });
    assert.equal(statusLine(jobs.get('p')!), 'Training the classifier: epoch 1 of at most 30, batch 3 of 13 (early stopping decides)');
    assert.equal(jobs.get('p')!.curve.length, 0, 'a batch within an epoch is no curve point');
    assert.deepEqual(lossCharts(jobs.get('p')!).map((c) => c.chart), ['classifier'], 'the generator chart waits for its first epoch');
    applyEvent(jobs, { jobId: 'p', kind: 'progress', task: 'pairs', progress: { phase: 'classifier', epoch: 1, maxEpochs: 30, batch: 13, batches: 13, trainLoss: 0.69, validLoss: 0.6, validAuroc: 0.7 } });
    applyEvent(jobs, { jobId: 'p', kind: 'progress', task: 'pairs', progress: { phase: 'generator', epoch: 1, maxEpochs: 20, batch: 7, batches: 7, trainLoss: 1.35, validNll: 1.3 } });
    const live = lossCharts(jobs.get('p')!);
    assert.deepEqual(live.map((c) => [c.chart, c.series.map((s) => [s.name, s.points.map((p) => p.y)])]), [
      ['classifier', [['train', [0.69]], ['validation', [0.6]]]],
      ['generator', [['train', [1.35]], ['validation', [1.3]]]],
    ]);
    applyEvent(jobs, { jobId: 'p', kind: 'done', task: 'pairs', report: pairOutcome() });
    const job = jobs.get('p')!;
    assert.equal(statusLine(job), 'Done in 41 s: classifier 2 epochs (2222 pairs/s), generator 1 epochs, on cpu.');
    assert.deepEqual(lossCharts(job).map((c) => [c.chart, c.series[0]!.points.map((p) => p.x)]), [['classifier', [1, 2]], ['generator', [1]]]);
    const t = pairMetricsTable(pairOutcome());
    assert.deepEqual([t.split, t.n, t.header], ['test', 100, ['', 'AUROC', 'AUPRC', 'accuracy', 'F1']]);
    assert.deepEqual(t.rows.map((r) => [r.name, r.cells[0], r.cells[1], r.best]), [
      ['classifier', '0.810', '0.710', true],
      ['baseline: seed match', '0.700', '0.600', false],
      ['baseline: longest WC run', '0.650', '0.550', false],
    ]);
  });


  it('folds started, progress and done events into one job view', () => {
    const jobs = new Map<string, JobView>();
    applyEvent(jobs, { jobId: 'a', kind: 'started', task: 'regressor', params: { jobId: 'a', data: '/d.tsv', out: '/m/ov' } });
    const progress = { phase: 'training', stage: 'model', member: 1, members: 1, epoch: 1, maxEpochs: 60, trainLoss: 1, validLoss: 0.9, validSpearman: 0.3, learningRate: 0.002, epochSeconds: 0.2, etaSeconds: 12, etaMinSeconds: 6 } as never;
    applyEvent(jobs, { jobId: 'a', kind: 'progress', task: 'regressor', progress });
    applyEvent(jobs, { jobId: 'a', kind: 'progress', task: 'regressor', progress });
    assert.equal(jobs.get('a')!.curve.length, 1, 'the same epoch twice is one point');
    assert.equal(statusLine(jobs.get('a')!), 'Training: epoch 1 of at most 60 (6-12 s left; early stopping decides)');
    applyEvent(jobs, { jobId: 'a', kind: 'done', task: 'regressor', report: report() });
    const job = jobs.get('a')!;
    assert.equal(job.status, 'done');
    assert.deepEqual(job.curve.map((c) => c.epoch), [1, 2]);
    assert.equal(statusLine(job), 'Done in 12 s: 3 epochs, 1235 samples/s on wasm.');
    assert.deepEqual(lossSeries(job.curve).map((s) => [s.name, s.points.map((p) => p.y)]), [['train', [1, 0.8]], ['validation', [0.9, 0.7]]]);
  });

  it('shows the running job first, a failed job with its reason', () => {
    const jobs = new Map<string, JobView>();
    applyEvent(jobs, { jobId: 'old', kind: 'failed', message: 'data.tsv:3: bad', cancelled: false });
    applyEvent(jobs, { jobId: 'new', kind: 'started', task: 'regressor', params: { jobId: 'new', data: '/d', out: '/o' } });
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

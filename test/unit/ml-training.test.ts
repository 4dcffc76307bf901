// Training runs: reproducible to 1e-6 with the same seed, cancellation mid-epoch without leaks or files,
// k-fold ensembles with mean +- sd, baselines + verdict in every result, splits, bad inputs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tf from '../../src/ml/tf';
import { generateStructureTask } from '../../src/core/synthetic/structureTask';
import { Cancelled, disposeModel, initBackend, predict, saveModel, trainRegressor, type TrainProgress } from '../../src/ml/index';
import { limit } from '../support/timeLimits';

const SMALL = { channels: 16, dilations: [1, 2] };

describe('ml: training runs', function () {
  this.timeout(limit(120000));
  const records = generateStructureTask({ n: 240, seed: 11 });

  before(async () => {
    await initBackend({ prefer: 'wasm' });
    await tf.setBackend('wasm');
  });

  it('same seed and data give the same metrics to 1e-6 (and a different seed does not)', async () => {
    const run = (seed: number) => trainRegressor({ records }, { seed, epochs: 3, batchSize: 32, config: SMALL });
    const a = await run(3);
    const b = await run(3);
    const c = await run(4);
    for (const key of ['rmse', 'mae', 'r2', 'pearson', 'spearman'] as const) {
      assert.ok(Math.abs(a.metrics.test![key] - b.metrics.test![key]) <= 1e-6, `${key}: ${a.metrics.test![key]} vs ${b.metrics.test![key]}`);
    }
    assert.deepEqual(a.predictions, b.predictions);
    assert.deepEqual(a.history.map((h) => h.map((e) => e.trainLoss)), b.history.map((h) => h.map((e) => e.trainLoss)));
    assert.notEqual(a.metrics.test!.rmse, c.metrics.test!.rmse);
    [a, b, c].forEach((r) => disposeModel(r.model));
  });

  it('every result has test and validation metrics for the model and both baselines, a verdict and a card', async () => {
    const tensorsBefore = tf.memory().numTensors;
    const r = await trainRegressor({ records, targetName: 'closing GC' }, { seed: 1, epochs: 2, config: SMALL });
    assert.deepEqual(r.sizes, { train: 192, valid: 24, test: 24 });
    for (const split of ['valid', 'test'] as const) {
      assert.ok(Number.isFinite(r.metrics[split]!.rmse));
      assert.deepEqual(r.baselines[split]!.map((b) => b.name), ['mean', 'ridge (k-mer + structure)']);
    }
    assert.ok(['learns', 'no better than baseline', 'no signal'].includes(r.verdict.kind));
    assert.equal(r.predictions.length, 48);
    assert.equal(r.model.card.targetName, 'closing GC');
    assert.equal(r.model.card.architecture.members, 1);
    assert.equal(r.model.card.training.splitMethod, 'random');
    assert.match(r.model.card.dataHash, /^sha256:[0-9a-f]{64}$/);
    assert.equal(r.model.card.backend.name, 'wasm');
    disposeModel(r.model);
    assert.equal(tf.memory().numTensors, tensorsBefore, 'a finished run leaves only its model, freed by disposeModel');
  });

  it('uses the records\' split column when every record has one', async () => {
    const withSplit = records.map((r, i) => ({ ...r, split: (i % 10 === 0 ? 'test' : i % 10 === 1 ? 'valid' : 'train') as 'train' | 'valid' | 'test' }));
    const r = await trainRegressor({ records: withSplit }, { seed: 1, epochs: 1, config: SMALL });
    assert.deepEqual(r.sizes, { train: 192, valid: 24, test: 24 });
    assert.equal(r.model.card.training.splitMethod, 'column');
    disposeModel(r.model);
  });

  it('k-fold ensemble: one network with k members, predictions with mean +- sd, out-of-fold validation', async () => {
    const progress: TrainProgress[] = [];
    const r = await trainRegressor({ records }, { seed: 2, epochs: 2, folds: 3, config: SMALL }, { onProgress: (p) => progress.push(p) });
    assert.equal(r.model.card.architecture.members, 3);
    assert.equal(r.history.length, 3);
    assert.deepEqual([...new Set(progress.map((p) => p.member))], [1, 2, 3]);
    assert.ok(progress.every((p) => p.members === 3 && Number.isFinite(p.etaSeconds) && Number.isFinite(p.validSpearman)));
    const out = await predict(r.model, records.slice(0, 5));
    assert.equal(out.length, 5);
    assert.ok(out.every((p) => Number.isFinite(p.prediction) && p.sd !== undefined && p.sd >= 0));
    const testRows = r.predictions.filter((p) => p.split === 'test');
    assert.ok(testRows.every((p) => p.sd !== undefined));
    disposeModel(r.model);
  });

  it('cancellation stops mid-epoch (at most the epoch under way completes), rejects with Cancelled, frees tensors and writes nothing', async () => {
    const big = generateStructureTask({ n: 1500, seed: 12 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'basepair-ml-cancel-'));
    const out = path.join(dir, 'model');
    const tensorsBefore = tf.memory().numTensors;
    const controller = new AbortController();
    let epochs = 0;
    let epochsAtAbort = -1;
    setTimeout(() => {
      epochsAtAbort = epochs;
      controller.abort();
    }, 1500);
    const job = async () => {
      const r = await trainRegressor({ records: big }, { seed: 1, epochs: 50 }, { signal: controller.signal, onProgress: () => epochs++ });
      await saveModel(out, r.model); // what a training job does after a finished run
    };
    await assert.rejects(job(), (err: unknown) => err instanceof Cancelled);
    // the loop checks the signal between batches: no epoch starts after the abort (the abort may
    // land during a validation pass, whose epoch is then reported)
    assert.ok(epochsAtAbort >= 0 && epochs <= epochsAtAbort + 1, `epochs ${epochs}, at abort ${epochsAtAbort}`);
    assert.ok(epochs < 50);
    assert.deepEqual(fs.readdirSync(dir), [], 'no model directory, no temporary files');
    assert.equal(tf.memory().numTensors, tensorsBefore, 'no tensors left behind');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses records that the model cannot use, naming the record', async () => {
    const noStructure = records.map((r, i) => (i === 7 ? { sequence: r.sequence, target: r.target, id: 'rec7' } : r));
    await assert.rejects(trainRegressor({ records: noStructure }, { epochs: 1 }), /record 'rec7' has no structure/);
    const badLength = records.map((r, i) => (i === 3 ? { ...r, id: 'rec3', structure: r.structure!.slice(1) } : r));
    await assert.rejects(trainRegressor({ records: badLength }, { epochs: 1 }), /record 'rec3': structure length/);
    await assert.rejects(trainRegressor({ records: records.slice(0, 5) }, { epochs: 1 }), /too few records/);
  });

  it('compareSequenceOnly trains the sequence-only model on the same split for the verdict', async () => {
    const stages = new Set<string>();
    const r = await trainRegressor({ records }, { seed: 1, epochs: 1, config: SMALL, compareSequenceOnly: true }, { onProgress: (p) => stages.add(p.stage) });
    assert.deepEqual([...stages], ['model', 'sequence-only']);
    assert.ok(Number.isFinite(r.sequenceOnly?.test?.spearman));
    assert.equal(r.model.card.architecture.name, 'default');
    disposeModel(r.model);
  });

  it('the sequence-only model needs no structure', async () => {
    const bare = records.map((r) => ({ sequence: r.sequence, target: r.target }));
    const r = await trainRegressor({ records: bare }, { arch: 'sequence-only', epochs: 1, config: SMALL });
    assert.equal(r.model.card.structureSource, 'none');
    disposeModel(r.model);
  });
});

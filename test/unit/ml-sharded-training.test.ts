// The engine's sharded (data-parallel) steps: a batch's gradient as the sum of its shards' gradients equals
// the whole-batch gradient (records of different lengths, so shards pad differently); training with 8
// shards gives bit-identical weights and losses with 0, 1, 3 and 7 gradient workers, for the regressor and the pair
// classifier, also when a worker goes away mid-run; models with batch statistics keep whole-batch steps;
// a worker that cannot start says why.
import * as assert from 'node:assert/strict';
import * as tf from '../../src/ml/tf';
import { generatePairTask } from '../../src/core/synthetic/pairTask';
import { generateStructureTask } from '../../src/core/synthetic/structureTask';
import { initBackend } from '../../src/ml/backend/initBackend';
import { fit } from '../../src/ml/engine/fit';
import { FusedAdam } from '../../src/ml/engine/fusedAdam';
import { GradientWorkers } from '../../src/ml/engine/gradientWorkers';
import { objectiveOf } from '../../src/ml/engine/objective';
import { shardGradient, trainableVariables } from '../../src/ml/engine/shardGradient';
import { ShardedSteps } from '../../src/ml/engine/shardedSteps';
import { defaultShards, shardsFor, splitShards, threadOf } from '../../src/ml/engine/shardPlan';
import { encodeRecord } from '../../src/ml/features/batchEncoder';
import { architectureInputs, buildNetwork, defaultConfig, type ArchitectureConfig } from '../../src/ml/models/architectures';
import { classifierTask } from '../../src/ml/pairs/classifierTask';
import { buildPairClassifier, DEFAULT_PAIR_CLASSIFIER } from '../../src/ml/pairs/classifierModel';
import { regressionTask } from '../../src/ml/regressor/regressionTask';
import { maxAbsDiff } from './ml-helpers';
import { limit } from '../support/timeLimits';

const SHARDS = 8;

describe('ml: sharded training steps', function () {
  this.timeout(limit(300000));
  const records = generateStructureTask({ n: 200, seed: 5, length: [60, 100] });
  const spec = architectureInputs('default', { maxLength: 100, partnersPerPosition: 1 });
  const encoded = records.map((r) => encodeRecord(r, spec));
  const targets = Float32Array.from(records, (r) => r.target / 10);
  const regression = () => regressionTask({ spec, train: encoded.slice(0, 160), trainTargets: targets.slice(0, 160), valid: encoded.slice(160), validTargets: targets.slice(160) });
  const small = (dropout: number): ArchitectureConfig => ({ ...defaultConfig('default'), channels: 16, dilations: [1, 2], dropout }) as ArchitectureConfig;
  const weightsOf = (model: tf.LayersModel) => model.getWeights().map((w) => Array.from(w.dataSync()));

  before(async () => {
    await initBackend({ prefer: 'wasm' });
  });

  it('splits a batch into contiguous shards differing by at most one record, dealt round-robin over the threads', () => {
    const idx = Int32Array.from([9, 8, 7, 6, 5]);
    assert.deepEqual(splitShards(idx, 2).map((p) => Array.from(p)), [[9, 8, 7], [6, 5]]);
    assert.deepEqual(splitShards(idx, 3).map((p) => Array.from(p)), [[9, 8], [7], [6, 5]]);
    assert.deepEqual(splitShards(Int32Array.from([4]), 2).map((p) => Array.from(p)), [[4]]);
    assert.deepEqual(Array.from({ length: 8 }, (_, s) => threadOf(s, 1)), [0, 1, 0, 1, 0, 1, 0, 1]);
    assert.deepEqual(Array.from({ length: 8 }, (_, s) => threadOf(s, 3)), [0, 1, 2, 3, 0, 1, 2, 3]);
    assert.deepEqual(Array.from({ length: 8 }, (_, s) => threadOf(s, 0)), [0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('the sum of the shards\' scaled gradients is the whole-batch gradient (max abs error <= 1e-5)', () => {
    const model = buildNetwork('default', spec, small(0), [3]);
    const variables = trainableVariables(model);
    const objective = objectiveOf(regression().objective);
    const idx = Int32Array.from({ length: 37 }, (_, i) => (i * 13) % 160);
    const lengths = new Set(Array.from(idx, (i) => encoded[i]!.length));
    assert.ok(lengths.size > 10, 'the batch mixes lengths, so the shards are padded differently');
    assert.equal(objective.weight(idx), 37);
    const whole = shardGradient(model, variables, objective, { indices: idx, scale: 1 / 37, dropoutCall: 0 });
    const shards = splitShards(idx, 4).map((p) => shardGradient(model, variables, objective, { indices: p, scale: 1 / 37, dropoutCall: 0 }));
    const combined = tf.tidy(() => shards.slice(1).reduce((g, s) => tf.add(g, s.grad), shards[0]!.grad as tf.Tensor));
    const wholeGrad = whole.grad.dataSync();
    assert.ok(Math.max(...Array.from(wholeGrad, Math.abs)) > 1e-3, 'the gradient is not trivially zero');
    assert.ok(maxAbsDiff(combined.dataSync(), wholeGrad) <= 1e-5, `max abs diff ${maxAbsDiff(combined.dataSync(), wholeGrad)}`);
    const summedLoss = shards.reduce((s, x) => s + x.loss.dataSync()[0]!, 0);
    assert.ok(Math.abs(summedLoss - whole.loss.dataSync()[0]!) <= 1e-6);
    tf.dispose([whole.grad, whole.loss, combined, ...shards.flatMap((s) => [s.grad, s.loss])]);
    model.dispose();
  });

  it(`regressor: ${SHARDS} shards give bit-identical losses and weights with 0, 1, 3 and 7 workers`, async () => {
    const run = async (workers: number) => {
      const model = buildNetwork('default', spec, small(0.1), [7]);
      const fitted = await fit(model, regression(), { epochs: 2, batchSize: 32, learningRate: 2e-3, patience: 5, seed: 7, shards: SHARDS, workers });
      const weights = weightsOf(model);
      model.dispose();
      return { losses: fitted.history.map((e) => [e.trainLoss, e.validLoss]), weights, shards: fitted.shards, workers: fitted.workers, failure: fitted.workerFailure };
    };
    const tensorsBefore = tf.memory().numTensors;
    const serial = await run(0);
    assert.equal(tf.memory().numTensors, tensorsBefore, 'no tensors left behind');
    assert.deepEqual([serial.shards, serial.workers], [SHARDS, 0]);
    for (const workers of [1, 3, 7]) {
      const parallel = await run(workers);
      assert.deepEqual([parallel.shards, parallel.workers, parallel.failure], [SHARDS, workers, undefined]);
      assert.deepEqual(parallel.losses, serial.losses, `losses with ${workers} workers`);
      assert.deepEqual(parallel.weights, serial.weights, `weights with ${workers} workers`);
    }
    // and the shards matter: whole-batch steps take another path (other dropout masks, other sums)
    const model = buildNetwork('default', spec, small(0.1), [7]);
    const whole = await fit(model, regression(), { epochs: 2, batchSize: 32, learningRate: 2e-3, patience: 5, seed: 7, shards: 1 });
    model.dispose();
    assert.equal(whole.shards, 1);
    assert.notEqual(whole.history[1]!.trainLoss, serial.losses[1]![0]);
  });

  it(`pair classifier: ${SHARDS} shards give bit-identical losses and weights with 0, 1, 3 and 7 workers`, async () => {
    const pairs = generatePairTask({ length: [18, 24], k: 1, positives: 150, negatives: 150, seed: 3, alphabet: 'RNA' }).map((p) => ({ a: p.a, b: p.b, label: p.label }));
    const task = () => classifierTask(pairs.slice(0, 240), pairs.slice(240), [1.2, 0.8]);
    const run = async (workers: number) => {
      const model = buildPairClassifier({ ...DEFAULT_PAIR_CLASSIFIER, mapFilters: [4], offsetUnits: 8, sequenceFilters: 4, hiddenUnits: 8 }, 3);
      const fitted = await fit(model, task(), { epochs: 2, batchSize: 64, learningRate: 2e-3, patience: 5, seed: 3, shards: SHARDS, workers });
      const weights = weightsOf(model);
      model.dispose();
      return { losses: fitted.history.map((e) => [e.trainLoss, e.validLoss, e.validAuroc]), weights, workers: fitted.workers, failure: fitted.workerFailure };
    };
    const serial = await run(0);
    assert.ok(serial.losses.every((l) => l.every(Number.isFinite)));
    for (const workers of [1, 3, 7]) {
      const parallel = await run(workers);
      assert.deepEqual([parallel.workers, parallel.failure], [workers, undefined]);
      assert.deepEqual(parallel.losses, serial.losses, `losses with ${workers} workers`);
      assert.deepEqual(parallel.weights, serial.weights, `weights with ${workers} workers`);
    }
  });

  it('a worker closed between steps or during one costs nothing but speed: same weights as one thread', async () => {
    const batches = Array.from({ length: 5 }, (_, b) => Int32Array.from({ length: 32 }, (_, i) => (b * 32 + i * 7) % 160));
    const run = async (workers: number, stop?: 'between' | 'during') => {
      const model = buildNetwork('default', spec, small(0.1), [9]);
      const optimizer = new FusedAdam(2e-3);
      const steps = await ShardedSteps.create(model, optimizer, regression().objective, SHARDS, workers);
      assert.equal(steps.workerCount, workers);
      const losses: number[] = [];
      for (let b = 0; b < batches.length; b++) {
        if (b === 2 && stop === 'between') await steps.close();
        const step = steps.train(batches[b]!);
        if (b === 2 && stop === 'during') await steps.close();
        losses.push((await step).loss);
      }
      assert.equal(steps.workerCount, 0);
      const weights = weightsOf(model);
      await steps.close();
      optimizer.dispose();
      model.dispose();
      return { losses, weights };
    };
    const serial = await run(0);
    assert.deepEqual(await run(1, 'between'), serial);
    assert.deepEqual(await run(3, 'during'), serial);
  });

  it('by default a batch has one shard per 16 items (at most 8); models with batch statistics (seed-cnn) take whole-batch steps', () => {
    assert.deepEqual([8, 16, 32, 64, 100, 128, 512].map(defaultShards), [1, 1, 2, 4, 6, 8, 8]);
    const seedSpec = architectureInputs('seed-cnn', { maxLength: 100, partnersPerPosition: 1 });
    const seedCnn = buildNetwork('seed-cnn', seedSpec, defaultConfig('seed-cnn'), [1]);
    const plain = buildNetwork('default', spec, small(0), [1]);
    assert.deepEqual([shardsFor(seedCnn, 4), shardsFor(plain, 4), shardsFor(plain, 1), shardsFor(plain, 8)], [1, 4, 1, 8]);
    seedCnn.dispose();
    plain.dispose();
  });

  it('a worker that cannot build the network rejects with the reason', async () => {
    await assert.rejects(
      GradientWorkers.start(1, { type: 'init', backend: 'wasm', topology: { class_name: 'NoSuchModel', config: {} }, objective: regression().objective }),
      /gradient worker: .*NoSuchModel/,
    );
  });
});

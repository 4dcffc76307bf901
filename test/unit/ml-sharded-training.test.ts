// Sharded (data-parallel) training steps: a batch's gradient from its shards equals the whole-batch
// gradient (records of different lengths, so shards pad differently); training with a gradient worker gives
// exactly the weights and losses of training with every shard on one thread, also when the worker goes
// away mid-run; models with batch statistics keep whole-batch steps; a worker that cannot start says why.
import * as assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { generateStructureTask } from '../../src/core/synthetic/structureTask';
import { initBackend } from '../../src/ml/backend/initBackend';
import { encodeRecord } from '../../src/ml/features/batchEncoder';
import { architectureInputs, buildNetwork, defaultConfig, type ArchitectureConfig } from '../../src/ml/models/architectures';
import { fitModel, type FitData } from '../../src/ml/training/fitModel';
import { GradientWorkers } from '../../src/ml/training/shards/gradientWorkers';
import { shardGradient, trainableVariables } from '../../src/ml/training/shards/shardGradient';
import { ShardedSteps, shardsFor, splitShards } from '../../src/ml/training/shards/shardedSteps';
import { FusedAdam } from '../../src/ml/training/fusedAdam';
import { maxAbsDiff } from './ml-helpers';
import { limit } from '../support/timeLimits';

describe('ml: sharded training steps', function () {
  this.timeout(limit(180000));
  const records = generateStructureTask({ n: 200, seed: 5, length: [60, 100] });
  const spec = architectureInputs('default', { maxLength: 100, partnersPerPosition: 1 });
  const encoded = records.map((r) => encodeRecord(r, spec));
  const targets = Float32Array.from(records, (r) => r.target / 10);
  const data: FitData = { spec, train: encoded.slice(0, 160), trainTargets: targets.slice(0, 160), valid: encoded.slice(160), validTargets: targets.slice(160) };
  const small = (dropout: number): ArchitectureConfig => ({ ...defaultConfig('default'), channels: 16, dilations: [1, 2], dropout }) as ArchitectureConfig;

  before(async () => {
    await initBackend({ prefer: 'wasm' });
  });

  it('splits a batch into contiguous shards differing by at most one record, leaving out empty ones', () => {
    const idx = Int32Array.from([9, 8, 7, 6, 5]);
    assert.deepEqual(splitShards(idx, 2).map((p) => Array.from(p)), [[9, 8, 7], [6, 5]]);
    assert.deepEqual(splitShards(idx, 3).map((p) => Array.from(p)), [[9, 8], [7], [6, 5]]);
    assert.deepEqual(splitShards(Int32Array.from([4]), 2).map((p) => Array.from(p)), [[4]]);
  });

  it('the size-weighted mean of shard gradients is the whole-batch gradient (max abs error <= 1e-5)', () => {
    const model = buildNetwork('default', spec, small(0), [3]);
    const variables = trainableVariables(model);
    const shardData = { records: data.train, targets: data.trainTargets, spec };
    const idx = Int32Array.from({ length: 37 }, (_, i) => (i * 13) % 160);
    const lengths = new Set(Array.from(idx, (i) => encoded[i]!.length));
    assert.ok(lengths.size > 10, 'the batch mixes lengths, so the two shards are padded differently');
    const whole = shardGradient(model, variables, shardData, idx, 0);
    const parts = splitShards(idx, 2);
    const shards = parts.map((p) => shardGradient(model, variables, shardData, p, 0));
    const combined = tf.tidy(() => tf.add(tf.mul(shards[0]!.grad, parts[0]!.length / 37), tf.mul(shards[1]!.grad, parts[1]!.length / 37)));
    const wholeGrad = whole.grad.dataSync();
    assert.ok(Math.max(...Array.from(wholeGrad, Math.abs)) > 1e-3, 'the gradient is not trivially zero');
    assert.ok(maxAbsDiff(combined.dataSync(), wholeGrad) <= 1e-5, `max abs diff ${maxAbsDiff(combined.dataSync(), wholeGrad)}`);
    const meanLoss = (shards[0]!.loss.dataSync()[0]! * parts[0]!.length + shards[1]!.loss.dataSync()[0]! * parts[1]!.length) / 37;
    assert.ok(Math.abs(meanLoss - whole.loss.dataSync()[0]!) <= 1e-6);
    tf.dispose([whole.grad, whole.loss, combined, ...shards.flatMap((s) => [s.grad, s.loss])]);
    model.dispose();
  });

  it('a gradient worker gives exactly the losses and weights of computing every shard on this thread', async () => {
    const run = async (workers: number) => {
      const model = buildNetwork('default', spec, small(0.1), [7]);
      const fit = await fitModel(model, data, { epochs: 2, batchSize: 32, learningRate: 2e-3, patience: 5, seed: 7, shards: 2, workers });
      const weights = model.getWeights().map((w) => Array.from(w.dataSync()));
      model.dispose();
      return { fit, weights };
    };
    const tensorsBefore = tf.memory().numTensors;
    const serial = await run(0);
    const parallel = await run(1);
    assert.equal(tf.memory().numTensors, tensorsBefore, 'no tensors left behind');
    assert.deepEqual([serial.fit.shards, serial.fit.workers, parallel.fit.shards, parallel.fit.workers], [2, 0, 2, 1]);
    assert.equal(parallel.fit.workerFailure, undefined);
    assert.deepEqual(
      parallel.fit.history.map((e) => [e.trainLoss, e.validLoss]),
      serial.fit.history.map((e) => [e.trainLoss, e.validLoss]),
    );
    assert.deepEqual(parallel.weights, serial.weights);
    // and the shards matter: whole-batch steps take another path (other dropout masks, other sums)
    const model = buildNetwork('default', spec, small(0.1), [7]);
    const whole = await fitModel(model, data, { epochs: 2, batchSize: 32, learningRate: 2e-3, patience: 5, seed: 7, shards: 1 });
    model.dispose();
    assert.equal(whole.shards, 1);
    assert.notEqual(whole.history[1]!.trainLoss, serial.fit.history[1]!.trainLoss);
  });

  it('a worker closed between steps or during one costs nothing but speed: same weights as one thread', async () => {
    const shardData = { records: data.train, targets: data.trainTargets, spec };
    const batches = Array.from({ length: 5 }, (_, b) => Int32Array.from({ length: 32 }, (_, i) => (b * 32 + i * 7) % 160));
    const run = async (workers: number, stop?: 'between' | 'during') => {
      const model = buildNetwork('default', spec, small(0.1), [9]);
      const optimizer = new FusedAdam(2e-3);
      const steps = await ShardedSteps.create(model, optimizer, shardData, 2, workers);
      assert.equal(steps.workerCount, workers);
      const losses: number[] = [];
      for (let b = 0; b < batches.length; b++) {
        if (b === 2 && stop === 'between') await steps.close();
        const step = steps.train(batches[b]!);
        if (b === 2 && stop === 'during') await steps.close();
        losses.push(await step);
      }
      assert.equal(steps.workerCount, 0);
      const weights = model.getWeights().map((w) => Array.from(w.dataSync()));
      await steps.close();
      optimizer.dispose();
      model.dispose();
      return { losses, weights };
    };
    const serial = await run(0);
    assert.deepEqual(await run(1, 'between'), serial);
    assert.deepEqual(await run(1, 'during'), serial);
  });

  it('models with batch statistics (seed-cnn) take whole-batch steps; the default model takes 2 shards', () => {
    const seedSpec = architectureInputs('seed-cnn', { maxLength: 100, partnersPerPosition: 1 });
    const seedCnn = buildNetwork('seed-cnn', seedSpec, defaultConfig('seed-cnn'), [1]);
    const plain = buildNetwork('default', spec, small(0), [1]);
    assert.deepEqual([shardsFor(seedCnn), shardsFor(plain), shardsFor(plain, 1), shardsFor(plain, 4)], [1, 2, 1, 4]);
    seedCnn.dispose();
    plain.dispose();
  });

  it('a worker that cannot build the network rejects with the reason', async () => {
    await assert.rejects(
      GradientWorkers.start(1, { type: 'init', backend: 'wasm', topology: { class_name: 'NoSuchModel', config: {} }, spec, records: [], targets: new Float32Array(0) }),
      /gradient worker: .*NoSuchModel/,
    );
  });
});

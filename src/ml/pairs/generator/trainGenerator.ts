// One training run of the pair generator from labelled training / validation pairs: token layout from
// the longest sequence, the transformer of generatorModel.ts, teacher forcing (generatorTask on the
// engine's fit), and the lengths seen (sampling draws only those). Large data sets are subsampled (seeded) to `maxPairs`
// training pairs so that a generator never costs more than the classifier. Writes no files.
import type * as tf from '../../tf';
import { Random } from '../../../core/random';
import type { LabelledPair } from '../batches';
import { fit } from '../../engine/fit';
import { generatorTask, type GeneratorEpoch } from './generatorTask';
import { buildPairGenerator, DEFAULT_PAIR_GENERATOR, type PairGeneratorConfig } from './generatorModel';

export interface GeneratorOptions {
  seed?: number;
  /** Maximum epochs (default 12; early stopping usually ends sooner). */
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  patience?: number;
  /** At most this many training pairs (seeded subsample; default 12,000). */
  maxPairs?: number;
  config?: Partial<Omit<PairGeneratorConfig, 'maxLength'>>;
}

export interface GeneratorProgress {
  stage: 'generator';
  epoch: number;
  maxEpochs: number;
  batch: number;
  batches: number;
  trainLoss?: number;
  validNll?: number;
}

export interface GeneratorRun {
  network: tf.LayersModel;
  config: PairGeneratorConfig;
  seed: number;
  epochs: number;
  history: GeneratorEpoch[];
  bestEpoch: number;
  validNll: number;
  pairs: number;
  tokensPerSecond: number;
  /** Gradient shards per batch (part of the numerics). */
  gradientShards: number;
  lengthCounts: { a: Record<string, number>; b: Record<string, number> };
}

function subsample<T>(items: readonly T[], max: number, seed: string): T[] {
  if (items.length <= max) return [...items];
  const idx = new Random(seed).permutation(items.length).subarray(0, max);
  return Array.from(idx).sort((x, y) => x - y).map((i) => items[i]!);
}

function count(values: readonly number[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[String(v)] = (out[String(v)] ?? 0) + 1;
  return out;
}

export async function trainPairGenerator(
  trainPairs: readonly LabelledPair[],
  validPairs: readonly LabelledPair[],
  options: GeneratorOptions = {},
  callbacks: { onProgress?: (p: GeneratorProgress) => void; signal?: AbortSignal } = {},
): Promise<GeneratorRun> {
  const seed = options.seed ?? 1;
  const epochs = options.epochs ?? 12;
  const batchSize = options.batchSize ?? 64;
  const maxPairs = options.maxPairs ?? 12_000;
  const train = subsample(trainPairs, maxPairs, `generator-subsample-${seed}`);
  const valid = subsample(validPairs, Math.max(200, Math.round(maxPairs / 8)), `generator-valid-${seed}`);
  if (train.length === 0 || valid.length === 0) throw new Error('the generator needs training and validation pairs');
  let maxLength = 1;
  for (const p of [...train, ...valid]) maxLength = Math.max(maxLength, p.a.length, p.b.length);
  const config: PairGeneratorConfig = { ...DEFAULT_PAIR_GENERATOR, ...(options.config ?? {}), maxLength };
  const network = buildPairGenerator(config, seed);
  const batches = Math.ceil(train.length / batchSize);
  try {
    const fitted = await fit(
      network,
      generatorTask(train, valid, config),
      { epochs, batchSize, learningRate: options.learningRate ?? 3e-3, patience: options.patience ?? 3, seed },
      {
        ...(callbacks.signal ? { signal: callbacks.signal } : {}),
        onBatch: (epoch, done, total) => callbacks.onProgress?.({ stage: 'generator', epoch, maxEpochs: epochs, batch: done, batches: total }),
        onEpoch: (e) => callbacks.onProgress?.({ stage: 'generator', epoch: e.epoch, maxEpochs: epochs, batch: batches, batches, trainLoss: e.trainLoss, validNll: e.validNll }),
      },
    );
    const all = [...trainPairs, ...validPairs];
    return {
      network,
      config,
      seed,
      epochs,
      history: fitted.history,
      bestEpoch: fitted.bestEpoch,
      validNll: fitted.best?.validNll ?? NaN,
      gradientShards: fitted.shards,
      pairs: train.length,
      tokensPerSecond: fitted.trainSeconds > 0 ? fitted.trainedWeight / fitted.trainSeconds : 0,
      lengthCounts: { a: count(all.map((p) => p.a.length)), b: count(all.map((p) => p.b.length)) },
    };
  } catch (err) {
    network.dispose();
    throw err;
  }
}

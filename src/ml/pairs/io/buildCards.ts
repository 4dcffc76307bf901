// The cards of a freshly trained pair model (classifier + generator) from the training runs: what
// card.json and generator/card.json hold (see pairCard.ts), including the reference statistics of
// the training positives that generation reports compare with.
import { createHash } from 'node:crypto';
import { referenceStats } from '../../../core/metrics/generation';
import type { BackendInfo } from '../../backend/initBackend';
import type { LabelledPair } from '../batches';
import { mapChannelNames } from '../encoding';
import type { GeneratorRun } from '../generator/trainGenerator';
import type { SyntheticRule } from '../synthetic';
import type { ClassifierRun } from '../trainClassifier';
import { cardHeader, GENERATOR_DIR, type BackendSummary, type GeneratorCard, type LengthRange, type PairModelCard } from './pairCard';

function lengthRange(lengths: readonly number[]): LengthRange {
  const counts = new Map<number, number>();
  for (const l of lengths) counts.set(l, (counts.get(l) ?? 0) + 1);
  let mode = lengths[0] ?? 0;
  for (const [l, c] of counts) if (c > (counts.get(mode) ?? 0)) mode = l;
  return { min: Math.min(...lengths), max: Math.max(...lengths), mode };
}

export function backendSummary(b: BackendInfo): BackendSummary {
  return { name: b.name, reason: b.reason, threads: b.threads, replacedKernels: b.replacedKernels, tfjsVersion: b.tfjsVersion };
}

/** sha256 over every pair (A, B, label) in order. */
export function pairDataHash(pairs: readonly LabelledPair[]): string {
  const h = createHash('sha256');
  for (const p of pairs) h.update(`${p.a}\t${p.b}\t${p.label}\n`);
  return `sha256:${h.digest('hex')}`;
}

export function classifierCard(
  run: ClassifierRun,
  data: { pairs: readonly LabelledPair[]; train: readonly LabelledPair[]; alphabet: 'DNA' | 'RNA'; trainingPairs: number; synthetic?: SyntheticRule },
  hasGenerator: boolean,
): PairModelCard {
  const positives = data.train.filter((p) => p.label === 1);
  return {
    ...cardHeader(),
    task: 'pairs',
    alphabet: data.alphabet,
    inputs: { names: ['a', 'b'], encoding: "one-hot ACGU, 5'->3', zero-padded", mapChannels: mapChannelNames(run.config.mapChannels) },
    lengths: { a: lengthRange(data.pairs.map((p) => p.a.length)), b: lengthRange(data.pairs.map((p) => p.b.length)) },
    architecture: { name: 'pair-cnn', config: run.config, parameters: run.network.countParams() },
    training: {
      seed: run.seed,
      ...run.options,
      epochsRun: run.history.length,
      bestEpoch: run.bestEpoch,
      pairsPerSecond: run.pairsPerSecond,
      sizes: run.sizes,
      splitMethod: run.splitMethod,
      classWeights: run.classWeights,
      labelCounts: run.labelCounts,
    },
    threshold: run.threshold,
    metrics: run.metrics,
    baselines: run.baselines,
    dataHash: pairDataHash(data.pairs),
    backend: backendSummary(run.backend),
    reference: referenceStats(positives, { seed: run.seed, maxPairs: 50_000 }),
    trainingPairs: data.trainingPairs,
    ...(data.synthetic ? { synthetic: data.synthetic } : {}),
    ...(hasGenerator ? { generator: { dir: GENERATOR_DIR } } : {}),
  };
}

export function generatorCard(run: GeneratorRun, backend: BackendInfo): GeneratorCard {
  return {
    ...cardHeader(),
    task: 'pair-generator',
    architecture: { name: 'pair-transformer', config: run.config, parameters: run.network.countParams() },
    lengthCounts: run.lengthCounts,
    training: {
      seed: run.seed,
      epochs: run.epochs,
      epochsRun: run.history.length,
      bestEpoch: run.bestEpoch,
      validNll: run.validNll,
      pairs: run.pairs,
      tokensPerSecond: run.tokensPerSecond,
      gradientShards: run.gradientShards,
    },
    backend: backendSummary(backend),
  };
}

// The model card of a finished run (what card.json holds; see io/modelCard.ts).
import type { RegressionMetrics } from '../../core/metrics/regression';
import type { Verdict } from '../../core/diagnosis/verdict';
import type { BackendInfo } from '../backend/initBackend';
import type { InputSpec } from '../features/batchEncoder';
import { CARD_FORMAT, FORMAT_VERSION, packageVersion, type ModelCard } from '../io/modelCard';
import type { ArchitectureConfig, ArchitectureName } from '../models/architectures';
import type { EpochStats } from './regressionTask';
import type { SplitScores } from './evaluateSplits';
import type { Normalisation } from './standardise';
import type { CardTrainingOptions } from '../engine/task';

export interface CardFacts {
  targetName: string;
  structureSource: string;
  normalisation: Normalisation;
  spec: InputSpec;
  arch: ArchitectureName;
  config: ArchitectureConfig;
  parametersPerMember: number;
  members: number;
  options: CardTrainingOptions & { folds: number };
  history: EpochStats[][];
  samplesPerSecond: number;
  sizes: { train: number; valid: number; test: number };
  splitMethod: string;
  scores: SplitScores;
  verdict: Verdict;
  dataHash: string;
  backend: BackendInfo;
}

function bestEpochOf(h: EpochStats[]): number {
  let best = 0;
  h.forEach((e, i) => {
    if (e.validLoss < h[best]!.validLoss) best = i;
  });
  return h.length ? h[best]!.epoch : 0;
}

export function modelCardOf(f: CardFacts): ModelCard {
  const { backend } = f;
  return {
    format: CARD_FORMAT,
    formatVersion: FORMAT_VERSION,
    packageVersion: packageVersion(),
    createdAt: new Date().toISOString(),
    task: 'regression',
    targetName: f.targetName,
    normalisation: f.normalisation,
    structureSource: f.structureSource,
    inputs: f.spec,
    architecture: { name: f.arch, config: f.config, parameters: f.parametersPerMember, members: f.members },
    training: {
      ...f.options,
      epochsRun: f.history.map((h) => h.length),
      bestEpoch: f.history.map(bestEpochOf),
      samplesPerSecond: Math.round(f.samplesPerSecond),
      sizes: f.sizes,
      splitMethod: f.splitMethod,
    },
    metrics: f.scores.metrics as Record<string, RegressionMetrics>,
    baselines: Object.fromEntries(Object.entries(f.scores.baselines).map(([s, list]) => [s, Object.fromEntries(list.map((b) => [b.name, b.metrics]))])),
    verdict: f.verdict,
    dataHash: f.dataHash,
    backend: { name: backend.name, reason: backend.reason, threads: backend.threads, replacedKernels: backend.replacedKernels, tfjsVersion: backend.tfjsVersion },
  };
}

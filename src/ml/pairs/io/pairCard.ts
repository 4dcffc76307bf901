// card.json of the pair models (see pairModelDir.ts for the directory layout):
//   the classifier's card (task 'pairs'): inputs, lengths seen, architecture, training, decision
//     threshold, metrics beside the rule baselines, data hash, backend, reference statistics of the
//     training positives (for generation reports) and the synthetic rule when trained on one;
//   the generator's card (task 'pair-generator', in generator/): token layout, architecture, training.
// PAIRS_FORMAT_VERSION changes whenever an older model directory could not be used as is; loading
// checks format, version and task, and names the card.json at fault.
import type { ClassificationMetrics } from '../../../core/metrics/classification';
import type { ReferenceStats } from '../../../core/metrics/generation';
import { CARD_FORMAT, packageVersion } from '../../io/modelCard';
import { ModelFileError } from '../../io/modelFileError';
import type { PairBaselineMetrics } from '../baselines';
import type { PairClassifierConfig } from '../classifierModel';
import type { PairGeneratorConfig } from '../generator/generatorModel';
import type { SyntheticRule } from '../synthetic';
import type { CardTrainingOptions } from '../../engine/task';

export const PAIRS_FORMAT_VERSION = 1;
export const GENERATOR_DIR = 'generator';

export interface LengthRange {
  min: number;
  max: number;
  /** The most frequent length. */
  mode: number;
}

export interface BackendSummary {
  name: string;
  reason: string;
  threads: number;
  replacedKernels: string[];
  tfjsVersion: string;
}

export interface PairModelCard {
  format: typeof CARD_FORMAT;
  formatVersion: number;
  packageVersion: string;
  createdAt: string;
  task: 'pairs';
  /** Alphabet of the training data; generated sequences are written in it. */
  alphabet: 'DNA' | 'RNA';
  inputs: { names: ['a', 'b']; encoding: 'one-hot ACGU, 5\'->3\', zero-padded'; mapChannels: string[] };
  lengths: { a: LengthRange; b: LengthRange };
  architecture: { name: 'pair-cnn'; config: PairClassifierConfig; parameters: number };
  training: CardTrainingOptions & {
    epochsRun: number;
    bestEpoch: number;
    pairsPerSecond: number;
    sizes: { train: number; valid: number; test: number };
    splitMethod: string;
    /** Loss weights of label 0 and label 1. */
    classWeights: [number, number];
    labelCounts: [number, number];
  };
  /** Decision threshold on P(label 1): best F1 on the validation pairs. */
  threshold: number;
  metrics: Partial<Record<'valid' | 'test', ClassificationMetrics>>;
  baselines: Partial<Record<'valid' | 'test', PairBaselineMetrics[]>>;
  dataHash: string;
  backend: BackendSummary;
  reference: ReferenceStats;
  /** Number of distinct training-data pairs in training-pairs.bin. */
  trainingPairs: number;
  synthetic?: SyntheticRule;
  /** Present when the directory holds a generator (generator/). */
  generator?: { dir: typeof GENERATOR_DIR };
}

export interface GeneratorCard {
  format: typeof CARD_FORMAT;
  formatVersion: number;
  packageVersion: string;
  createdAt: string;
  task: 'pair-generator';
  architecture: { name: 'pair-transformer'; config: PairGeneratorConfig; parameters: number };
  /** Lengths seen in training (sampling draws only these unless told otherwise), with counts. */
  lengthCounts: { a: Record<string, number>; b: Record<string, number> };
  training: {
    seed: number;
    epochs: number;
    epochsRun: number;
    bestEpoch: number;
    /** Mean negative log-likelihood per base token on the validation pairs (nats). */
    validNll: number;
    pairs: number;
    tokensPerSecond: number;
    /** Gradient shards per batch (part of the numerics; absent in older cards). */
    gradientShards?: number;
  };
  backend: BackendSummary;
}

export function cardHeader(): Pick<PairModelCard, 'format' | 'formatVersion' | 'packageVersion' | 'createdAt'> {
  return { format: CARD_FORMAT, formatVersion: PAIRS_FORMAT_VERSION, packageVersion: packageVersion(), createdAt: new Date().toISOString() };
}

function checkHeader(json: unknown, file: string, task: string): Record<string, unknown> {
  const card = json as Record<string, unknown> | null;
  if (!card || typeof card !== 'object' || card['format'] !== CARD_FORMAT) throw new ModelFileError(file, `is not a Basepair model card (format '${String(card?.['format'])}')`);
  if (card['task'] !== task) {
    const what = card['task'] === 'regression' ? 'a regressor' : `a '${String(card['task'])}' model`;
    throw new ModelFileError(file, `is ${what}, not ${task === 'pairs' ? 'a pair classifier' : 'a pair generator'} (task '${String(card['task'])}')`);
  }
  if (card['formatVersion'] !== PAIRS_FORMAT_VERSION) {
    const v = card['formatVersion'];
    const newer = typeof v === 'number' && v > PAIRS_FORMAT_VERSION;
    throw new ModelFileError(
      file,
      `pair model format version ${String(v)} (written by Basepair ${String(card['packageVersion'])}) is not supported by this version ` +
        `(${packageVersion()}, format ${PAIRS_FORMAT_VERSION}); ${newer ? 'update Basepair' : 'retrain the model'}`,
    );
  }
  return card;
}

export function checkPairCard(json: unknown, file: string): PairModelCard {
  const card = checkHeader(json, file, 'pairs') as Partial<PairModelCard>;
  if (!(typeof card.threshold === 'number' && card.threshold >= 0 && card.threshold <= 1)) throw new ModelFileError(file, 'threshold missing or not a probability');
  if (card.alphabet !== 'DNA' && card.alphabet !== 'RNA') throw new ModelFileError(file, 'alphabet missing (DNA or RNA)');
  if (!card.architecture?.config || !card.lengths?.a || !card.lengths?.b) throw new ModelFileError(file, 'architecture or lengths missing');
  if (!card.reference?.kmer3) throw new ModelFileError(file, 'reference statistics missing');
  return card as PairModelCard;
}

export function checkGeneratorCard(json: unknown, file: string): GeneratorCard {
  const card = checkHeader(json, file, 'pair-generator') as Partial<GeneratorCard>;
  if (!card.architecture?.config || !card.lengthCounts?.a || !card.lengthCounts?.b) throw new ModelFileError(file, 'architecture or length counts missing');
  return card as GeneratorCard;
}

// card.json: what a saved model is, how it was made and how well it did — read by `predict`, the hover
// and the training panel. FORMAT_VERSION changes whenever a model directory written by an older
// Basepair could not be used as is; loading checks it and names card.json when it does not match.
import type { RegressionMetrics } from '../../core/metrics/regression';
import type { Verdict } from '../../core/diagnosis/verdict';
import type { InputSpec } from '../features/batchEncoder';
import type { ArchitectureConfig, ArchitectureName } from '../models/architectures';
import { ModelFileError } from './modelFileError';
import type { CardTrainingOptions } from '../engine/task';

export const CARD_JSON = 'card.json';
export const CARD_FORMAT = 'basepair-model';
export const FORMAT_VERSION = 1;

export interface ModelCard {
  format: typeof CARD_FORMAT;
  formatVersion: number;
  /** Basepair version that wrote the model. */
  packageVersion: string;
  /** ISO date of saving. */
  createdAt: string;
  task: 'regression';
  /** Name of the target column / value. */
  targetName: string;
  /** Training targets were standardised: prediction = output * sd + mean. */
  normalisation: { mean: number; sd: number };
  /** How records' structures were obtained ('given', 'mfe', 'bpp', or 'none' for sequence-only). */
  structureSource: string;
  inputs: InputSpec;
  architecture: {
    name: ArchitectureName;
    config: ArchitectureConfig;
    /** Trainable + non-trainable parameters of one member. */
    parameters: number;
    /** Ensemble size (k-fold members; 1 = single model). */
    members: number;
  };
  training: CardTrainingOptions & {
    folds: number;
    /** Epochs run and best epoch, per member. */
    epochsRun: number[];
    bestEpoch: number[];
    /** Training samples per second (whole run, all members). */
    samplesPerSecond: number;
    sizes: { train: number; valid: number; test: number };
    splitMethod: string;
  };
  /** Metrics per evaluated split ('test', 'valid'), in target units. */
  metrics: Record<string, RegressionMetrics>;
  /** Baselines on the same split(s): split -> name -> metrics. */
  baselines: Record<string, Record<string, RegressionMetrics>>;
  verdict?: Verdict;
  /** sha256 of the training data (sequence, structure, target of every record, in order). */
  dataHash: string;
  backend: { name: string; reason: string; threads: number; replacedKernels: string[]; tfjsVersion: string };
}

/** Validates a parsed card.json; `file` names it in errors. */
export function checkModelCard(json: unknown, file: string): ModelCard {
  const card = json as Partial<ModelCard> | null;
  if (!card || typeof card !== 'object' || card.format !== CARD_FORMAT) throw new ModelFileError(file, `is not a Basepair model card (format '${String(card?.format)}')`);
  if (card.formatVersion !== FORMAT_VERSION) {
    const newer = typeof card.formatVersion === 'number' && card.formatVersion > FORMAT_VERSION;
    throw new ModelFileError(
      file,
      `model format version ${String(card.formatVersion)} (written by Basepair ${String(card.packageVersion)}) is not supported by this version ` +
        `(${packageVersion()}, format ${FORMAT_VERSION}); ${newer ? 'update Basepair' : 'retrain the model'}`,
    );
  }
  if (card.task !== 'regression') throw new ModelFileError(file, `task '${String(card.task)}' is not a regression model`);
  const n = card.normalisation;
  if (!n || !Number.isFinite(n.mean) || !Number.isFinite(n.sd) || !(n.sd > 0)) throw new ModelFileError(file, 'normalisation (mean, sd) missing or invalid');
  if (!card.inputs || !Array.isArray(card.inputs.inputs) || !Array.isArray(card.inputs.featureNames)) throw new ModelFileError(file, 'inputs missing or invalid');
  if (!card.architecture || !(card.architecture.members >= 1)) throw new ModelFileError(file, 'architecture missing or invalid');
  return card as ModelCard;
}

/** This build's version (esbuild defines BASEPAIR_VERSION; 'dev' when run from source). */
export function packageVersion(): string {
  return process.env.BASEPAIR_VERSION ?? 'dev';
}

// The server's view of the `basepair.*` settings, pushed by the client on start and on change.
import { DEFAULT_MAX_FOLD_LENGTH } from '../core/structure/lengthLimit';
/** `node` = @tensorflow/tfjs-node (TF.js calls its backend 'tensorflow'). */
export type BackendSetting = 'auto' | 'node' | 'wasm' | 'cpu';

export interface ServerSettings {
  fold: {
    /** Records up to this length are folded on hover (0 = never). */
    maxHoverLength: number;
    /** Fold Sequences, the structure panel and hovers refuse longer records (offering the beam mode). */
    maxLength: number;
  };
  structure: {
    /** "Show structure" code lens above each record. */
    codeLens: boolean;
  };
  hover: {
    /** Record and bracket hovers at all. */
    enabled: boolean;
    /** The active model's prediction in record hovers. */
    predictions: boolean;
  };
  ml: {
    /** TF.js backend of job and compute processes. */
    backend: BackendSetting;
    /** wasm threads (1 = off). */
    threads: number;
    /** Training jobs compute half of every batch in a worker thread (same results; off = one core). */
    parallelTraining: boolean;
  };
}

export const DEFAULT_SETTINGS: ServerSettings = {
  fold: { maxHoverLength: 500, maxLength: DEFAULT_MAX_FOLD_LENGTH },
  structure: { codeLens: true },
  hover: { enabled: true, predictions: true },
  ml: { backend: 'auto', threads: 1, parallelTraining: true },
};

const BACKENDS: readonly BackendSetting[] = ['auto', 'node', 'wasm', 'cpu'];

function num(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback;
}

function bool(v: unknown, fallback: boolean): boolean {
  return typeof v === 'boolean' ? v : fallback;
}

interface RawSettings {
  fold?: { maxHoverLength?: unknown; maxLength?: unknown };
  structure?: { codeLens?: unknown };
  hover?: { enabled?: unknown; predictions?: unknown };
  ml?: { backend?: unknown; threads?: unknown; parallelTraining?: unknown };
}

/** Reads the `basepair` section of a didChangeConfiguration payload; missing values keep their defaults. */
export function readSettings(section: unknown): ServerSettings {
  const s = (section ?? {}) as RawSettings;
  const d = DEFAULT_SETTINGS;
  const raw = s.ml?.backend === 'tensorflow' ? 'node' : s.ml?.backend; // TF.js's own name, accepted too
  const backend = BACKENDS.includes(raw as BackendSetting) ? (raw as BackendSetting) : d.ml.backend;
  return {
    fold: { maxHoverLength: num(s.fold?.maxHoverLength, d.fold.maxHoverLength), maxLength: num(s.fold?.maxLength, d.fold.maxLength) },
    structure: { codeLens: bool(s.structure?.codeLens, d.structure.codeLens) },
    hover: { enabled: bool(s.hover?.enabled, d.hover.enabled), predictions: bool(s.hover?.predictions, d.hover.predictions) },
    ml: { backend, threads: Math.max(1, Math.floor(num(s.ml?.threads, d.ml.threads))), parallelTraining: bool(s.ml?.parallelTraining, d.ml.parallelTraining) },
  };
}

/** Environment of job and compute processes: the backend they start TF.js with, training's worker threads. */
export function mlEnvironment(settings: ServerSettings): Record<string, string> {
  return {
    BASEPAIR_BACKEND: settings.ml.backend === 'node' ? 'tensorflow' : settings.ml.backend,
    BASEPAIR_THREADS: String(settings.ml.threads),
    ...(settings.ml.parallelTraining ? {} : { BASEPAIR_TRAIN_WORKERS: '0' }),
  };
}

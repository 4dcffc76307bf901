// "Does my model learn?" — the verdict of a regression run from its test (or validation) metrics,
// the baselines' metrics on the same records, the loss curves, the data size and the target.
//
// Verdict rules (MARGIN = 0.05):
// - learns: R^2 > 0, and Spearman >= best baseline Spearman + MARGIN or R^2 >= best baseline
//   R^2 + MARGIN, and neither of the two is more than TOLERANCE (0.02) below the best baseline's.
// - no signal: no predictor finds anything: the best Spearman of model and baselines < 0.1 and the
//   best R^2 <= 0.01.
// - no better than baseline: everything else.
// (NaN correlations, e.g. of constant predictions, count as 0.)
//
// Causes (each with its evidence; several may apply):
// - too little data: fewer than 200 training records, or more than 20 trainable parameters per
//   training record.
// - unscaled target: the target was not standardised for training and its SD is < 0.01 or > 100 or
//   its mean is more than 10 SDs from 0; skewed target: |skewness| > 2 with positive values only.
// - noisy target: replicates (the same sequence several times) disagree: pooled replicate variance
//   > 20% of the target variance (the reachable R^2 is then about 1 - that share).
// - overfitting: a sustained rise — at least 3 epochs after the validation minimum, and the median of
//   the last (up to 5) of them >= 10% above the minimum — while the training loss kept falling; or the
//   validation loss of the kept model is more than twice its training loss (with early stopping the
//   kept model is the best epoch's, else the median of the last 3 epochs is compared). With early
//   stopping the advice does not suggest it again: it says the kept weights predate the rise.
// - underfitting: training and validation losses both fell by less than 10% from the first epoch
//   to their lowest point (at least 3 epochs).
// - structure unused: a sequence-only model comes within 0.02 Spearman of the structure-aware one
//   (or beats it).
import type { RegressionMetrics } from '../metrics/regression';
import type { TargetStats } from './targetStats';
import type { VerdictKind, Cause, NamedMetrics, Verdict } from '../../protocol/results';
export type { VerdictKind, CauseId, Cause, NamedMetrics, Verdict } from '../../protocol/results';

export const MARGIN = 0.05;
export const TOLERANCE = 0.02;
/** Slack for comparisons with the thresholds, so 0.69 - 0.64 counts as 0.05. */
const EPS = 1e-9;

export interface VerdictInput {
  /** The network's metrics on the evaluation records (test, else validation). */
  model: RegressionMetrics;
  /** Baselines on the same records (e.g. mean, ridge on k-mer + structure). */
  baselines: readonly NamedMetrics[];
  /** Loss per epoch. */
  curves?: { train: readonly number[]; valid: readonly number[] };
  nTrain: number;
  /** Trainable parameters of the network. */
  parameters?: number;
  /** Statistics of the training targets. */
  target?: TargetStats;
  /** Whether training standardised the target (the training engine does by default). */
  targetStandardised?: boolean;
  /** Whether training kept the weights of the best validation epoch (early stopping; the engine does). */
  earlyStopping?: boolean;
  /** A sequence-only model's metrics on the same records, when one was trained. */
  sequenceOnly?: RegressionMetrics;
}

const num = (x: number) => (Number.isFinite(x) ? x : 0);
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');

export function diagnose(input: VerdictInput): Verdict {
  const m = input.model;
  const base = input.baselines.length > 0 ? input.baselines : [{ name: 'none', metrics: { ...m, spearman: 0, r2: 0, pearson: 0 } }];
  const bestSp = base.reduce((a, b) => (num(b.metrics.spearman) > num(a.metrics.spearman) ? b : a));
  const bestR2 = base.reduce((a, b) => (num(b.metrics.r2) > num(a.metrics.r2) ? b : a));
  const gainSp = num(m.spearman) - num(bestSp.metrics.spearman);
  const gainR2 = num(m.r2) - num(bestR2.metrics.r2);

  let kind: VerdictKind;
  const anySp = Math.max(num(m.spearman), ...base.map((b) => num(b.metrics.spearman)));
  const anyR2 = Math.max(num(m.r2), ...base.map((b) => num(b.metrics.r2)));
  if (num(m.r2) > 0 && (gainSp >= MARGIN - EPS || gainR2 >= MARGIN - EPS) && gainSp >= -TOLERANCE - EPS && gainR2 >= -TOLERANCE - EPS) kind = 'learns';
  else if (anySp < 0.1 && anyR2 <= 0.01) kind = 'no signal';
  else kind = 'no better than baseline';

  // one sentence, no nested brackets (baseline names have their own): "...; R² a vs b" names the R²
  // baseline only when it differs from the Spearman one
  const r2Baseline = bestR2.name === bestSp.name ? '' : ` for ${bestR2.name}`;
  const vs = `Spearman ${f2(m.spearman)} vs ${f2(bestSp.metrics.spearman)} for the best baseline, ${bestSp.name}; R² ${f2(m.r2)} vs ${f2(bestR2.metrics.r2)}${r2Baseline}`;
  const headline = kind === 'learns'
    ? `The model learns: it beats every baseline clearly. ${vs}.`
    : kind === 'no signal'
      ? `No signal: neither the model nor the simple baselines predict the target (best Spearman ${f2(anySp)}, best R² ${f2(anyR2)}).`
      : `The model is no better than a simple baseline: ${vs}. A gain of at least ${MARGIN} is needed to call it learning.`;

  return {
    kind,
    headline,
    bestBaseline: { bySpearman: bestSp.name, byR2: bestR2.name },
    gain: { spearman: gainSp, r2: gainR2 },
    causes: findCauses(input),
  };
}

function findCauses(input: VerdictInput): Cause[] {
  const causes: Cause[] = [];
  const { nTrain, parameters, target, curves } = input;

  if (nTrain < 200) {
    causes.push({
      id: 'too-little-data',
      sentence: `Only ${nTrain} training sequences: too few for a neural network to find a pattern reliably. Collect more data, or rely on the ridge baseline.`,
      evidence: `training records = ${nTrain} (< 200)`,
    });
  } else if (parameters !== undefined && parameters > 20 * nTrain) {
    causes.push({
      id: 'too-little-data',
      sentence: `The network has ${parameters.toLocaleString('en-US')} adjustable weights for ${nTrain.toLocaleString('en-US')} training sequences, so it can memorise them instead of learning. Use a smaller model or more data.`,
      evidence: `parameters / training records = ${f2(parameters / nTrain)} (> 20)`,
    });
  }

  if (target) {
    const badScale = target.sd < 0.01 || target.sd > 100 || Math.abs(target.mean) > 10 * target.sd;
    if (input.targetStandardised === false && badScale) {
      causes.push({
        id: 'unscaled-target',
        sentence: `The measured values are on an awkward scale (mean ${f3(target.mean)}, SD ${f3(target.sd)}) and were not standardised, which slows or stalls training. Standardise the target (subtract the mean, divide by the SD).`,
        evidence: `mean = ${f3(target.mean)}, SD = ${f3(target.sd)}, range ${f3(target.min)} to ${f3(target.max)}`,
      });
    }
    if (Math.abs(target.skewness) > 2 && target.min > 0) {
      causes.push({
        id: 'skewed-target',
        sentence: `The values are very skewed (a few are much larger than the rest), so those few dominate the error. Try predicting the logarithm of the value.`,
        evidence: `skewness = ${f2(target.skewness)}, range ${f3(target.min)} to ${f3(target.max)}`,
      });
    }
    if (target.replicateNoiseShare > 0.2) {
      causes.push({
        id: 'noisy-target',
        sentence: `The same sequence was measured several times with quite different results: about ${Math.round(target.replicateNoiseShare * 100)}% of the variation is measurement noise, so no model can reach an R² much above ${f2(Math.max(0, 1 - target.replicateNoiseShare))}.`,
        evidence: `${target.duplicatedSequences} repeated sequences, ${target.conflictingDuplicates} with differing values; replicate variance share = ${f2(target.replicateNoiseShare)}`,
      });
    }
  }

  if (curves && curves.train.length >= 3 && curves.valid.length >= 3) {
    const { train, valid } = curves;
    const best = argMin(valid);
    const after = valid.slice(best + 1);
    const recent = median(after.slice(-5));
    const trainEnd = train[Math.min(valid.length, train.length) - 1]!;
    const rising = after.length >= 3 && recent >= 1.1 * valid[best]! && trainEnd < train[best]!;
    // the model that was kept: the best epoch's weights under early stopping, else the last epochs'
    const keptValid = input.earlyStopping ? valid[best]! : median(valid.slice(-3));
    const keptTrain = input.earlyStopping ? train[best]! : median(train.slice(-3));
    const gap = keptTrain > 0 && keptValid > 2 * keptTrain;
    if (rising || gap) {
      const kept = `Early stopping kept the weights of epoch ${best + 1}, from before the rise, so the metrics above are the best this network reached on this data`;
      causes.push({
        id: 'overfitting',
        sentence: rising
          ? input.earlyStopping
            ? `Overfitting: after epoch ${best + 1} the model kept improving on the training data while getting worse on the validation data, i.e. it began to memorise the training sequences. ${kept}; more data, more dropout or weight decay, or a smaller model would let it learn for longer.`
            : `Overfitting: after epoch ${best + 1} the model kept improving on the training data while getting worse on the validation data, i.e. it memorised the training sequences. Use early stopping (keep the best validation epoch's weights), more dropout or weight decay, or a smaller model.`
          : `Overfitting: the error on the validation data is more than twice the error on the training data${input.earlyStopping ? ` at the kept epoch (${best + 1})` : ''}. Use more regularisation or a smaller model.`,
        evidence: rising
          ? `validation loss ${f3(valid[best]!)} at epoch ${best + 1} -> median ${f3(recent)} over the last ${Math.min(5, after.length)} epochs; training loss ${f3(train[best]!)} -> ${f3(trainEnd)}`
          : `validation loss ${f3(keptValid)} vs training loss ${f3(keptTrain)} (${input.earlyStopping ? `epoch ${best + 1}` : 'last 3 epochs'})`,
      });
    }
    const trainDrop = relativeDrop(train);
    const validDrop = relativeDrop(valid);
    if (trainDrop < 0.1 && validDrop < 0.1) {
      causes.push({
        id: 'underfitting',
        sentence: `Underfitting: the training and validation errors hardly moved during training, so the model did not pick up the pattern. Train longer, raise the learning rate, check that the target is standardised, or use a larger model.`,
        evidence: `training loss fell ${Math.round(trainDrop * 100)}%, validation loss ${Math.round(validDrop * 100)}% from the first epoch to their minimum`,
      });
    }
  }

  if (input.sequenceOnly) {
    const diff = num(input.model.spearman) - num(input.sequenceOnly.spearman);
    if (diff < TOLERANCE - EPS) {
      causes.push({
        id: 'structure-unused',
        sentence: `A model that sees only the sequence does as well as the one given the structure, so the structure input is not being used (or adds nothing for this target). Check that the structures are right, or try base-pair probabilities instead of one structure.`,
        evidence: `Spearman with structure ${f2(input.model.spearman)}, sequence only ${f2(input.sequenceOnly.spearman)}`,
      });
    }
  }
  return causes;
}

function median(x: readonly number[]): number {
  const s = [...x].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function argMin(x: readonly number[]): number {
  let k = 0;
  for (let i = 1; i < x.length; i++) if (x[i] < x[k]) k = i;
  return k;
}

/** (first - min) / first, 0 when the first value is not positive. */
function relativeDrop(x: readonly number[]): number {
  const first = x[0];
  if (!(first > 0)) return 0;
  return (first - x[argMin(x)]) / first;
}

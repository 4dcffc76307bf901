// Binary classification metrics for scores (higher = more likely label 1): AUROC as the
// Mann-Whitney rank statistic with average ranks for ties (= scikit-learn roc_auc_score), AUPRC as
// average precision (= scikit-learn average_precision_score: sum over distinct thresholds of
// (R_k - R_{k-1}) P_k), confusion matrix and accuracy / precision / recall / F1 at a threshold
// (positive when score >= threshold; precision of no positive call = 0 as scikit-learn's default),
// and the threshold that maximises F1 on a validation set.
import { averageRanks } from './ranks';
import type { Confusion, ClassificationMetrics } from '../../protocol/results';
export type { Confusion, ClassificationMetrics } from '../../protocol/results';

export type Label = 0 | 1 | number;

function check(labels: ArrayLike<Label>, scores: ArrayLike<number>): number {
  if (labels.length !== scores.length) throw new RangeError(`length mismatch: ${labels.length} vs ${scores.length}`);
  return labels.length;
}

/** Area under the ROC curve; NaN when only one class is present. */
export function auroc(labels: ArrayLike<Label>, scores: ArrayLike<number>): number {
  const n = check(labels, scores);
  const ranks = averageRanks(scores);
  let pos = 0;
  let rankSum = 0;
  for (let i = 0; i < n; i++) {
    if (labels[i] === 1) {
      pos++;
      rankSum += ranks[i];
    }
  }
  const neg = n - pos;
  if (pos === 0 || neg === 0) return NaN;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Indices sorted by score, highest first (stable). */
function byScoreDescending(scores: ArrayLike<number>): Int32Array {
  const order = new Int32Array(scores.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => (scores[b] - scores[a]) || a - b);
}

/**
 * Walks the distinct scores from the highest down, calling `at(score, tp, fp, positives)` with the true
 * and false positives of calling every item with a score >= that one, and the positives of all items.
 */
function walkThresholds(labels: ArrayLike<Label>, scores: ArrayLike<number>, n: number, at: (score: number, tp: number, fp: number, positives: number) => void): void {
  let positives = 0;
  for (let i = 0; i < n; i++) if (labels[i] === 1) positives++;
  const order = byScoreDescending(scores);
  let tp = 0;
  let fp = 0;
  let k = 0;
  while (k < n) {
    const s = scores[order[k]];
    while (k < n && scores[order[k]] === s) {
      if (labels[order[k]] === 1) tp++;
      else fp++;
      k++;
    }
    at(s, tp, fp, positives);
  }
}

/** Average precision (area under the precision-recall curve, step-wise); NaN without positives. */
export function averagePrecision(labels: ArrayLike<Label>, scores: ArrayLike<number>): number {
  const n = check(labels, scores);
  let prevRecall = 0;
  let ap = 0;
  let any = false;
  walkThresholds(labels, scores, n, (_s, tp, fp, positives) => {
    any = positives > 0;
    if (!any) return;
    const recall = tp / positives;
    ap += (recall - prevRecall) * (tp / (tp + fp));
    prevRecall = recall;
  });
  return any ? ap : NaN;
}

export function confusionAt(labels: ArrayLike<Label>, scores: ArrayLike<number>, threshold: number): Confusion {
  const n = check(labels, scores);
  const c = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (let i = 0; i < n; i++) {
    const called = scores[i] >= threshold;
    if (labels[i] === 1) called ? c.tp++ : c.fn++;
    else called ? c.fp++ : c.tn++;
  }
  return c;
}

export function accuracyOf(c: Confusion): number {
  const n = c.tp + c.fp + c.tn + c.fn;
  return n > 0 ? (c.tp + c.tn) / n : NaN;
}

export function precisionOf(c: Confusion): number {
  return c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : 0;
}

export function recallOf(c: Confusion): number {
  return c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : 0;
}

export function f1Of(c: Confusion): number {
  const d = 2 * c.tp + c.fp + c.fn;
  return d > 0 ? (2 * c.tp) / d : 0;
}

/**
 * The threshold with the best F1 among the distinct scores (calls: score >= threshold). Ties go to
 * the highest threshold (fewest positive calls). Returns the threshold and its F1.
 */
export function bestF1Threshold(labels: ArrayLike<Label>, scores: ArrayLike<number>): { threshold: number; f1: number } {
  const n = check(labels, scores);
  let best = { threshold: NaN, f1: -1 };
  walkThresholds(labels, scores, n, (s, tp, fp, positives) => {
    const f1 = (2 * tp) / (tp + fp + positives);
    if (f1 > best.f1) best = { threshold: s, f1 };
  });
  if (best.f1 < 0) best.f1 = 0;
  return best;
}

export function classificationMetrics(labels: ArrayLike<Label>, scores: ArrayLike<number>, threshold = 0.5): ClassificationMetrics {
  const n = check(labels, scores);
  const confusion = confusionAt(labels, scores, threshold);
  return {
    n,
    positives: confusion.tp + confusion.fn,
    auroc: auroc(labels, scores),
    auprc: averagePrecision(labels, scores),
    threshold,
    accuracy: accuracyOf(confusion),
    precision: precisionOf(confusion),
    recall: recallOf(confusion),
    f1: f1Of(confusion),
    confusion,
  };
}

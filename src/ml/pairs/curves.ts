// ROC and precision-recall curves of scores (higher = label 1), thinned to at most `points` points for
// plots and JSON reports. Pure arithmetic; AUROC / AUPRC themselves come from core/metrics.
export interface CurvePoint {
  x: number;
  y: number;
  threshold: number;
}

function sweep(labels: ArrayLike<number>, scores: ArrayLike<number>): { tp: number; fp: number; threshold: number }[] {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((p, q) => scores[q]! - scores[p]! || p - q);
  const out: { tp: number; fp: number; threshold: number }[] = [];
  let tp = 0;
  let fp = 0;
  let k = 0;
  while (k < order.length) {
    const s = scores[order[k]!]!;
    while (k < order.length && scores[order[k]!] === s) {
      if (labels[order[k]!] === 1) tp++;
      else fp++;
      k++;
    }
    out.push({ tp, fp, threshold: s });
  }
  return out;
}

function thin(points: CurvePoint[], max: number): CurvePoint[] {
  if (points.length <= max) return points;
  const step = (points.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => points[Math.round(i * step)]!);
}

/** ROC: x = false positive rate, y = true positive rate, from (0, 0) to (1, 1). */
export function rocCurve(labels: ArrayLike<number>, scores: ArrayLike<number>, points = 101): CurvePoint[] {
  let pos = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === 1) pos++;
  const neg = labels.length - pos;
  if (pos === 0 || neg === 0) return [];
  const pts = [{ x: 0, y: 0, threshold: Number.MAX_VALUE }, ...sweep(labels, scores).map((p) => ({ x: p.fp / neg, y: p.tp / pos, threshold: p.threshold }))];
  return thin(pts, points);
}

/** Precision-recall: x = recall, y = precision. */
export function prCurve(labels: ArrayLike<number>, scores: ArrayLike<number>, points = 101): CurvePoint[] {
  let pos = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === 1) pos++;
  if (pos === 0) return [];
  return thin(sweep(labels, scores).map((p) => ({ x: p.tp / pos, y: p.tp / (p.tp + p.fp), threshold: p.threshold })), points);
}

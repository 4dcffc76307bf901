// Regression metrics: RMSE, MAE, R^2 (scikit-learn r2_score), Pearson and Spearman correlations
// (scipy.stats pearsonr / spearmanr, ties as average ranks). Inputs are any numeric array-likes of
// equal length. Correlations of a constant vector are NaN (as scipy); R^2 with a constant truth is 1
// for a perfect prediction and 0 otherwise (scikit-learn's force_finite).
import { averageRanks } from './ranks';
import type { RegressionMetrics } from '../../protocol/results';
export type { RegressionMetrics } from '../../protocol/results';

function checkLengths(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`length mismatch: ${a.length} vs ${b.length}`);
  return a.length;
}

export function mean(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return x.length > 0 ? s / x.length : NaN;
}

export function rmse(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  const n = checkLengths(yTrue, yPred);
  let s = 0;
  for (let i = 0; i < n; i++) s += (yTrue[i] - yPred[i]) ** 2;
  return n > 0 ? Math.sqrt(s / n) : NaN;
}

export function mae(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  const n = checkLengths(yTrue, yPred);
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.abs(yTrue[i] - yPred[i]);
  return n > 0 ? s / n : NaN;
}

export function r2(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  const n = checkLengths(yTrue, yPred);
  if (n === 0) return NaN;
  const m = mean(yTrue);
  let res = 0;
  let tot = 0;
  for (let i = 0; i < n; i++) {
    res += (yTrue[i] - yPred[i]) ** 2;
    tot += (yTrue[i] - m) ** 2;
  }
  if (tot === 0) return res === 0 ? 1 : 0;
  return 1 - res / tot;
}

export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = checkLengths(x, y);
  if (n < 2 || isConstant(x) || isConstant(y)) return NaN;
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  const r = sxy / Math.sqrt(sxx * syy);
  return Math.max(-1, Math.min(1, r));
}

/** Exactly constant (a mean computed by summation could differ from the value by rounding). */
function isConstant(x: ArrayLike<number>): boolean {
  for (let i = 1; i < x.length; i++) if (x[i] !== x[0]) return false;
  return true;
}

export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  checkLengths(x, y);
  return pearson(averageRanks(x), averageRanks(y));
}

export function regressionMetrics(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): RegressionMetrics {
  return {
    n: checkLengths(yTrue, yPred),
    rmse: rmse(yTrue, yPred),
    mae: mae(yTrue, yPred),
    r2: r2(yTrue, yPred),
    pearson: pearson(yTrue, yPred),
    spearman: spearman(yTrue, yPred),
  };
}

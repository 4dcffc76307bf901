// Ridge regression baseline: features standardised on the training set (mean 0, SD 1, constant
// features left at 0), unpenalised intercept (the training mean of y), closed form through the
// Cholesky factor of Z^T Z + lambda I (primal, p <= n) or of Z Z^T + lambda I (dual, p > n).
// lambda is chosen on a validation set from a log grid by mean squared error. Matrices are
// row-major (n x p) typed arrays. Same solution as scikit-learn Ridge(alpha=lambda) on
// StandardScaler()-transformed features.
import { solveShifted } from './cholesky';

export type Matrix = Float64Array | Float32Array;

export interface RidgeModel {
  kind: 'ridge';
  lambda: number;
  p: number;
  /** Weights on the original (unstandardised) features and the intercept. */
  weights: Float64Array;
  intercept: number;
  /** Training standardisation, kept for reporting. */
  means: Float64Array;
  scales: Float64Array;
}

/** 10^-3 .. 10^5 in half decades (17 values). */
export const DEFAULT_LAMBDAS: readonly number[] = Array.from({ length: 17 }, (_, k) => 10 ** (-3 + k / 2));

interface Standardised {
  z: Float64Array;
  means: Float64Array;
  scales: Float64Array;
  yMean: number;
  yc: Float64Array;
}

function standardise(x: Matrix, y: ArrayLike<number>, p: number): Standardised {
  const n = y.length;
  if (x.length !== n * p) throw new RangeError(`ridge: X has ${x.length} values, expected ${n} x ${p}`);
  if (n === 0) throw new RangeError('ridge: no training rows');
  const means = new Float64Array(p);
  const scales = new Float64Array(p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) means[j] += x[i * p + j];
  for (let j = 0; j < p; j++) means[j] /= n;
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) scales[j] += (x[i * p + j] - means[j]) ** 2;
  for (let j = 0; j < p; j++) {
    const sd = Math.sqrt(scales[j] / n);
    scales[j] = sd > 1e-12 * Math.max(1, Math.abs(means[j])) ? sd : 0;
  }
  const z = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) z[i * p + j] = scales[j] > 0 ? (x[i * p + j] - means[j]) / scales[j] : 0;
  }
  let yMean = 0;
  for (let i = 0; i < n; i++) yMean += y[i];
  yMean /= n;
  const yc = new Float64Array(n);
  for (let i = 0; i < n; i++) yc[i] = y[i] - yMean;
  return { z, means, scales, yMean, yc };
}

/** Solver for several lambdas on the same training data (the Gram matrix is computed once). */
export class RidgeSolver {
  private readonly s: Standardised;
  private readonly dual: boolean;
  private readonly gram: Float64Array;
  private readonly rhs: Float64Array | undefined;

  constructor(x: Matrix, y: ArrayLike<number>, readonly p: number) {
    this.s = standardise(x, y, p);
    const n = y.length;
    const { z, yc } = this.s;
    this.dual = p > n;
    if (!this.dual) {
      const g = new Float64Array(p * p);
      const rhs = new Float64Array(p);
      for (let i = 0; i < n; i++) {
        const r = i * p;
        for (let a = 0; a < p; a++) {
          const za = z[r + a];
          if (za === 0) continue;
          rhs[a] += za * yc[i];
          for (let b = a; b < p; b++) g[a * p + b] += za * z[r + b];
        }
      }
      for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) g[a * p + b] = g[b * p + a];
      this.gram = g;
      this.rhs = rhs;
    } else {
      const g = new Float64Array(n * n);
      for (let i = 0; i < n; i++) {
        for (let k = i; k < n; k++) {
          let s = 0;
          for (let j = 0; j < p; j++) s += z[i * p + j] * z[k * p + j];
          g[i * n + k] = s;
          g[k * n + i] = s;
        }
      }
      this.gram = g;
    }
  }

  fit(lambda: number): RidgeModel {
    if (!(lambda > 0)) throw new RangeError('ridge: lambda must be > 0');
    const { z, yc, means, scales, yMean } = this.s;
    const p = this.p;
    const n = yc.length;
    let w: Float64Array;
    if (!this.dual) w = solveShifted(this.gram, p, lambda, this.rhs!);
    else {
      const alpha = solveShifted(this.gram, n, lambda, yc);
      w = new Float64Array(p);
      for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) w[j] += z[i * p + j] * alpha[i];
    }
    const weights = new Float64Array(p);
    let intercept = yMean;
    for (let j = 0; j < p; j++) {
      weights[j] = scales[j] > 0 ? w[j] / scales[j] : 0;
      intercept -= weights[j] * means[j];
    }
    return { kind: 'ridge', lambda, p, weights, intercept, means, scales };
  }
}

export function fitRidge(x: Matrix, y: ArrayLike<number>, p: number, lambda: number): RidgeModel {
  return new RidgeSolver(x, y, p).fit(lambda);
}

export function predictRidge(model: RidgeModel, x: Matrix, out?: Float64Array): Float64Array {
  const p = model.p;
  const n = Math.floor(x.length / p);
  const y = out ?? new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = model.intercept;
    const r = i * p;
    for (let j = 0; j < p; j++) s += x[r + j] * model.weights[j];
    y[i] = s;
  }
  return y;
}

export interface RidgeSelection {
  model: RidgeModel;
  /** Validation MSE of every lambda tried, in grid order. */
  grid: { lambda: number; validMse: number }[];
}

/** Fits every lambda of the grid on the training set and keeps the one with the lowest validation
 *  MSE (ties: the later in the grid, i.e. the larger lambda of an ascending grid). */
export function fitRidgeSelectLambda(
  xTrain: Matrix, yTrain: ArrayLike<number>, xValid: Matrix, yValid: ArrayLike<number>, p: number,
  lambdas: readonly number[] = DEFAULT_LAMBDAS,
): RidgeSelection {
  if (lambdas.length === 0) throw new RangeError('ridge: empty lambda grid');
  const solver = new RidgeSolver(xTrain, yTrain, p);
  const grid: { lambda: number; validMse: number }[] = [];
  let best: RidgeModel | undefined;
  let bestMse = Infinity;
  const pred = new Float64Array(yValid.length);
  for (const lambda of lambdas) {
    const model = solver.fit(lambda);
    predictRidge(model, xValid, pred);
    let mse = 0;
    for (let i = 0; i < yValid.length; i++) mse += (pred[i] - yValid[i]) ** 2;
    mse /= Math.max(1, yValid.length);
    grid.push({ lambda, validMse: mse });
    if (!best || mse <= bestMse) {
      best = model;
      bestMse = mse;
    }
  }
  return { model: best!, grid };
}

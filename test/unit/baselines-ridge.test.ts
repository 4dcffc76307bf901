// Mean and ridge baselines: the closed form against scikit-learn Ridge on StandardScaler features
// (quoted values), primal and dual forms, constant features, lambda selection, the 105 hand-made
// features, and the issue-4 check number on OpenVaccine (test Spearman of ridge, reproduced exactly
// when ../shared/datasets/openvaccine is present).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { OPENVACCINE, openVaccineBaselines } from '../../bench/baselines/openvaccine-ridge';
import { choleskyInPlace, choleskySolveInPlace } from '../../src/core/baselines/cholesky';
import { fitMean, predictMean } from '../../src/core/baselines/mean';
import { fitRegressionBaselines } from '../../src/core/baselines/regressionBaselines';
import { REGRESSION_FEATURE_COUNT, REGRESSION_FEATURE_NAMES, regressionFeatureMatrix } from '../../src/core/baselines/regressionFeatures';
import { DEFAULT_LAMBDAS, fitRidge, fitRidgeSelectLambda, predictRidge } from '../../src/core/baselines/ridge';

const closeAll = (a: ArrayLike<number>, b: readonly number[], tol = 1e-9) => {
  assert.equal(a.length, b.length);
  for (let i = 0; i < b.length; i++) assert.ok(Math.abs(a[i] - b[i]) <= tol, `[${i}] ${a[i]} vs ${b[i]}`);
};

const X = Float64Array.from([1, 2, 0.5, 2, 1, 0.1, 3, 4, 0.9, 4, 3, 0.3, 5, 6, 0.7, 6, 5, 0.2]);
const Y = [1.0, 2.0, 2.5, 4.0, 4.5, 6.5];

describe('baselines: mean and ridge', () => {
  it('predicts the training mean', () => {
    const m = fitMean([1, 2, 6]);
    assert.equal(m.mean, 3);
    assert.deepEqual(Array.from(predictMean(m, 2)), [3, 3]);
    assert.throws(() => fitMean([]), RangeError);
  });

  it('solves with Cholesky', () => {
    // [[4, 2], [2, 3]] x = [2, 1] -> x = [0.5, 0].
    const a = Float64Array.from([4, 2, 2, 3]);
    assert.ok(choleskyInPlace(a, 2));
    closeAll(choleskySolveInPlace(a, 2, Float64Array.from([2, 1])), [0.5, 0], 1e-15);
    assert.equal(choleskyInPlace(Float64Array.from([1, 2, 2, 1]), 2), false);
  });

  it('matches scikit-learn Ridge(alpha=0.5) on standardised features (primal, n > p)', () => {
    const m = fitRidge(X, Y, 3, 0.5);
    closeAll(m.weights, [0.7070299469600763, 0.31521213985402324, -1.8354304066570104]);
    assert.ok(Math.abs(m.intercept - 0.6647630458129727) < 1e-9);
    closeAll(predictRidge(m, Float64Array.from([2.5, 2.5, 0.4])), [2.4861961001854174]);
  });

  it('matches scikit-learn Ridge(alpha=0.3) in the dual form (p > n)', () => {
    const x2 = Float64Array.from([1, 0, 2, 1, 0, 0, 1, 1, 3, 1, 2, 2, 0, 1, 1, 1, 3, 1, 0, 2]);
    const m = fitRidge(x2, [0.5, 1.5, -1.0, 2.0], 5, 0.3);
    closeAll(m.weights, [-1.0076424507396795, 0.21742243728491728, 0.7560251021170127, -0.10251696696120305, 0.698251545721422]);
    assert.ok(Math.abs(m.intercept - 0.10537835567537268) < 1e-9);
  });

  it('gives constant features zero weight', () => {
    const x3 = new Float64Array(24);
    for (let i = 0; i < 6; i++) {
      x3.set(X.subarray(i * 3, i * 3 + 3), i * 4);
      x3[i * 4 + 3] = 7;
    }
    closeAll(fitRidge(x3, Y, 4, 0.5).weights, [0.7070299469600763, 0.31521213985402324, -1.8354304066570104, 0]);
  });

  it('chooses lambda by validation MSE', () => {
    // y = 2 x exactly: the smallest lambda fits the validation points best.
    const xt = Float64Array.from([1, 2, 3, 4, 5]);
    const sel = fitRidgeSelectLambda(xt, [2, 4, 6, 8, 10], Float64Array.from([6, 7]), [12, 14], 1, [100, 0.01, 1]);
    assert.equal(sel.model.lambda, 0.01);
    assert.deepEqual(sel.grid.map((g) => g.lambda), [100, 0.01, 1]);
    assert.ok(sel.grid[1].validMse < sel.grid[2].validMse && sel.grid[2].validMse < sel.grid[0].validMse);
    assert.equal(DEFAULT_LAMBDAS.length, 17);
    assert.equal(DEFAULT_LAMBDAS[0], 0.001);
    assert.equal(DEFAULT_LAMBDAS[16], 100000);
  });

  it('builds the 105 hand-made features (84 k-mers + 20 structure + length)', () => {
    assert.equal(REGRESSION_FEATURE_COUNT, 105);
    assert.equal(REGRESSION_FEATURE_NAMES[0], 'freq_A');
    assert.equal(REGRESSION_FEATURE_NAMES[84], 'fractionPaired');
    assert.equal(REGRESSION_FEATURE_NAMES[104], 'length');
    const x = regressionFeatureMatrix([{ sequence: 'GGGAAACCC', structure: '(((...)))' }, { sequence: 'ACGU' }]);
    assert.equal(x.length, 210);
    assert.equal(x[0 + 2], 1 / 3); // freq_G
    assert.equal(x[84], 6 / 9); // fraction paired
    assert.equal(x[104], 9);
    assert.equal(x[105 + 84], 0, 'no structure: all unpaired');
    assert.equal(x[105 + 104], 4);
  });

  it('fits both regression baselines on records', () => {
    const recs = ['GGGAAACCC', 'GGGGAAAACCCC', 'ACGUACGU', 'AAAAAAAA', 'GCGCGCGC', 'AUAUAUAU', 'GGAACCUU'].map((sequence, i) => ({ sequence, target: sequence.replace(/[AU]/g, '').length / sequence.length + 0.01 * i }));
    const b = fitRegressionBaselines(recs.slice(0, 5), recs.slice(5));
    const evals = b.evaluate(recs);
    assert.deepEqual(evals.map((e) => e.name), ['mean', 'ridge (k-mer + structure)']);
    assert.equal(b.mean.value, recs.slice(0, 5).reduce((s, r) => s + r.target, 0) / 5);
    assert.ok(evals[1].metrics.rmse < evals[0].metrics.rmse);
  });

  it('reproduces the issue-4 check on OpenVaccine: ridge test Spearman 0.6389, fraction unpaired 0.3919', function () {
    if (!fs.existsSync(OPENVACCINE)) return this.skip();
    const r = openVaccineBaselines();
    assert.deepEqual(r.sizes, { train: 2506, valid: 317, test: 299 });
    assert.equal(r.lambda, 0.001);
    const ridge = r.test.find((t) => t.name === 'ridge (k-mer + structure)')!.metrics;
    assert.equal(ridge.spearman.toFixed(6), '0.638891');
    assert.equal(ridge.r2.toFixed(6), '0.481067');
    assert.equal(r.fractionUnpairedTestSpearman.toFixed(6), '0.391933');
    const mean = r.test.find((t) => t.name === 'mean')!.metrics;
    assert.ok(mean.r2 < 0 && mean.r2 > -0.05, `${mean.r2}`);
  });
});

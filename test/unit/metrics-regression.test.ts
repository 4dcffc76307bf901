// Regression metrics against hand-computed values and scipy / scikit-learn outputs (quoted) for
// small vectors, including ties for Spearman and the degenerate cases.
import * as assert from 'node:assert/strict';
import { averageRanks } from '../../src/core/metrics/ranks';
import { mae, pearson, r2, regressionMetrics, rmse, spearman } from '../../src/core/metrics/regression';

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

describe('regression metrics', () => {
  const yTrue = [3, -0.5, 2, 7, 4.2];
  const yPred = [2.5, 0.0, 2, 8, 4.2];

  it('RMSE, MAE, R^2 by hand', () => {
    // Errors 0.5, -0.5, 0, -1, 0: squared sum 1.5 -> RMSE sqrt(0.3); MAE 2/5.
    close(rmse(yTrue, yPred), Math.sqrt(0.3));
    close(mae(yTrue, yPred), 0.4);
    // mean 3.14; SS_tot = 0.0196 + 13.2496 + 1.2996 + 14.8996 + 1.1236 = 30.592; R^2 = 1 - 1.5 / 30.592.
    close(r2(yTrue, yPred), 1 - 1.5 / 30.592);
    // scikit-learn r2_score: 0.9509675732217573
    close(r2(yTrue, yPred), 0.9509675732217573);
  });

  it('Pearson and Spearman as scipy', () => {
    close(pearson(yTrue, yPred), 0.9838856083546952);
    // Both vectors have the same order (ties in neither): Spearman 1.
    close(spearman(yTrue, yPred), 1);
  });

  it('ranks ties by their average (scipy rankdata) and uses them in Spearman', () => {
    const x = [1, 2, 2, 3, 5, 5, 5];
    const y = [2, 1, 4, 4, 6, 3, 7];
    assert.deepEqual(Array.from(averageRanks(x)), [1, 2.5, 2.5, 4, 6, 6, 6]);
    assert.deepEqual(Array.from(averageRanks(y)), [2, 1, 4.5, 4.5, 6, 3, 7]);
    close(spearman(x, y), 0.6702887344438079);
    close(pearson(x, y), 0.7065207767309915);
  });

  it('handles degenerate inputs like scipy / scikit-learn', () => {
    assert.ok(Number.isNaN(pearson([1, 1, 1], [1, 2, 3])));
    assert.ok(Number.isNaN(spearman([1, 2, 3], [4, 4, 4])));
    // A constant prediction whose mean is not exactly representable: still NaN, not a rounding artefact.
    assert.notEqual((0.1 + 0.1 + 0.1) / 3, 0.1);
    assert.ok(Number.isNaN(pearson([0.3, 0.5, 0.2], [0.1, 0.1, 0.1])));
    assert.equal(r2([2, 2], [2, 2]), 1);
    assert.equal(r2([2, 2], [1, 2]), 0);
    assert.ok(r2([1, 2, 3], [3, 2, 1]) < 0);
    close(r2([1, 2, 3], [3, 2, 1]), -3);
    assert.ok(Number.isNaN(rmse([], [])));
    assert.throws(() => rmse([1], [1, 2]), RangeError);
    assert.equal(pearson([1, 2], [2, 4]), 1);
    assert.equal(pearson([1, 2], [4, 2]), -1);
  });

  it('bundles all metrics and accepts typed arrays', () => {
    const m = regressionMetrics(Float64Array.from(yTrue), Float32Array.from([2.5, 0, 2, 8, 4.2]));
    assert.equal(m.n, 5);
    close(m.mae, 0.4, 1e-6);
    close(m.spearman, 1);
  });
});

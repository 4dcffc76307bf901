// Classification metrics against hand-computed values and scikit-learn outputs (quoted): AUROC
// with tied scores, average precision, thresholded metrics and the best-F1 threshold.
import * as assert from 'node:assert/strict';
import {
  accuracyOf, auroc, averagePrecision, bestF1Threshold, classificationMetrics, confusionAt, f1Of, precisionOf, recallOf,
} from '../../src/core/metrics/classification';

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

describe('classification metrics', () => {
  const labels = [0, 0, 1, 1, 0, 1, 1, 0, 1, 0];
  const scores = [0.1, 0.4, 0.35, 0.8, 0.4, 0.9, 0.35, 0.2, 0.6, 0.6];

  it('AUROC counts tied pairs as one half (18.5 of 25 pairs; scikit-learn 0.74)', () => {
    close(auroc(labels, scores), 0.74);
    assert.equal(auroc([0, 1], [0.5, 0.5]), 0.5);
    assert.equal(auroc([0, 0, 1, 1], [0.1, 0.2, 0.3, 0.4]), 1);
    assert.equal(auroc([1, 1, 0, 0], [0.1, 0.2, 0.3, 0.4]), 0);
    assert.ok(Number.isNaN(auroc([1, 1], [0.1, 0.2])));
  });

  it('average precision treats ties as one threshold (0.2 + 0.2 + 0.2 x 0.75 + 0.4 x 0.625 = 0.8)', () => {
    close(averagePrecision(labels, scores), 0.8);
    // scikit-learn average_precision_score([1,0,1,1,0,0,1], [.9,.8,.7,.6,.55,.54,.53]) = 0.7470238095238095
    close(averagePrecision([1, 0, 1, 1, 0, 0, 1], [0.9, 0.8, 0.7, 0.6, 0.55, 0.54, 0.53]), 0.7470238095238095);
    close(auroc([1, 0, 1, 1, 0, 0, 1], [0.9, 0.8, 0.7, 0.6, 0.55, 0.54, 0.53]), 0.5833333333333334);
    assert.ok(Number.isNaN(averagePrecision([0, 0], [0.1, 0.2])));
  });

  it('thresholded metrics at 0.4 (scikit-learn: accuracy 0.5, precision 0.5, recall 0.6, F1 6/11)', () => {
    const c = confusionAt(labels, scores, 0.4);
    assert.deepEqual(c, { tp: 3, fp: 3, tn: 2, fn: 2 });
    assert.equal(accuracyOf(c), 0.5);
    assert.equal(precisionOf(c), 0.5);
    assert.equal(recallOf(c), 0.6);
    close(f1Of(c), 6 / 11);
    assert.equal(precisionOf({ tp: 0, fp: 0, tn: 3, fn: 1 }), 0);
    assert.equal(f1Of({ tp: 0, fp: 0, tn: 3, fn: 0 }), 0);
  });

  it('finds the best-F1 threshold (0.35: F1 = 10/13)', () => {
    const best = bestF1Threshold(labels, scores);
    assert.equal(best.threshold, 0.35);
    close(best.f1, 10 / 13);
    assert.deepEqual(bestF1Threshold([1, 0, 1], [0.9, 0.5, 0.1]), { threshold: 0.1, f1: 0.8 });
    // Ties in F1 go to the higher threshold: 0.9 and 0.1 both give F1 = 2/3 here.
    assert.deepEqual(bestF1Threshold([1, 0, 0, 1], [0.9, 0.8, 0.7, 0.1]), { threshold: 0.9, f1: 2 / 3 });
    assert.deepEqual(bestF1Threshold([1, 1, 0], [0.9, 0.9, 0.1]), { threshold: 0.9, f1: 1 });
  });

  it('bundles the metrics', () => {
    const m = classificationMetrics(labels, scores, 0.35);
    assert.equal(m.n, 10);
    assert.equal(m.positives, 5);
    close(m.auroc, 0.74);
    close(m.auprc, 0.8);
    assert.deepEqual(m.confusion, { tp: 5, fp: 3, tn: 2, fn: 0 });
    close(m.f1, 10 / 13);
    assert.equal(m.threshold, 0.35);
  });
});

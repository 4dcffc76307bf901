// "Does my model learn?": verdict boundaries (margin 0.05, tolerance 0.02, no-signal 0.1 / 0.01),
// each cause's rule on both sides of its threshold, and target statistics by hand.
import * as assert from 'node:assert/strict';
import { targetStats } from '../../src/core/diagnosis/targetStats';
import { diagnose, type VerdictInput } from '../../src/core/diagnosis/verdict';
import type { RegressionMetrics } from '../../src/core/metrics/regression';

const metrics = (spearman: number, r2: number): RegressionMetrics => ({ n: 100, rmse: 1, mae: 1, r2, pearson: spearman, spearman });
const baselines = [
  { name: 'mean', metrics: metrics(NaN, -0.01) },
  { name: 'ridge (k-mer + structure)', metrics: metrics(0.64, 0.48) },
];
const input = (model: RegressionMetrics, extra: Partial<VerdictInput> = {}): VerdictInput => ({ model, baselines, nTrain: 2506, ...extra });
const ids = (v: ReturnType<typeof diagnose>) => v.causes.map((c) => c.id);

describe('diagnosis verdict', () => {
  it('says "learns" when the model beats the best baseline by the margin', () => {
    const v = diagnose(input(metrics(0.82, 0.66)));
    assert.equal(v.kind, 'learns');
    assert.equal(v.headline, 'The model learns: it beats every baseline clearly. Spearman 0.82 vs 0.64 for the best baseline, ridge (k-mer + structure); R² 0.66 vs 0.48.');
    assert.deepEqual(v.bestBaseline, { bySpearman: 'ridge (k-mer + structure)', byR2: 'ridge (k-mer + structure)' });
    assert.ok(Math.abs(v.gain.spearman - 0.18) < 1e-12);
    assert.deepEqual(v.causes, []);
  });

  it('uses the margin and the tolerance exactly', () => {
    assert.equal(diagnose(input(metrics(0.69, 0.48))).kind, 'learns'); // +0.05 Spearman
    assert.equal(diagnose(input(metrics(0.68, 0.49))).kind, 'no better than baseline'); // +0.04 / +0.01
    assert.equal(diagnose(input(metrics(0.62, 0.54))).kind, 'learns'); // R² +0.06, Spearman -0.02
    assert.equal(diagnose(input(metrics(0.61, 0.54))).kind, 'no better than baseline'); // R² +0.06, Spearman -0.03
  });

  it('refuses "learns" when one metric falls more than 0.02 below the baseline', () => {
    assert.equal(diagnose(input(metrics(0.75, 0.45))).kind, 'no better than baseline'); // R² -0.03
    assert.equal(diagnose(input(metrics(0.75, 0.47))).kind, 'learns'); // R² -0.01
    assert.equal(diagnose(input(metrics(0.9, 0))).kind, 'no better than baseline'); // R² must be > 0
  });

  it('names the R² baseline only when it is not the Spearman one', () => {
    const split = [
      { name: 'mean', metrics: metrics(NaN, 0.02) },
      { name: 'ridge', metrics: metrics(0.64, -0.5) },
    ];
    const v = diagnose({ model: metrics(0.66, 0.03), baselines: split, nTrain: 2506 });
    assert.equal(v.kind, 'no better than baseline');
    assert.equal(v.headline, 'The model is no better than a simple baseline: Spearman 0.66 vs 0.64 for the best baseline, ridge; R² 0.03 vs 0.02 for mean. A gain of at least 0.05 is needed to call it learning.');
  });

  it('says "no signal" when nothing predicts the target', () => {
    const weak = [{ name: 'mean', metrics: metrics(NaN, -0.01) }, { name: 'ridge', metrics: metrics(0.05, 0.0) }];
    const v = diagnose({ model: metrics(0.08, -0.02), baselines: weak, nTrain: 1000 });
    assert.equal(v.kind, 'no signal');
    assert.equal(v.headline, 'No signal: neither the model nor the simple baselines predict the target (best Spearman 0.08, best R² 0.00).');
    assert.equal(diagnose({ model: metrics(0.12, -0.02), baselines: weak, nTrain: 1000 }).kind, 'no better than baseline');
  });

  it('flags too little data by count and by parameters per record', () => {
    assert.deepEqual(ids(diagnose(input(metrics(0.5, 0.3), { nTrain: 199 }))), ['too-little-data']);
    assert.deepEqual(ids(diagnose(input(metrics(0.5, 0.3), { nTrain: 200 }))), []);
    const v = diagnose(input(metrics(0.5, 0.3), { nTrain: 1000, parameters: 20001 }));
    assert.deepEqual(ids(v), ['too-little-data']);
    assert.equal(v.causes[0].sentence, 'The network has 20,001 adjustable weights for 1,000 training sequences, so it can memorise them instead of learning. Use a smaller model or more data.');
    assert.deepEqual(ids(diagnose(input(metrics(0.5, 0.3), { nTrain: 1000, parameters: 20000 }))), []);
  });

  it('flags unscaled, skewed and noisy targets', () => {
    const base = { n: 500, mean: 5000, sd: 300, min: 4000, max: 6000, skewness: 0.1, duplicatedSequences: 0, conflictingDuplicates: 0, replicateNoiseShare: 0 };
    assert.deepEqual(ids(diagnose(input(metrics(0.5, 0.3), { target: base, targetStandardised: false }))), ['unscaled-target']);
    assert.deepEqual(ids(diagnose(input(metrics(0.5, 0.3), { target: base, targetStandardised: true }))), []);
    const skewed = { ...base, mean: 1, sd: 2, min: 0.01, max: 80, skewness: 4.5 };
    assert.deepEqual(ids(diagnose(input(metrics(0.5, 0.3), { target: skewed }))), ['skewed-target']);
    const noisy = { ...base, mean: 0, sd: 1, min: -2, max: 2, duplicatedSequences: 40, conflictingDuplicates: 35, replicateNoiseShare: 0.35 };
    const v = diagnose(input(metrics(0.5, 0.3), { target: noisy }));
    assert.deepEqual(ids(v), ['noisy-target']);
    assert.equal(v.causes[0].sentence, 'The same sequence was measured several times with quite different results: about 35% of the variation is measurement noise, so no model can reach an R² much above 0.65.');
  });

  it('reads overfitting and underfitting from the curves', () => {
    const over = { train: [1, 0.6, 0.4, 0.3, 0.2, 0.1], valid: [1, 0.7, 0.6, 0.65, 0.7, 0.8] };
    const v = diagnose(input(metrics(0.6, 0.4), { curves: over }));
    assert.deepEqual(ids(v), ['overfitting']);
    assert.equal(v.causes[0].evidence, 'validation loss 0.600 at epoch 3 -> median 0.700 over the last 3 epochs; training loss 0.400 -> 0.100');
    assert.match(v.causes[0].sentence, /Use early stopping/);
    // Rising by less than 10% and a small gap: not overfitting.
    assert.deepEqual(ids(diagnose(input(metrics(0.6, 0.4), { curves: { train: [1, 0.6, 0.5, 0.45], valid: [1, 0.7, 0.6, 0.65] } }))), []);
    // One noisy late epoch is not a rise: the median of the epochs after the minimum stays at it.
    assert.deepEqual(ids(diagnose(input(metrics(0.6, 0.4), { curves: { train: [1, 0.6, 0.5, 0.45, 0.4, 0.35], valid: [1, 0.7, 0.6, 0.6, 0.6, 0.9] } }))), []);
    // Fewer than 3 epochs after the minimum: no judgement of a rise.
    assert.deepEqual(ids(diagnose(input(metrics(0.6, 0.4), { curves: { train: [1, 0.6, 0.4, 0.3, 0.2], valid: [1, 0.7, 0.6, 0.6, 0.9] } }))), []);
    // Gap only: validation loss of the last epochs more than twice the training loss.
    assert.deepEqual(ids(diagnose(input(metrics(0.6, 0.4), { curves: { train: [1, 0.4, 0.2, 0.15, 0.1], valid: [1, 0.6, 0.5, 0.45, 0.42] } }))), ['overfitting']);
    const flat = { train: [1, 0.98, 0.95, 0.93], valid: [1.02, 1.0, 0.99, 0.99] };
    assert.deepEqual(ids(diagnose(input(metrics(0.1, 0.0), { curves: flat }))), ['underfitting']);
    assert.deepEqual(ids(diagnose(input(metrics(0.1, 0.0), { curves: { train: [1, 0.9], valid: [1, 1] } }))), [], 'fewer than 3 epochs: no judgement');
  });

  it('with early stopping, overfitting does not advise early stopping and judges the kept epoch', () => {
    const over = { train: [1, 0.6, 0.4, 0.3, 0.2, 0.1], valid: [1, 0.7, 0.6, 0.65, 0.7, 0.8] };
    const v = diagnose(input(metrics(0.6, 0.4), { curves: over, earlyStopping: true }));
    assert.deepEqual(ids(v), ['overfitting']);
    assert.doesNotMatch(v.causes[0].sentence, /Use early stopping/);
    assert.match(v.causes[0].sentence, /Early stopping kept the weights of epoch 3, from before the rise/);
    // the gap rule looks at the kept (best) epoch: 0.45 vs 0.15 there is overfitting; a wide gap only
    // in the epochs after the best is not, without a sustained rise
    assert.deepEqual(ids(diagnose(input(metrics(0.6, 0.4), { curves: { train: [1, 0.4, 0.15, 0.12, 0.1], valid: [1, 0.6, 0.45, 0.46, 0.47] }, earlyStopping: true }))), ['overfitting']);
    assert.deepEqual(ids(diagnose(input(metrics(0.6, 0.4), { curves: { train: [1, 0.5, 0.3, 0.1, 0.05], valid: [1, 0.6, 0.5, 0.51, 0.52] }, earlyStopping: true }))), []);
  });

  it('flags an unused structure input', () => {
    assert.deepEqual(ids(diagnose(input(metrics(0.7, 0.5), { sequenceOnly: metrics(0.69, 0.5) }))), ['structure-unused']);
    assert.deepEqual(ids(diagnose(input(metrics(0.7, 0.5), { sequenceOnly: metrics(0.75, 0.5) }))), ['structure-unused']);
    assert.deepEqual(ids(diagnose(input(metrics(0.7, 0.5), { sequenceOnly: metrics(0.68, 0.5) }))), [], 'a gain of exactly 0.02 is use');
  });
});

describe('target statistics', () => {
  it('computes mean, SD, skewness and replicate noise by hand', () => {
    const s = targetStats([
      { sequence: 'A', target: 1 }, { sequence: 'A', target: 3 }, { sequence: 'C', target: 2 }, { sequence: 'G', target: 10 },
    ]);
    assert.equal(s.n, 4);
    assert.equal(s.mean, 4);
    // Deviations -3, -1, -2, 6: variance 50/4 = 12.5; third moment (-27 - 1 - 8 + 216) / 4 = 45.
    assert.equal(s.sd, Math.sqrt(12.5));
    assert.ok(Math.abs(s.skewness - 45 / 12.5 ** 1.5) < 1e-12);
    assert.ok(Math.abs(s.skewness - 1.0182337649086284) < 1e-12, 'scipy.stats.skew([1, 3, 2, 10])');
    assert.deepEqual([s.min, s.max, s.duplicatedSequences, s.conflictingDuplicates], [1, 10, 1, 1]);
    // Replicates of A: SS 2 over 1 degree of freedom = 2; share 2 / 12.5.
    assert.equal(s.replicateNoiseShare, 2 / 12.5);
  });
});

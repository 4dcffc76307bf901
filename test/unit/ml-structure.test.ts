// Issue 4 "structure matters": on a synthetic task whose target depends only on the structure (number of
// hairpins closed by a G-C pair, with decoy hairpins that are unpaired in the structure), the default
// structure-aware model reaches test R^2 >= 0.9 and the sequence-only model does not come close.
import * as assert from 'node:assert/strict';
import * as tf from '../../src/ml/tf';
import { generateStructureTask } from '../../src/core/synthetic/structureTask';
import { disposeModel, initBackend, trainRegressor } from '../../src/ml/index';
import { limit } from '../support/timeLimits';

describe('ml: the synthetic structure task (target depends only on structure)', function () {
  this.timeout(limit(480000));
  const records = generateStructureTask({ n: 700, seed: 5, target: 'closingGC' });
  // the same training settings for both models (a higher learning rate than the default keeps this short)
  const TRAINING = { seed: 1, epochs: 20, patience: 6, learningRate: 4e-3 };
  let defaultR2 = NaN;

  before(async () => {
    await initBackend({ prefer: 'wasm' });
    await tf.setBackend('wasm');
  });

  it('the default (structure-aware) model reaches test R^2 >= 0.9', async () => {
    const r = await trainRegressor({ records }, { arch: 'default', ...TRAINING });
    defaultR2 = r.metrics.test!.r2;
    assert.ok(defaultR2 >= 0.9, `default R^2 ${defaultR2.toFixed(3)}`);
    assert.equal(r.verdict.kind, 'learns');
    disposeModel(r.model);
  });

  it('the sequence-only model does not (R^2 far below the default model)', async () => {
    const r = await trainRegressor({ records }, { arch: 'sequence-only', ...TRAINING });
    const r2 = r.metrics.test!.r2;
    assert.ok(r2 < 0.5, `sequence-only R^2 ${r2.toFixed(3)}`);
    if (Number.isFinite(defaultR2)) assert.ok(defaultR2 - r2 > 0.4);
    disposeModel(r.model);
  });
});

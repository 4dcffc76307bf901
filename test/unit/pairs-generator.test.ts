// The pair generator: the incremental decoder (cached keys/values, attention in JS) gives the same
// next-token logits as the TF.js network on whole sequences; partner features point at the right
// bases of A; sampling honours lengths and constraint automata.
import * as assert from 'node:assert/strict';
import * as tf from '../../src/ml/tf';
import { Random } from '../../src/core/random';
import { initBackend } from '../../src/ml/backend/initBackend';
import { checkSequence, ConstraintAutomaton } from '../../src/ml/pairs/design/constraints';
import { IncrementalDecoder } from '../../src/ml/pairs/generator/decoder';
import { buildPairGenerator, type PairGeneratorConfig } from '../../src/ml/pairs/generator/generatorModel';
import { samplePairs } from '../../src/ml/pairs/generator/sampler';
import { featureWidth, PARTNER_WIDTH, tokenBatch, vocabularySize } from '../../src/ml/pairs/generator/tokens';
import { limit } from '../support/timeLimits';

const CONFIG: PairGeneratorConfig = { maxLength: 8, frequencies: 3, dModel: 16, heads: 2, layers: 2, ffUnits: 24 };

describe('pair generator', function () {
  this.timeout(limit(60_000));
  before(async () => {
    await initBackend();
  });

  it('incremental decoding equals the network on whole sequences', () => {
    const model = buildPairGenerator(CONFIG, 7);
    const decoder = new IncrementalDecoder(model, CONFIG);
    try {
      const pairs = [
        { label: 1 as const, a: 'ACGUAC', b: 'GUACGU' },
        { label: 1 as const, a: 'GGCAUU', b: 'AAUGCC' },
      ];
      const t = tokenBatch(pairs, CONFIG);
      const w = featureWidth(CONFIG);
      const v = vocabularySize(CONFIG);
      const full = tf.tidy(() => (model.predict(tf.tensor3d(t.features, [t.n, t.steps, w])) as tf.Tensor).dataSync());
      const session = decoder.session(t.n, t.steps);
      let worst = 0;
      for (let p = 0; p < t.steps; p++) {
        const features = new Float32Array(t.n * w);
        for (let r = 0; r < t.n; r++) features.set(t.features.subarray((r * t.steps + p) * w, (r * t.steps + p + 1) * w), r * w);
        const logits = session.step(features);
        for (let r = 0; r < t.n; r++) for (let k = 0; k < v; k++) worst = Math.max(worst, Math.abs(logits[r * v + k]! - full[(r * t.steps + p) * v + k]!));
      }
      assert.ok(worst < 1e-4, `max difference ${worst}`);
    } finally {
      decoder.dispose();
      model.dispose();
    }
  });

  it('partner features of B_t are A[La-1-t] and A[t from the 3\' end]', () => {
    const t = tokenBatch([{ label: 1, a: 'ACG', b: 'UUUU' }], CONFIG);
    const w = featureWidth(CONFIG);
    const partnerAt = (p: number) => Array.from(t.features.subarray(p * w + w - PARTNER_WIDTH, (p + 1) * w));
    // input position 5 (last base of A) predicts B_0: from5 = 0 -> A[La-1] = G; from3 = 3 >= La -> none
    assert.deepEqual(partnerAt(5), [0, 0, 1, 0, 0, 0, 0, 0]);
    // input position 8 predicts B_3: from5 = 3 >= La -> none; from3 = 0 -> A[0] = A
    assert.deepEqual(partnerAt(8), [0, 0, 0, 0, 1, 0, 0, 0]);
    assert.deepEqual(partnerAt(2), [0, 0, 0, 0, 0, 0, 0, 0]); // predicts A_0
  });

  it('samples the allowed lengths under constraints', () => {
    const model = buildPairGenerator(CONFIG, 3);
    const decoder = new IncrementalDecoder(model, CONFIG);
    try {
      const c = { gc: [0.5, 0.5] as [number, number], maxHomopolymer: 2 };
      const automaton = (l: number) => ConstraintAutomaton.build(c, l) as ConstraintAutomaton;
      const pairs = samplePairs(decoder, { n: 50, label: 1, temperature: 1, random: new Random(1), lengths: { a: [6, 8], b: [4] }, automaton: { a: automaton, b: automaton }, alphabet: 'DNA' });
      for (const p of pairs) {
        assert.ok(p.a.length === 6 || p.a.length === 8);
        assert.equal(p.b.length, 4);
        assert.deepEqual([...checkSequence(p.a, c), ...checkSequence(p.b, c)], []);
        assert.match(p.a + p.b, /^[ACGT]+$/);
      }
    } finally {
      decoder.dispose();
      model.dispose();
    }
  });
});

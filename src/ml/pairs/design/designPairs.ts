// Design mode: optimises a batch of pairs for the classifier's score, Fast-SeqProp style. Each
// sequence is a position weight matrix of logits [L, 4]; every step draws one hard sequence per PWM
// (Gumbel-max over the log-probabilities, projected onto the constraints by the automaton's exact
// best-path: template, GC range, homopolymers, length), feeds that one-hot to the classifier and
// back-propagates the classifier logit through the softmax (straight-through: forward = the hard
// sequence, backward = d softmax). The PWMs start random, or (generate.ts, when the model has a
// generator) at the generator's samples, which the optimisation then improves. A penalty on the mean pairwise identity of the PWMs within the
// batch keeps the designs apart. The designs are the exact projections of the learnt PWMs onto the
// constraints (the automaton's best path), so every output satisfies its constraints by construction.
import * as tf from '../../tf';
import { Random } from '../../../core/random';
import { Cancelled } from '../../engine/cancelled';
import { FusedAdam } from '../../engine/fusedAdam';
import { yieldToEventLoop } from '../../engine/yieldToEventLoop';
import type { ConstraintAutomaton } from './constraints';

export interface DesignOptions {
  /** Pairs in the batch. */
  batch: number;
  automata: { a: ConstraintAutomaton; b: ConstraintAutomaton };
  seed: number;
  /** Optimisation steps (default 30). */
  steps?: number;
  learningRate?: number;
  /** Weight of the batch-diversity penalty (default 0.2; larger values trade score for spread). */
  diversity?: number;
  /** Starting sequences (base indices per pair, e.g. the generator's samples); random PWMs when absent. */
  init?: { a: Uint8Array; b: Uint8Array }[];
  signal?: AbortSignal;
}

export interface DesignedPair {
  a: Uint8Array;
  b: Uint8Array;
  /** Classifier logit of the hard sequence when it was drawn. */
  logit: number;
}

/** Hard sequences of PWM logits [m, L, 4] (flat), each projected by `automaton` with Gumbel noise. */
function drawProjected(logits: Float32Array, m: number, automaton: ConstraintAutomaton, random: Random | undefined): Uint8Array[] {
  const L = automaton.length;
  const out: Uint8Array[] = [];
  const scores = new Float64Array(L * 4);
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < L; p++) {
      const o = (i * L + p) * 4;
      let max = -Infinity;
      for (let x = 0; x < 4; x++) max = Math.max(max, logits[o + x]!);
      let z = 0;
      for (let x = 0; x < 4; x++) z += Math.exp(logits[o + x]! - max);
      const lz = max + Math.log(z);
      for (let x = 0; x < 4; x++) {
        const g = random ? -Math.log(-Math.log(Math.max(1e-12, random.uniform()))) : 0;
        scores[p * 4 + x] = logits[o + x]! - lz + g;
      }
    }
    out.push(automaton.best(scores));
  }
  return out;
}

function oneHotOf(seqs: readonly Uint8Array[], L: number): Float32Array {
  const data = new Float32Array(seqs.length * L * 4);
  seqs.forEach((s, i) => s.forEach((x, p) => (data[(i * L + p) * 4 + x] = 1)));
  return data;
}

/** Mean pairwise identity (expected matching positions / L) of PWMs [m, L, 4] over pairs i != j. */
function batchIdentity(p: tf.Tensor3D): tf.Scalar {
  const [m, L] = p.shape;
  const flat = tf.reshape(p, [m, L * 4]) as tf.Tensor2D;
  const gram = tf.matMul(flat, flat, false, true);
  const self = tf.sum(tf.mul(flat, flat));
  return tf.div(tf.sub(tf.sum(gram), self), Math.max(1, m * (m - 1) * L)) as tf.Scalar;
}

export async function designPairs(classifier: tf.LayersModel, opts: DesignOptions): Promise<DesignedPair[]> {
  const { batch: m, automata } = opts;
  const La = automata.a.length;
  const Lb = automata.b.length;
  const random = new Random(`design-${opts.seed}`);
  const steps = opts.steps ?? 30;
  const lambda = opts.diversity ?? 0.2;
  const init = (L: number, which: 'a' | 'b') => {
    const data = Float32Array.from({ length: m * L * 4 }, () => random.normal() * (opts.init ? 0.3 : 1));
    opts.init?.forEach((p, i) => p[which].forEach((x, pos) => (data[(i * L + pos) * 4 + x]! += 4)));
    return data;
  };
  const mask = (a: ConstraintAutomaton) => {
    const L = a.length;
    const data = new Float32Array(L * 4);
    for (let p = 0; p < L; p++) for (let x = 0; x < 4; x++) data[p * 4 + x] = (a.allowedAt[p]! >> x) & 1 ? 0 : -1e4;
    return tf.tensor3d(data, [1, L, 4]);
  };
  const maskA = mask(automata.a);
  const maskB = mask(automata.b);
  const varA = tf.variable(tf.add(tf.tensor3d(init(La, 'a'), [m, La, 4]), maskA) as tf.Tensor3D, true, undefined);
  const varB = tf.variable(tf.add(tf.tensor3d(init(Lb, 'b'), [m, Lb, 4]), maskB) as tf.Tensor3D, true, undefined);
  const optimizer = new FusedAdam(opts.learningRate ?? (opts.init ? 0.1 : 0.3));
  try {
    for (let step = 0; step < steps; step++) {
      await yieldToEventLoop();
      if (opts.signal?.aborted) throw new Cancelled('design');
      const [softA, softB] = tf.tidy(() => [tf.softmax(tf.add(varA, maskA)), tf.softmax(tf.add(varB, maskB))]) as [tf.Tensor3D, tf.Tensor3D];
      const hardA = drawProjected(new Float32Array(await varA.data()), m, automata.a, random);
      const hardB = drawProjected(new Float32Array(await varB.data()), m, automata.b, random);
      // straight-through: constant (hard - soft) added to the soft PWM inside the gradient
      const diffA = tf.tidy(() => tf.sub(tf.tensor3d(oneHotOf(hardA, La), [m, La, 4]), softA));
      const diffB = tf.tidy(() => tf.sub(tf.tensor3d(oneHotOf(hardB, Lb), [m, Lb, 4]), softB));
      tf.dispose([softA, softB]);
      const cost = optimizer.minimize(
        () => {
          const pa = tf.softmax(tf.add(varA, maskA)) as tf.Tensor3D;
          const pb = tf.softmax(tf.add(varB, maskB)) as tf.Tensor3D;
          const out = classifier.apply([tf.add(pa, diffA), tf.add(pb, diffB)], { training: false }) as tf.Tensor2D;
          const score = tf.mean(out);
          return tf.sub(tf.mul(lambda, tf.add(batchIdentity(pa), batchIdentity(pb))), score) as tf.Scalar;
        },
        true,
        [varA, varB],
      );
      cost?.dispose();
      tf.dispose([diffA, diffB]);
    }
    // the designs: each optimised PWM's best valid sequence (exact projection, no noise)
    const finalA = drawProjected(new Float32Array(await varA.data()), m, automata.a, undefined);
    const finalB = drawProjected(new Float32Array(await varB.data()), m, automata.b, undefined);
    const finalLogits = tf.tidy(() => classifier.predict([tf.tensor3d(oneHotOf(finalA, La), [m, La, 4]), tf.tensor3d(oneHotOf(finalB, Lb), [m, Lb, 4])]) as tf.Tensor);
    const fl = await finalLogits.data();
    finalLogits.dispose();
    return finalA.map((a, i) => ({ a, b: finalB[i]!, logit: fl[i]! }));
  } finally {
    tf.dispose([varA, varB, maskA, maskB]);
    optimizer.dispose();
  }
}

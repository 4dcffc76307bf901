// Constraints of generated pairs: the automaton's feasibility and messages, its projection (best), and
// design mode's outputs, which must satisfy every constraint set in 100% of cases (GC range,
// homopolymer limit, IUPAC templates, combinations).
import * as assert from 'node:assert/strict';
import { Random } from '../../src/core/random';
import { initBackend } from '../../src/ml/backend/initBackend';
import { buildPairClassifier, DEFAULT_PAIR_CLASSIFIER } from '../../src/ml/pairs/classifierModel';
import { checkSequence, ConstraintAutomaton, type SequenceConstraints } from '../../src/ml/pairs/design/constraints';
import { designPairs } from '../../src/ml/pairs/design/designPairs';
import { limit } from '../support/timeLimits';

const SETS: [string, SequenceConstraints, number][] = [
  ['GC 0.4:0.6', { gc: [0.4, 0.6] }, 20],
  ['max homopolymer 2', { maxHomopolymer: 2 }, 20],
  ['template', { template: 'NNNNACGTNNNNRYNNNNSSNN' }, 22],
  ['GC + homopolymer + template', { gc: [0.5, 0.7], maxHomopolymer: 3, template: 'GNNNNNNNNNNNNNNNNNNWWC' }, 22],
  ['extreme GC 0:0.1 + homopolymer 2', { gc: [0, 0.1], maxHomopolymer: 2 }, 20],
];

const LETTERS = 'ACGU';
const toSeq = (x: Uint8Array) => Array.from(x, (b) => LETTERS[b]).join('');

function automaton(c: SequenceConstraints, length: number): ConstraintAutomaton {
  const a = ConstraintAutomaton.build(c, length, 'A');
  if (typeof a === 'string') throw new Error(a);
  return a;
}

describe('pair constraints (automaton)', () => {
  for (const [name, c, length] of SETS) {
    it(`projection of 500 random score matrices satisfies ${name}`, () => {
      const a = automaton(c, length);
      const rng = new Random(name);
      for (let k = 0; k < 500; k++) {
        const scores = Float64Array.from({ length: length * 4 }, () => rng.normal());
        const seq = toSeq(a.best(scores));
        assert.deepEqual(checkSequence(seq, c, 'A'), [], seq);
      }
    });
  }

  it('projection picks the best-scoring valid sequence (exact on a small case)', () => {
    // Scores favour A everywhere and C most at position 3; homopolymers <= 2 and one G/C at least:
    // AACA (7) beats ACAA (6.5). The DP answer is checked against enumeration of all 256 sequences.
    const c: SequenceConstraints = { maxHomopolymer: 2, gc: [0.25, 0.5] };
    const L = 4;
    const scores = Float64Array.from([2, 0.5, 0, 0, 2, 0.5, 0, 0, 2, 1, 0, 0, 2, 0.5, 0, 0]);
    let best = '';
    let bestScore = -Infinity;
    for (let m = 0; m < 256; m++) {
      const s = Array.from({ length: L }, (_, i) => LETTERS[(m >> (2 * i)) & 3]).join('');
      if (checkSequence(s, c).length) continue;
      const v = [...s].reduce((t, ch, i) => t + scores[i * 4 + LETTERS.indexOf(ch)]!, 0);
      if (v > bestScore) {
        bestScore = v;
        best = s;
      }
    }
    assert.equal(toSeq(automaton(c, L).best(scores)), best);
    assert.equal(best, 'AACA');
  });

  it('rejects impossible constraint sets with a reason', () => {
    assert.match(String(ConstraintAutomaton.build({ gc: [0.45, 0.49] }, 4, 'A')), /no GC count of a 4-nt sequence/);
    assert.match(String(ConstraintAutomaton.build({ template: 'AAAA', maxHomopolymer: 2 }, 4, 'A')), /no 4-nt sequence satisfies template \+ max homopolymer 2/);
    assert.match(String(ConstraintAutomaton.build({ template: 'NNXN' }, 4, 'B')), /B template: 'X' at position 3 is not an IUPAC/);
  });

  it('checkSequence names each violation', () => {
    assert.deepEqual(checkSequence('GGGGAC', { maxHomopolymer: 3, gc: [0, 0.5] }, 'A'), ['A: GC 5/6 outside 0:0.5', 'A: homopolymer run of 4 at position 1 (max 3)']);
    assert.deepEqual(checkSequence('ACGT', { template: 'ANGA' }, 'B'), ["B: position 4 'U' does not match template 'A'"]);
  });
});

describe('pair design mode (Fast-SeqProp)', function () {
  this.timeout(limit(120_000));
  before(async () => {
    await initBackend();
  });

  for (const [name, c, length] of SETS) {
    it(`every designed pair satisfies ${name} (A and B)`, async () => {
      const model = buildPairClassifier({ ...DEFAULT_PAIR_CLASSIFIER, mapFilters: [4], offsetUnits: 8, sequenceFilters: 4, hiddenUnits: 8, dropout: 0 }, 3);
      try {
        const designed = await designPairs(model, { batch: 12, steps: 4, seed: 5, automata: { a: automaton(c, length), b: automaton(c, length) } });
        assert.equal(designed.length, 12);
        for (const d of designed) {
          assert.deepEqual(checkSequence(toSeq(d.a), c, 'A'), []);
          assert.deepEqual(checkSequence(toSeq(d.b), c, 'B'), []);
          assert.ok(Number.isFinite(d.logit));
        }
      } finally {
        model.dispose();
      }
    });
  }
});

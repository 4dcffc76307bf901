// Generation metrics against hand-computed values: uniqueness, novelty, acceptance, exact rule,
// normalised Hamming diversity, 3-mer distributions and Jensen-Shannon divergence, and the
// training-pair hash set used for novelty in saved models.
import * as assert from 'node:assert/strict';
import { generationReport, jensenShannon, kmerDistribution, meanPairwiseHamming, normalizedHamming, referenceStats } from '../../src/core/metrics/generation';
import { isValidPair } from '../../src/core/synthetic/pairTask';
import { TrainingPairSet } from '../../src/ml/pairs/io/trainingPairs';

const close = (a: number, b: number, eps = 1e-12) => assert.ok(Math.abs(a - b) <= eps, `${a} vs ${b}`);

describe('generation metrics', () => {
  it('normalised Hamming: case, T = U, unequal lengths', () => {
    assert.equal(normalizedHamming('ACGT', 'acgu'), 0);
    assert.equal(normalizedHamming('AAAA', 'AAAC'), 0.25);
    assert.equal(normalizedHamming('AAAA', 'AA'), 0.5); // 2 missing positions of 4
    assert.equal(normalizedHamming('', ''), 0);
  });

  it('mean pairwise Hamming over all pairs i < j', () => {
    // AAAA-AAAC 1/4, AAAA-CCCC 4/4, AAAC-CCCC 3/4 -> mean 8/12
    const r = meanPairwiseHamming(['AAAA', 'AAAC', 'CCCC']);
    close(r.mean, 8 / 12);
    assert.equal(r.pairs, 3);
  });

  it('3-mer distribution and JSD', () => {
    const p = kmerDistribution(['AAAA']); // AAA twice
    assert.equal(p[0], 1);
    const q = kmerDistribution(['CCCC']); // CCC = index 21
    assert.equal(q[21], 1);
    close(jensenShannon(p, q), 1);
    close(jensenShannon(p, p), 0);
    const half = kmerDistribution(['AAAA', 'CCCC']);
    // JSD(p, (p+q)/2) = 0.5 * [1 * log2(1 / 0.75)] + 0.5 * [0.5 log2(0.5/0.25) + 0.5 log2(0.5/0.75)]
    const expected = 0.5 * Math.log2(1 / 0.75) + 0.5 * (0.5 * Math.log2(2) + 0.5 * Math.log2(0.5 / 0.75));
    close(jensenShannon(p, half), expected);
  });

  it('a report of four pairs, counted by hand', () => {
    const pairs = [
      { a: 'AACG', b: 'CGUU', score: 0.9 }, // rule-valid (k = 0), novel
      { a: 'AACG', b: 'CGTT', score: 0.8 }, // same pair (T = U): not unique; rule-valid
      { a: 'GGGG', b: 'CCCC', score: 0.4 }, // rule-valid, in training, below threshold
      { a: 'ACGU', b: 'AAAA', score: 0.7 }, // not valid
    ];
    const training = TrainingPairSet.fromPairs([{ a: 'GGGG', b: 'CCCC' }]);
    const reference = referenceStats([{ a: 'AAAA', b: 'UUUU' }, { a: 'CCCC', b: 'GGGG' }]);
    const r = generationReport(pairs, {
      threshold: 0.5,
      isTrainingPair: (a, b) => training.has(a, b),
      reference,
      rule: { name: 'revcomp k=0', test: (a, b) => isValidPair(a, b, 0) },
    });
    assert.equal(r.n, 4);
    assert.deepEqual(r.unique, { count: 3, fraction: 0.75 });
    assert.deepEqual(r.accepted, { count: 3, fraction: 0.75, threshold: 0.5 });
    assert.deepEqual(r.rule, { name: 'revcomp k=0', count: 3, fraction: 0.75 });
    assert.deepEqual(r.novel, { count: 3, fraction: 0.75 });
    // A: AACG,AACG 0; AACG-GGGG 3/4; AACG-ACGU 3/4; AACG-GGGG 3/4; AACG-ACGU 3/4; GGGG-ACGU 3/4 -> 15/4 / 6
    close(r.diversity.a, 15 / 24);
    close(reference.meanHamming.a, 1);
    close(r.diversity.ratio!.a, 15 / 24);
    assert.ok(r.kmer3Jsd!.a > 0 && r.kmer3Jsd!.a <= 1);
  });

  it('training-pair hashes round-trip through bytes and ignore case and T/U', () => {
    const set = TrainingPairSet.fromPairs([{ a: 'ACGT', b: 'ACGT' }, { a: 'acgu', b: 'ACGU' }, { a: 'GG', b: 'CC' }]);
    assert.equal(set.size, 2);
    const back = TrainingPairSet.fromBytes(set.toBytes())!;
    assert.ok(back.has('ACGU', 'acgt'));
    assert.ok(back.has('GG', 'CC'));
    assert.ok(!back.has('GG', 'CA'));
    assert.equal(TrainingPairSet.fromBytes(new Uint8Array(7)), undefined);
  });
});

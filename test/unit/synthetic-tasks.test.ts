// Synthetic tasks: the structure-only regression task (known hairpins, decoys, exact target
// functions) and the reverse-complement pair task with its exact rule; both deterministic.
import * as assert from 'node:assert/strict';
import { structureProblem } from '../../src/core/datasets/validate';
import { regressionFeatureMatrix, REGRESSION_FEATURE_COUNT } from '../../src/core/baselines/regressionFeatures';
import { complementMismatches, generatePairTask, isValidPair } from '../../src/core/synthetic/pairTask';
import { closingGcCount, generateStructureTask, pairedInWindow } from '../../src/core/synthetic/structureTask';
import { parsePairTable } from '../../src/core/structure/dotBracket';
import { isCanonicalPair } from '../../src/core/sequence/alphabet';

describe('synthetic structure task', () => {
  it('computes the target functions by hand', () => {
    // Two hairpins: closing pairs G3-C7 (counts) and G12-U16 (does not); outer pairs G2-C8, A11-U17.
    assert.equal(closingGcCount('AAGGAAACCAAAGAAAUUA', '..((...))..((...)).'), 1);
    assert.equal(closingGcCount('GGGAAACCC', '(((...)))'), 1);
    assert.equal(closingGcCount('GGAAAUC', '((...))'), 0);
    assert.equal(closingGcCount('GCAAAGC', '((...))'), 1, 'closing pair C1-G5');
    assert.equal(closingGcCount('GGAAACCGGAAACC', '((...))((...))'), 2);
    assert.equal(pairedInWindow('..((...))..', 0, 4), 2);
    assert.equal(pairedInWindow('((...))', 5, 100), 2);
  });

  it('generates valid records whose structure is canonical, balanced and matches the target', () => {
    const recs = generateStructureTask({ n: 300, seed: 1 });
    assert.equal(recs.length, 300);
    const targets = new Set<number>();
    for (const r of recs) {
      assert.match(r.sequence, /^[ACGU]+$/);
      assert.ok(r.sequence.length >= 80 && r.sequence.length <= 110, `${r.sequence.length}`);
      assert.equal(structureProblem(r.structure!, r.sequence.length), undefined);
      const pt = parsePairTable(r.structure!).partner;
      pt.forEach((j, i) => j > i && assert.ok(isCanonicalPair(r.sequence[i], r.sequence[j])));
      assert.equal(r.target, closingGcCount(r.sequence, r.structure!));
      targets.add(r.target);
    }
    assert.deepEqual([...targets].sort(), [0, 1, 2, 3]);
    assert.deepEqual(recs, generateStructureTask({ n: 300, seed: 1 }));
    assert.notDeepEqual(recs[0], generateStructureTask({ n: 1, seed: 2 })[0]);
  });

  it('hides the target from the sequence alone (decoys): k-mer features explain little of it', () => {
    const recs = generateStructureTask({ n: 2000, seed: 3 });
    // Correlation of the target with the G+C content is weak.
    const x = regressionFeatureMatrix(recs.map((r) => ({ sequence: r.sequence })));
    const gc = recs.map((_, i) => x[i * REGRESSION_FEATURE_COUNT + 1] + x[i * REGRESSION_FEATURE_COUNT + 2]);
    const y = recs.map((r) => r.target);
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const mx = mean(gc);
    const my = mean(y);
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    gc.forEach((g, i) => {
      sxy += (g - mx) * (y[i] - my);
      sxx += (g - mx) ** 2;
      syy += (y[i] - my) ** 2;
    });
    assert.ok(Math.abs(sxy / Math.sqrt(sxx * syy)) < 0.3, `r = ${sxy / Math.sqrt(sxx * syy)}`);
  });

  it('places decoys: stem-loop motifs left unpaired in the structure', () => {
    const recs = generateStructureTask({ n: 20, seed: 7, length: 40, hairpins: [1, 1], decoys: [2, 2], stemLength: [4, 4], loopLength: [3, 3] });
    for (const r of recs) {
      assert.equal((r.structure!.match(/\(/g) ?? []).length, 4, 'one real hairpin');
      // Unpaired 11-nt windows whose first 4 and last 4 bases pair (canonical): the decoys.
      let motifs = 0;
      for (let i = 0; i + 11 <= 40; i++) {
        if (!/^\.{11}$/.test(r.structure!.slice(i, i + 11))) continue;
        let stem = true;
        for (let k = 0; k < 4; k++) stem &&= isCanonicalPair(r.sequence[i + k], r.sequence[i + 10 - k]);
        if (stem) motifs++;
      }
      assert.ok(motifs >= 2, `${r.sequence} ${r.structure} ${motifs}`);
    }
  });

  it('supports the paired-in-window target and noise', () => {
    const recs = generateStructureTask({ n: 50, seed: 4, target: 'pairedInWindow', window: [10, 40], length: 60 });
    for (const r of recs) {
      assert.equal(r.sequence.length, 60);
      assert.equal(r.target, pairedInWindow(r.structure!, 10, 40));
    }
    const noisy = generateStructureTask({ n: 50, seed: 4, target: 'pairedInWindow', window: [10, 40], length: 60, noise: 0.5 });
    assert.ok(noisy.some((r, i) => r.target !== recs[i].target));
  });
});

describe('synthetic pair task', () => {
  it('applies the exact rule', () => {
    assert.equal(complementMismatches('ACGTT', 'AACGT'), 0);
    assert.ok(isValidPair('ACGTT', 'AACGT', 0));
    assert.ok(isValidPair('acgtt', 'aacgu', 0), 'case and T/U ignored');
    assert.equal(complementMismatches('ACGTT', 'AACGG'), 1);
    assert.ok(!isValidPair('ACGTT', 'AACGG', 0));
    assert.ok(isValidPair('ACGTT', 'AACGG', 1));
    assert.ok(!isValidPair('ACGTT', 'AACG', 3), 'lengths must match');
    assert.ok(!isValidPair('GGGG', 'UUCC', 1), 'G-U is a mismatch for the rule');
    assert.ok(!isValidPair('', '', 0));
  });

  for (const k of [0, 2]) {
    it(`generates 26-nt pairs with k = ${k}: positives obey the rule, negatives of all kinds do not`, () => {
      const recs = generatePairTask({ positives: 600, negatives: 600, k, seed: 11 });
      assert.equal(recs.length, 1200);
      assert.equal(recs.filter((r) => r.label === 1).length, 600);
      let mismatchedNegatives = 0;
      let shuffledLike = 0;
      for (const r of recs) {
        assert.match(r.a, /^[ACGT]{26}$/);
        assert.match(r.b, /^[ACGT]{26}$/);
        assert.equal(isValidPair(r.a, r.b, k), r.label === 1, `${r.id} ${r.a} ${r.b}`);
        const mm = complementMismatches(r.a, r.b);
        if (r.label === 1) assert.ok(mm <= k);
        else if (mm <= k + 3) mismatchedNegatives++;
        if (r.label === 0 && [...r.b].sort().join('') === [...r.a].map((c) => ({ A: 'T', C: 'G', G: 'C', T: 'A' })[c]).sort().join('')) shuffledLike++;
      }
      assert.ok(mismatchedNegatives > 150, `hard negatives ${mismatchedNegatives}`);
      assert.ok(shuffledLike > 150, `same-composition negatives ${shuffledLike}`);
      assert.deepEqual(recs, generatePairTask({ positives: 600, negatives: 600, k, seed: 11 }));
    });
  }

  it('uses positives with up to k mismatches, length ranges and RNA', () => {
    const recs = generatePairTask({ positives: 400, negatives: 10, k: 2, seed: 5, length: [20, 30], alphabet: 'RNA' });
    const seen = new Set<number>();
    for (const r of recs) {
      assert.match(r.a, /^[ACGU]+$/);
      assert.ok(r.a.length >= 20 && r.a.length <= 30 && r.b.length === r.a.length);
      if (r.label === 1) seen.add(complementMismatches(r.a, r.b));
    }
    assert.deepEqual([...seen].sort(), [0, 1, 2]);
  });

  it('refuses an impossible task instead of looping', () => {
    assert.throws(() => generatePairTask({ positives: 0, negatives: 1, k: 3, length: 2, seed: 0 }), RangeError);
  });
});

// Structure evaluation against RNAeval 2.7.1 (eval.tsv: all rows exact), loop decomposition as
// RNAeval -v, two-strand structures, and input errors.
import * as assert from 'node:assert/strict';
import { cofold, evalStructure } from '../../src/core/structure/index';
import { dcal, readTsv } from '../fixtures/viennarna/loadReference';

describe('fold: evalStructure', () => {
  it('equals RNAeval for every structure of eval.tsv', () => {
    const rows = readTsv('eval.tsv');
    const wrong = rows.filter((r) => dcal(evalStructure(r.sequence, r.structure).energy) !== dcal(r.energy_kcal));
    assert.deepEqual(wrong.map((r) => r.id), []);
    assert.ok(rows.length >= 75);
  });

  it('decomposes into loops like RNAeval -v', () => {
    const seq = 'AUCUAUUUAUCCCCACUCGGGCCAGGCAACCCGGUUAAUUUCCGACUUCAUUAAACCGA';
    const r = evalStructure(seq, '...........(((....)))..........(((((.................))))).');
    assert.equal(r.energy, -6.9);
    assert.deepEqual(
      r.loops.map((l) => [l.kind, l.i, l.j, l.k ?? 0, l.l ?? 0, Math.round(l.energy * 100)]),
      [
        ['exterior', 0, 0, 0, 0, -220],
        ['interior', 12, 21, 13, 20, -330],
        ['interior', 13, 20, 14, 19, -330],
        ['hairpin', 14, 19, 0, 0, 410],
        ['interior', 32, 58, 33, 57, -240],
        ['interior', 33, 57, 34, 56, -330],
        ['interior', 34, 56, 35, 55, -220],
        ['interior', 35, 55, 36, 54, -90],
        ['hairpin', 36, 54, 0, 0, 660],
      ],
    );
    const ml = evalStructure('GGGAAACCCAGGGAAACCCAGGGAAACCCA', '((((((...))).(((...))).)))....');
    assert.deepEqual(ml.loops.map((l) => l.kind), ['exterior', 'interior', 'interior', 'multi', 'interior', 'interior', 'hairpin', 'interior', 'interior', 'hairpin']);
    assert.equal(Math.round(ml.loops.reduce((a, l) => a + l.energy, 0) * 100), Math.round(ml.energy * 100));
  });

  it('evaluates two-strand structures as RNAcofold scores them', () => {
    for (const r of readTsv('cofold.tsv').slice(0, 40)) {
      const seq = `${r.seq_a}&${r.seq_b}`;
      assert.equal(dcal(evalStructure(seq, r.cofold_structure).energy), dcal(r.cofold_mfe_kcal), r.id);
      const mine = cofold(seq);
      assert.equal(evalStructure(seq, mine.structure).energy, mine.energy, r.id);
    }
  });

  it('normalises the sequence and reports unpairable bases', () => {
    const a = evalStructure('gggaaaccc', '(((...)))');
    const b = evalStructure('GGGAAACCC', '(((...)))');
    assert.equal(a.energy, b.energy);
    assert.equal(evalStructure('GGGAAACCC'.replace(/U/g, 'T'), '(((...)))').energy, b.energy);
    const bad = evalStructure('GGAAAAACC', '(((...)))');
    assert.equal(bad.warnings.length, 1);
    assert.match(bad.warnings[0], /bases 3 and 7 \(AA\) can't pair/);
  });

  it('rejects malformed input', () => {
    assert.throws(() => evalStructure('GGGAAACCC', '(((...))).'), /length 10 differs from sequence length 9/);
    assert.throws(() => evalStructure('GGGAAACCC', '((....)))'), /unbalanced '\)' at position 9/);
    assert.throws(() => evalStructure('GGGAAACCC', '(((..[))]'), /unexpected character '\['/);
    assert.throws(() => evalStructure('GGG&AAACCC', '(((...)))&'), /different positions/);
  });
});

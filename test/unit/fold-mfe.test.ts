// MFE folding against RNAfold 2.7.1 (mfe.tsv): every energy exact; structures identical or, for
// degenerate MFEs, of the same energy. Sequence normalisation and edge cases.
import * as assert from 'node:assert/strict';
import { evalStructure, mfe, type StructureEnergy } from '../../src/core/structure/index';
import { dcal, fullReference, readTsv, type Row } from '../fixtures/viennarna/loadReference';
import { limit } from '../support/timeLimits';

describe('fold: mfe', function () {
  this.timeout(limit(600000));
  let rows: Row[];
  let results: StructureEnergy[];

  before(function () {
    this.timeout(limit(600000));
    rows = readTsv('mfe.tsv');
    results = rows.map((r) => mfe(r.sequence));
  });

  it(`has the reference energy for every sequence (${fullReference ? 'all 2000' : 'fixture subset'})`, () => {
    const wrong = rows.filter((r, k) => dcal(results[k].energy) !== dcal(r.mfe_kcal)).map((r) => r.id);
    assert.deepEqual(wrong, []);
    assert.ok(rows.length >= (fullReference ? 2000 : 140));
  });

  it('finds the reference structure, or one of equal energy', () => {
    let identical = 0;
    rows.forEach((r, k) => {
      const s = results[k].structure;
      if (s === r.mfe_structure) identical++;
      else assert.equal(evalStructure(r.sequence, s).energy, results[k].energy, r.id);
    });
    // all 2000 reference structures are reproduced with ViennaRNA's backtracking order
    assert.equal(identical, rows.length);
  });

  it('covers every group and length band', () => {
    const groups = new Set(rows.map((r) => r.id.split('_')[0]));
    assert.deepEqual([...groups].sort(), ['gc', 'long', 'mid', 'short', 'vlong']);
    assert.ok(Math.max(...rows.map((r) => r.sequence.length)) > 500);
  });

  it('accepts lower case and T, and leaves N unpaired', () => {
    const r = rows.find((x) => x.sequence.length > 40 && x.mfe_structure.includes('('))!;
    const lower = mfe(r.sequence.toLowerCase().replace(/u/g, 't'));
    assert.deepEqual(lower, mfe(r.sequence));
    const withN = 'GGGGGNNNNCCCCCAAAAAAGGGGAAAACCCC';
    const m = mfe(withN);
    for (let k = 5; k < 9; k++) assert.equal(m.structure[k], '.');
    assert.equal(evalStructure(withN, m.structure).energy, m.energy);
  });

  it('handles empty and tiny sequences', () => {
    assert.deepEqual(mfe(''), { structure: '', energy: 0 });
    assert.deepEqual(mfe('GAAAC'), { structure: '.....', energy: 0 });
    assert.deepEqual(mfe('GGGAAAUCC'), { structure: '.........', energy: 0 });
  });
});

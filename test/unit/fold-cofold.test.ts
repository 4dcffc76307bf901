// Two-strand co-folding against RNAcofold 2.7.1 (cofold.tsv: all energies exact).
import * as assert from 'node:assert/strict';
import { cofold, evalStructure } from '../../src/core/structure/index';
import { dcal, fullReference, readTsv } from '../fixtures/viennarna/loadReference';

describe('fold: cofold', () => {
  const rows = readTsv('cofold.tsv');

  it(`has the RNAcofold MFE for every pair (${fullReference ? 'all 500' : 'fixture subset'})`, () => {
    const wrong: string[] = [];
    let identical = 0;
    for (const r of rows) {
      const c = cofold(r.seq_a, r.seq_b);
      if (dcal(c.energy) !== dcal(r.cofold_mfe_kcal)) wrong.push(r.id);
      if (c.structure === r.cofold_structure) identical++;
      assert.equal(evalStructure(`${r.seq_a}&${r.seq_b}`, c.structure).energy, c.energy, r.id);
    }
    assert.deepEqual(wrong, []);
    assert.ok(identical >= 0.95 * rows.length, `${identical} identical structures`);
  });

  it('takes "A&B", includes the duplex initiation only when the strands pair', () => {
    assert.deepEqual(cofold('GGGAAACCC&GGGUUUCCC'), cofold('GGGAAACCC', 'GGGUUUCCC'));
    const apart = cofold('AAAAAAAA&CCCCCCCC');
    assert.deepEqual(apart, { structure: '........&........', energy: 0 });
    const duplex = cofold('GGGGGGGG&CCCCCCCC');
    assert.equal(duplex.structure, '((((((((&))))))))');
    // stacks - terminal none + duplex initiation 4.10
    assert.equal(duplex.energy, evalStructure('GGGGGGGG&CCCCCCCC', '((((((((&))))))))').energy);
    assert.throws(() => cofold('GGGG'), /two strands/);
  });
});

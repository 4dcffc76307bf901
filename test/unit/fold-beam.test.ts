// Linear-time beam mode: without pruning it is the exact algorithm (same MFE, same ensemble energy,
// same pair probabilities); with the default beam it stays close on moderate lengths.
import * as assert from 'node:assert/strict';
import { beamAccuracy, beamMfe, beamPartition, mfe, partition } from '../../src/core/structure/index';
import { readTsv } from '../fixtures/viennarna/loadReference';
import { limit } from '../support/timeLimits';

describe('fold: beam mode', function () {
  this.timeout(limit(300000));
  const rows = readTsv('pf.tsv');
  const picks = [rows[3], rows[20], rows.find((r) => r.sequence.length > 120)!, rows.find((r) => r.sequence.length > 250)!];

  it('equals the exact algorithm when nothing is pruned', () => {
    for (const r of picks) {
      const exact = partition(r.sequence);
      const unl = { beam: 0, maxMultiLead: 10000 };
      assert.deepEqual(beamMfe(r.sequence, unl).energy, exact.mfe.energy, r.id);
      const b = beamPartition(r.sequence, unl);
      assert.ok(Math.abs(b.ensembleEnergyExact - exact.ensembleEnergyExact) < 1e-9, r.id);
      let max = 0;
      exact.bpp.forEach((i, j, p) => (max = Math.max(max, Math.abs(p - b.bpp.get(i, j)))));
      b.bpp.forEach((i, j, p) => (max = Math.max(max, Math.abs(p - exact.bpp.get(i, j)))));
      assert.ok(max < 1e-9, `${r.id}: ${max}`);
    }
  });

  it('stays close to the exact results with the default beam (100)', () => {
    for (const r of picks) {
      const acc = beamAccuracy(r.sequence);
      assert.equal(acc.beam, 100);
      assert.ok(acc.maxAbsDiff <= 0.01, `${r.id}: max |dp| ${acc.maxAbsDiff} at ${JSON.stringify(acc.at)}`);
      assert.ok(Math.abs(acc.ensembleEnergyBeam - acc.ensembleEnergyExact) < 0.05, r.id);
      const m = beamMfe(r.sequence);
      assert.equal(m.energy, mfe(r.sequence).energy, r.id);
    }
  });

  it('returns sparse probabilities with the dense API', () => {
    const b = beamPartition(picks[2].sequence, { beam: 50 });
    const pairs = b.bpp.pairs(0.05);
    assert.ok(pairs.length > 0);
    for (const { i, j, p } of pairs) assert.equal(b.bpp.get(j, i), p);
    assert.equal(b.bpp.get(1, 1), 0);
    assert.ok(b.diversity >= 0);
    assert.deepEqual(beamMfe(''), { structure: '', energy: 0 });
  });
});

// Structure composition: loop-type letters (bpRNA / OpenVaccine alphabet) for hand-drawn cases,
// summaries of a hand-computed example, and the comparison with OpenVaccine's predicted_loop_type.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readTable } from '../../src/core/datasets/table';
import { loopTypes, pairType, STRUCTURE_FEATURE_NAMES, structureComposition, structureFeaturesInto } from '../../src/core/encoding/structureFeatures';

const OPENVACCINE = path.resolve(__dirname, '../../../shared/datasets/openvaccine/data.tsv');

describe('structureFeatures', () => {
  const cases: [string, string, string][] = [
    ['hairpin', '(((...)))', 'SSSHHHSSS'],
    ['bulge', '((.((...))))', 'SSBSSHHHSSSS'],
    ['interior loop', '((.((...)).))', 'SSISSHHHSSISS'],
    ['multiloop', '(.(...).(...).)', 'SMSHHHSMSHHHSMS'],
    ['exterior ends and between branches', '..(...)..(...)..', 'EESHHHSXXSHHHSEE'],
    ['unpaired', '....', 'EEEE'],
    ['stacked pairs only', '(())', 'SSSS'],
    ['pseudoknot (crossing pairs are S, loops from the nested part)', '((..[[..))..]]', 'SSHHSSHHSSEESS'],
    ['empty', '', ''],
  ];
  for (const [what, s, expected] of cases) it(`labels ${what}`, () => assert.equal(loopTypes(s), expected));

  it('summarises a hand-computed example', () => {
    const seq = 'AAGCGAAACGCAAGUAAAAU';
    const db = '..(((...)))..((...))';
    assert.equal(loopTypes(db), 'EESSSHHHSSSXXSSHHHSS');
    const c = structureComposition(db, seq);
    assert.deepEqual(c, {
      length: 20, pairs: 5, fractionPaired: 0.5, stems: 2, hairpins: 2, meanStemLength: 2.5,
      fractionHairpin: 0.3, fractionBulge: 0, fractionInterior: 0, fractionMultiloop: 0, fractionExterior: 0.2,
      gcPairs: 3, auPairs: 1, guPairs: 1, otherPairs: 0,
      paired: [0.05, 0.15, 0.2, 0.1], unpaired: [0.5, 0, 0, 0],
    });
    const v = new Float64Array(STRUCTURE_FEATURE_NAMES.length + 1).fill(-1);
    structureFeaturesInto(db, seq, v, 1);
    assert.equal(v[0], -1);
    assert.deepEqual(Array.from(v.subarray(1)), [0.5, 0.3, 0, 0, 0, 0.2, 2, 2, 2.5, 0.6, 0.2, 0.2, 0.05, 0.15, 0.2, 0.1, 0.5, 0, 0, 0]);
  });

  it('counts a stem broken by a bulge as two stems', () => {
    const c = structureComposition('((.((...))))');
    assert.equal(c.stems, 2);
    assert.equal(c.meanStemLength, 2);
    assert.equal(c.fractionBulge, 1 / 12);
  });

  it('classifies pair types', () => {
    assert.deepEqual([pairType('G', 'c'), pairType('U', 'A'), pairType('t', 'g'), pairType('A', 'G')], ['GC', 'AU', 'GU', 'other']);
  });

  it('agrees with OpenVaccine predicted_loop_type except for bpRNA M in some exterior segments', function () {
    if (!fs.existsSync(OPENVACCINE)) return this.skip();
    const t = readTable(fs.readFileSync(OPENVACCINE, 'utf8'), OPENVACCINE);
    const s = t.names.indexOf('structure');
    const l = t.names.indexOf('predicted_loop_type');
    let identical = 0;
    let differing = 0;
    let positions = 0;
    for (const row of t.rows) {
      const mine = loopTypes(row.cells[s].text);
      const theirs = row.cells[l].text;
      if (mine === theirs) identical++;
      for (let i = 0; i < mine.length; i++) {
        positions++;
        if (mine[i] !== theirs[i]) {
          differing++;
          assert.equal(`${mine[i]}->${theirs[i]}`, 'X->M', `row ${row.line} position ${i + 1}`);
        }
      }
    }
    assert.equal(t.rows.length, 3122);
    assert.equal(identical, 2666);
    assert.equal(differing, 3835);
    assert.equal(positions, 391393);
  });
});

// Pair baselines: longest complementary run, min-mismatch alignment, seed-site types (hand-made
// cases), and their AUROC on ../shared/datasets/miraw when present (seed-match rule 0.797 on all
// rows, as quoted in issue 5).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { loadMiraw, MIRAW, scoreRules } from '../../bench/baselines/miraw-pairs';
import { pairsWith, reverseComplement } from '../../src/core/baselines/complement';
import { alignmentScore, longestComplementaryRun, minMismatchAlignment, seedMatch7, seedSite, seedSiteScore } from '../../src/core/baselines/pairBaselines';

const code = (c: string) => c.charCodeAt(0);

describe('pair baselines', () => {
  it('complements', () => {
    assert.equal(reverseComplement('AACGU'), 'ACGUU');
    assert.equal(reverseComplement('aacgt', 'DNA'), 'ACGTT');
    assert.equal(reverseComplement('RYN'), 'NRY');
    assert.ok(pairsWith(code('G'), code('C')) && pairsWith(code('a'), code('T')) && !pairsWith(code('G'), code('U')));
    assert.ok(pairsWith(code('G'), code('U'), true) && !pairsWith(code('N'), code('N'), true));
  });

  it('finds the longest antiparallel Watson-Crick run at any offset', () => {
    assert.equal(longestComplementaryRun('GGGAAA', 'UUUCCC'), 6);
    assert.equal(longestComplementaryRun('GGGAAA', 'UUACCC'), 3);
    assert.equal(longestComplementaryRun('GGGG', 'UUCC'), 2);
    assert.equal(longestComplementaryRun('GGGG', 'UUCC', { gu: true }), 4);
    assert.equal(longestComplementaryRun('AAAA', 'GGGGGGUUG'), 2);
    assert.equal(longestComplementaryRun('', 'ACGU'), 0);
  });

  it('aligns A against the reverse complement of B without gaps', () => {
    assert.deepEqual(minMismatchAlignment('ACGU', 'GGACGUGG'), { mismatches: 0, overlap: 4, offset: 2 });
    assert.deepEqual(minMismatchAlignment('AAAA', 'UUUG'), { mismatches: 1, overlap: 4, offset: 0 });
    assert.deepEqual(minMismatchAlignment('GGACGUGG', 'ACGU'), { mismatches: 0, overlap: 4, offset: 2 });
    assert.equal(alignmentScore('AAAA', 'UUUG'), 0.75);
    assert.equal(alignmentScore('AAAA', 'UUUG', { gu: true }), 0.75);
    assert.equal(alignmentScore('GGGG', 'UUCC', { gu: true }), 1);
  });

  it('classifies miRNA seed sites (let-7: seed GAGGUAG, site CUACCUC)', () => {
    const mir = 'UGAGGUAGUAGGUUGUAUGGUU';
    assert.equal(seedSite(mir, 'GGCUACCUCAGG'), '8mer');
    assert.equal(seedSite(mir, 'GGCUACCUCGGG'), '7mer-m8');
    assert.equal(seedSite(mir, 'GGGUACCUCAGG'), '7mer-A1');
    assert.equal(seedSite(mir, 'GGGUACCUCGGG'), '6mer');
    assert.equal(seedSite(mir, 'GGGUACGUCGGG'), 'none');
    assert.equal(seedSite(mir, 'ggctacctcagg'), '8mer', 'DNA and lower case');
    assert.equal(seedSiteScore(mir, 'GGCUACCUCAGG'), 4);
    assert.equal(seedMatch7(mir, 'GGCCAGGCCGCCCCGGACACUGACUCCAACUACCUCCGUG'), 1);
    assert.equal(seedMatch7(mir, 'GGGUACCUCAGG'), 0);
    assert.equal(seedMatch7('UGAG', 'CUACCUC'), 0);
  });

  it('scores miRAW like issue 5 says (seed match 0.797 on all rows) and reports the test split', function () {
    if (!fs.existsSync(MIRAW)) return this.skip();
    const data = loadMiraw();
    const all = scoreRules(data.records);
    assert.equal(all['seed match 7mer-m8'].auroc.toFixed(3), '0.797');
    const test = scoreRules(data.records.filter((r) => r.split === 'test'));
    assert.equal(test['seed match 7mer-m8'].auroc.toFixed(4), '0.7880');
    assert.equal(test['seed site type'].auroc.toFixed(4), '0.8702');
    assert.equal(test['longest Watson-Crick run'].auroc.toFixed(4), '0.9050');
    assert.equal(test['min-mismatch alignment'].auroc.toFixed(4), '0.7322');
  });
});

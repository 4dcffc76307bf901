// Parameter files: the ViennaRNA .par reader (typo tolerance, section spellings, errors naming
// file:line), the built-in Turner 2004 set, and the Turner 1999 / DNA Mathews 2004 sets.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import {
  ParameterFileError,
  defaultParameters,
  evalStructure,
  loadParameterFile,
  mfe,
  parseParameters,
  partition,
} from '../../src/core/structure/index';
import { VALUE_SECTIONS, parseParameterFile, sectionValues } from '../../src/core/structure/params/parFile';
import { fullReference, parameterFile, readTsv } from '../fixtures/viennarna/loadReference';

const HEADER = '## RNAfold parameter file v2.0\n';
const STACK = (gu_au: string) =>
  [
    '# stack',
    '/*  CG    GC    GU    UG    AU    UA    NN  */',
    '  -240  -330  -210  -140  -210  -210  -140',
    '  -330  -340  -250  -150  -220  -240  -150',
    `  -210  -250   130   -50  ${gu_au}  -130   130`,
    '  -140  -150   -50    30   -60  -100    30',
    '  -210  -220  -140   -60  -110   -90   -60',
    '  -210  -240  -130  -100   -90  -130   -90',
    '  -140  -150   130    30   -60   -90   130',
    '',
  ].join('\n');

describe('fold: parameter files', () => {
  it('reads the -1i40 typo as -140 and reports it with file:line', () => {
    const { params, warnings } = parseParameters(HEADER + '\n' + STACK('-1i40'), 'typo.par');
    const GU = 3, AU = 5;
    assert.equal(params.raw.stack.dG[GU * 8 + AU], -140);
    assert.deepEqual(warnings, ["typo.par:7: malformed number '-1i40' in section 'stack' read as -140"]);
  });

  it('accepts both interior* and internal* section names', () => {
    const body = (name: string) =>
      `${HEADER}\n# ${name}\n   INF   INF   INF   INF   110   200   200   210   230   240\n` +
      '   250   260   270   280   290   290   300   310   310   320\n' +
      '   330   330   340   340   350   350   350   360   360   370\n   371\n';
    const a = parseParameters(body('interior'), 'a.par');
    const b = parseParameters(body('internal'), 'b.par');
    assert.deepEqual(a.warnings, []);
    assert.deepEqual(b.warnings, []);
    assert.equal(a.params.raw.interior.dG[30], 371);
    assert.deepEqual(a.params.raw.interior.dG, b.params.raw.interior.dG);
    const mm = (name: string) => `${HEADER}# ${name}\n` + '  -50 -50 -50 -50 -50\n'.repeat(35);
    const c = parseParameters(mm('mismatch_interior_23'), 'c.par');
    const d = parseParameters(mm('mismatch_internal_23'), 'd.par');
    assert.deepEqual(c.params.raw.mismatchInterior23.dG, d.params.raw.mismatchInterior23.dG);
    assert.equal(c.params.raw.mismatchInterior23.dG[25 + 7], -50);
  });

  it('rejects malformed files with an error naming file:line', () => {
    const bad = HEADER + '\n' + STACK('abc');
    assert.throws(() => parseParameters(bad, 'bad.par'), (e: unknown) => {
      assert.ok(e instanceof ParameterFileError);
      assert.equal(e.file, 'bad.par');
      assert.equal(e.line, 7);
      assert.match(e.message, /^bad\.par:7: can't interpret 'abc' in section 'stack'/);
      return true;
    });
    assert.throws(() => parseParameters(`${HEADER}# hairpin\n  INF INF 1 /* open\n`, 'c.par'), /c\.par:3: unclosed comment/);
    assert.throws(() => parseParameters(`${HEADER}# ML_params\n 0 0 930\n`, 'short.par'), /short\.par:3: unexpected end of file in section 'ML_params'/);
    assert.throws(() => loadParameterFile('/nonexistent/x.par'), /ENOENT/);
  });

  it('warns about a missing header and unknown sections', () => {
    const { warnings } = parseParameters('# nonsense\n1 2 3\n', 'h.par');
    assert.deepEqual(warnings, [
      "h.par:1: missing header line '## RNAfold parameter file v2.0'; the file may not be in v2.0 format",
    ]);
    const w2 = parseParameters(`${HEADER}# nonsense\n`, 'u.par').warnings;
    assert.deepEqual(w2, ["u.par:2: unknown section 'nonsense' ignored"]);
  });

  it('built-in Turner 2004 equals rna_turner2004.par with the typo fixed', function () {
    const file = parameterFile('rna_turner2004.par');
    if (!file) this.skip();
    const { params, warnings } = parseParameterFile(fs.readFileSync(file!, 'utf8'), 'rna_turner2004.par');
    assert.deepEqual(warnings, ["rna_turner2004.par:7: malformed number '-1i40' in section 'stack' read as -140"]);
    const builtIn = defaultParameters().raw;
    for (const name of VALUE_SECTIONS) assert.deepEqual(sectionValues(params, name), sectionValues(builtIn, name), name);
    assert.deepEqual(params.tetraloops, builtIn.tetraloops);
    assert.deepEqual(params.triloops, builtIn.triloops);
    assert.deepEqual(params.hexaloops, builtIn.hexaloops);
    const loaded = loadParameterFile(file!);
    const seq = 'GGGAGCUCAGCUGGUAGAGCGCUUGCCUUGCAAGCAAGAGGUCACCGGUUCGAUCCCGGUCUCUCCA';
    assert.deepEqual(mfe(seq, { params: loaded.params }), mfe(seq));
  });

  describe('other parameter sets', () => {
    const seqs = readTsv('mfe.tsv')
      .filter((r) => r.sequence.length <= 200)
      .slice(0, fullReference ? 60 : 30);

    it('Turner 1999 loads, differs from 2004 and is self-consistent', () => {
      const { params, warnings } = loadParameterFile(parameterFile('rna_turner1999.par')!);
      assert.deepEqual(warnings, []);
      let differs = 0;
      for (const r of seqs) {
        const m = mfe(r.sequence, { params });
        assert.equal(evalStructure(r.sequence, m.structure, { params }).energy, m.energy, r.id);
        if (m.energy !== Number(r.mfe_kcal)) differs++;
      }
      assert.ok(differs > seqs.length / 3, `only ${differs} differ`);
      const p = partition(seqs[3].sequence, { params });
      assert.ok(p.ensembleEnergy <= p.mfe.energy);
    });

    it('DNA Mathews 2004 loads and folds self-consistently', () => {
      const { params, warnings } = loadParameterFile(parameterFile('dna_mathews2004.par')!);
      assert.deepEqual(warnings, ['dna_mathews2004.par: stacking enthalpies not symmetric']);
      const dna = 'GCGCTTCGCGATATCGCGAAGCGCTTTTAGCTAGCATCGATCGGGATCCAGCTAG';
      const m = mfe(dna, { params });
      assert.equal(m.structure.length, dna.length);
      assert.ok(m.energy < 0);
      assert.equal(evalStructure(dna, m.structure, { params }).energy, m.energy);
      for (const r of seqs.slice(0, 15)) {
        const x = mfe(r.sequence, { params });
        assert.equal(evalStructure(r.sequence, x.structure, { params }).energy, x.energy, r.id);
      }
      const p = partition(dna, { params });
      assert.ok(p.mfeFrequency > 0 && p.mfeFrequency <= 1);
    });
  });

  it('supports other temperatures', () => {
    const seq = 'GGGGAAACCCCAUCGUAGCUAGCUACGAUGCAUGCAUCG';
    const hot = mfe(seq, { temperature: 60 });
    const cold = mfe(seq, { temperature: 37 });
    assert.ok(hot.energy > cold.energy);
    assert.equal(evalStructure(seq, hot.structure, { temperature: 60 }).energy, hot.energy);
    const p = partition(seq, { temperature: 60 });
    assert.ok(p.ensembleEnergy <= p.mfe.energy + 1e-9);
  });
});

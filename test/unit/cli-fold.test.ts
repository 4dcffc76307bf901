// `basepair fold`, `eval` and `cofold` print what RNAfold, RNAfold -p --MEA, RNAeval and RNAcofold
// 2.7.1 print, byte for byte (the MFE frequency within 1e-4 relative), on the reference inputs:
// the full set from ../shared/reference/viennarna when present, else the excerpts in
// test/fixtures/rnafold. Also the JSON output, --bpp files and errors naming file:line:column.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli';
import { limit } from '../support/timeLimits';

const ROOT = path.resolve(__dirname, '../..');
const SHARED = path.resolve(ROOT, '../shared/reference/viennarna');
const HAVE_SHARED = fs.existsSync(path.join(SHARED, 'raw/mfe.RNAfold.out'));
const FIX = path.join(ROOT, 'test/fixtures/rnafold');
/** long_0001 of the reference set (RNAfold 2.7.1 MFE -57.50). */
const LONG_0001 =
  'AGCUGGUAUAGUAAAGCUAAUUUUAAGAAGUUGGUAGCUAAUUCCAUAAGGUUACUCGUGGCGCCCGCUCUGUACUCGUCCUUAUCGUGUAGGAAGUGCUAUUAGUGUGAGAGUUUAGGGGGAAUGUAGCCUAAUCUCGUGUUUCCGUGUCACGCGCUCUCUGGGCUGUUCCGGUGGAUUUCUGUAUCCCCAAGGGAGAAUCGAGGUAGGACC';

function input(name: string): string {
  return HAVE_SHARED ? path.join(SHARED, 'inputs', name) : path.join(FIX, name);
}
function output(name: string): string {
  return fs.readFileSync(HAVE_SHARED ? path.join(SHARED, 'raw', name) : path.join(FIX, name), 'utf8');
}

/** The first `records` records of an input file, written to a temp file. */
function head(file: string, records: number, dir: string): string {
  const text = fs.readFileSync(file, 'utf8');
  const parts = text.split(/(?=^>)/m).slice(0, records);
  const out = path.join(dir, path.basename(file));
  fs.writeFileSync(out, parts.join(''));
  return out;
}

/** The first `records` records of an output (records start at '>' lines). */
function headOut(text: string, records: number): string {
  return text.split(/(?=^>)/m).slice(0, records).join('');
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

describe('basepair fold / eval / cofold against ViennaRNA 2.7.1', function () {
  this.timeout(limit(300000));
  let tmp: string;
  before(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-fold-cli-'))));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('fold prints exactly what RNAfold prints (first 300 records of mfe.tsv, or the fixture)', async () => {
    const n = HAVE_SHARED ? 300 : 60;
    const { code, out, err } = await run(['fold', head(input('mfe-input.fa'), n, tmp)]);
    assert.equal(err, '');
    assert.equal(code, 0);
    assert.equal(out, headOut(output('mfe.RNAfold.out'), n));
  });

  it('fold --pf --mea prints RNAfold -p --MEA lines (MFE frequency within 1e-4 relative)', async () => {
    const n = HAVE_SHARED ? 60 : 20;
    const { code, out } = await run(['fold', '--pf', '--mea', head(input('pf-input.fa'), n, tmp)]);
    assert.equal(code, 0);
    const expected = headOut(output('pf.RNAfold.out'), n).split('\n');
    const actual = out.split('\n');
    assert.equal(actual.length, expected.length);
    const FREQ = /^ frequency of mfe structure in ensemble (\S+); ensemble diversity (.*)$/;
    let frequencyLines = 0;
    for (let k = 0; k < expected.length; k++) {
      const e = FREQ.exec(expected[k]);
      if (!e) {
        assert.equal(actual[k], expected[k], `line ${k + 1}`);
        continue;
      }
      frequencyLines++;
      const a = FREQ.exec(actual[k]);
      assert.ok(a, `line ${k + 1}: ${actual[k]}`);
      assert.ok(Math.abs(Number(a[1]) / Number(e[1]) - 1) <= 1e-4, `line ${k + 1}: ${a[1]} vs ${e[1]}`);
      assert.equal(a[2], e[2], `diversity, line ${k + 1}`);
    }
    assert.equal(frequencyLines, n);
  });

  it('eval prints exactly what RNAeval prints', async () => {
    const { code, out } = await run(['eval', input('eval-input.fa')]);
    assert.equal(code, 0);
    assert.equal(out, output('eval.RNAeval.out'));
  });

  it('cofold prints exactly what RNAcofold prints', async () => {
    const { code, out } = await run(['cofold', input('cofold-input.fa')]);
    assert.equal(code, 0);
    assert.equal(out, output('cofold.RNAcofold.out'));
  });

  it('cofold takes two sequences or a TSV of pairs, and --json', async () => {
    const direct = await run(['cofold', '--json', 'AAGCCCCCACACACAUAAAG', 'CGUUAUGGGCGUGGGGGGUU']);
    assert.deepEqual(JSON.parse(direct.out), [
      { sequence: 'AAGCCCCCACACACAUAAAG&CGUUAUGGGCGUGGGGGGUU', structure: '((.(((((((.(.(((((..&..))))).).))))))).))', mfe: -20.8 },
    ]);
    const tsv = path.join(tmp, 'pairs.tsv');
    fs.writeFileSync(tsv, 'id\tseq_a\tseq_b\np1\tAAGCCCCCACACACAUAAAG\tCGUUAUGGGCGUGGGGGGUU\n');
    const fromTable = await run(['cofold', tsv]);
    assert.equal(fromTable.out, '>p1\nAAGCCCCCACACACAUAAAG&CGUUAUGGGCGUGGGGGGUU\n((.(((((((.(.(((((..&..))))).).))))))).)) (-20.80)\n');
    fs.writeFileSync(tsv, 'id\tseq_a\tseq_b\np1\tAAGCXCC\tCGUU\n');
    const bad = await run(['cofold', tsv]);
    assert.equal(bad.code, 1); // bad data: exit 1 (2 is for bad usage)
    assert.equal(bad.err, `basepair: ${tsv}:2:4: 'AAGCXCC' is not a nucleotide sequence\n`);
  });

  it('fold --json gives the documented fields; --bpp writes i j p lists', async () => {
    const fa = path.join(tmp, 'two.fa');
    fs.writeFileSync(fa, '>short_0002 x\nAAACUUACUGGUGUAGCUAGCUCGUAGAACGUCCCCAAGAAUUGACA\n>t/1\nGGGGAAAACCCC\n');
    const dir = path.join(tmp, 'bpp');
    const { code, out } = await run(['fold', '--json', '--mea', '--bpp', dir, fa]);
    assert.equal(code, 0);
    const [a, b] = JSON.parse(out);
    assert.deepEqual(Object.keys(a), ['id', 'sequence', 'structure', 'mfe', 'ensemble', 'mfeFrequency', 'diversity', 'centroid', 'mea']);
    assert.deepEqual([a.id, a.structure, a.mfe, a.ensemble], ['short_0002', '.......(((((...)))))..........(((..........))).', -3.3, -4.73]);
    assert.equal(a.mea, '.......(.((.....)).)...........................');
    assert.equal(b.id, 't/1');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['short_0002.tsv', 't_1.tsv']);
    const lines = fs.readFileSync(path.join(dir, 't_1.tsv'), 'utf8').trim().split('\n');
    assert.equal(lines[0], 'i\tj\tp');
    for (const l of lines.slice(1)) {
      const [i, j, p] = l.split('\t').map(Number);
      assert.ok(i < j && p >= 1e-5 && p <= 1, l);
    }
  });

  it('names the file, line and column of records it cannot fold, folds the others, exits 1', async () => {
    const fa = path.join(tmp, 'bad.fa');
    fs.writeFileSync(fa, '>ok\nGGGGAAAACCCC\n>bad\nGGGXAAAACCCC\n>gap\nGG-GAAAACCCC\n');
    const { code, out, err } = await run(['fold', fa]);
    assert.equal(code, 1);
    assert.equal(out, '>ok\nGGGGAAAACCCC\n((((....)))) ( -5.40)\n');
    assert.match(err, new RegExp(`${fa.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:4:4: 'X' is not allowed`));
    assert.match(err, /bad\.fa:5:1: record 'gap' has alignment gaps/);
  });

  it('eval reports records without a structure or with pseudoknots', async () => {
    const dbn = path.join(tmp, 'e.dbn');
    fs.writeFileSync(dbn, '>none\nGGGGAAAACCCC\n>pk\nGGGGAAAACCCC\n((((..[.))))]\n>ok\nGGGGAAAACCCC\n((((....))))\n');
    const { code, out, err } = await run(['eval', dbn]);
    assert.equal(code, 1);
    assert.equal(out, '>ok\nGGGGAAAACCCC\n((((....)))) ( -5.40)\n');
    assert.match(err, /e\.dbn:1:1: record 'none' has no structure line/);
    assert.match(err, /e\.dbn:3:1: record 'pk': the structure must have the sequence's length and balanced \( \) pairs only/);
  });

  it('fold --beam N gives the exact MFE on 200-500 nt sequences and the RNAfold -p line format', async () => {
    const fa = path.join(tmp, 'long.fa');
    fs.writeFileSync(fa, '>long_0001\n' + LONG_0001 + '\n');
    const { code, out } = await run(['fold', '--json', '--beam', '100', fa]);
    assert.equal(code, 0);
    assert.equal(JSON.parse(out)[0].mfe, -57.5); // RNAfold 2.7.1: -57.50
    const pf = await run(['fold', '--pf', '--beam', '100', fa]);
    assert.match(pf.out.split('\n')[3], /^[.,|{}()]+ \[-?\s*\d+\.\d\d\]$/);
    const bad = await run(['fold', '--beam', '0', fa]);
    assert.equal(bad.code, 2);
  });

  it('plain sequence lines (no headers) fold like RNAfold input', async () => {
    const txt = path.join(tmp, 'plain.txt');
    fs.writeFileSync(txt, 'GGGGAAAACCCC\n\nacgu\n');
    const { out } = await run(['fold', txt]);
    assert.equal(out, 'GGGGAAAACCCC\n((((....)))) ( -5.40)\nACGU\n.... (  0.00)\n');
  });
});

// Attribution (in-silico mutagenesis) of a trained regressor on the synthetic structure task whose
// target counts the G-C pairs closing hairpins: the bases of those closing pairs must carry the
// largest attributions, i.e. the structure panel's attribution mode lights up what the target
// depends on. Goes through the compute process's ActiveModel (saved model, loaded from disk).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ActiveModel } from '../../src/compute/activeModel';
import { generateStructureTask } from '../../src/core/synthetic/structureTask';
import { parsePairTable } from '../../src/core/structure/dotBracket';
import { attributionFrom, substitutions } from '../../src/jobs/mutagenesis';
import { disposeModel, initBackend, saveModel, trainRegressor } from '../../src/ml/index';
import { limit } from '../support/timeLimits';

/** 0-based positions of the pairs that close a hairpin loop (no pair inside them). */
function closingPairPositions(structure: string): Set<number> {
  const { partner } = parsePairTable(structure);
  const out = new Set<number>();
  for (let i = 0; i < structure.length; i++) {
    const j = partner[i];
    if (j <= i) continue;
    let inner = false;
    for (let k = i + 1; k < j && !inner; k++) inner = partner[k] >= 0;
    if (!inner) (out.add(i), out.add(j));
  }
  return out;
}

describe('attribution of the active regressor (in-silico mutagenesis)', function () {
  this.timeout(limit(240000));
  let tmp: string;
  before(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-attr-'))));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('gives the substitutions and the signed largest change per position', () => {
    const m = substitutions('AcT');
    assert.deepEqual(m.map((x) => x.sequence), ['CCU', 'GCU', 'UCU', 'AAU', 'AGU', 'AUU', 'ACA', 'ACC', 'ACG']);
    const values = attributionFrom(3, 1, m, [1.5, 0.2, 1, 1, 1, 1, 1.1, 1.3, 0.95]);
    assert.deepEqual(values.map((v) => Math.round(v * 100) / 100), [-0.8, 0, 0.3]);
  });

  it('lights up the closing base pairs that the synthetic target counts', async () => {
    await initBackend({ prefer: 'wasm' });
    const records = generateStructureTask({ n: 700, seed: 5, target: 'closingGC' });
    const run = await trainRegressor({ records }, { arch: 'default', seed: 1, epochs: 20, patience: 6, learningRate: 4e-3 });
    const dir = path.join(tmp, 'model');
    await saveModel(dir, run.model);
    disposeModel(run.model);
    const active = new ActiveModel();
    await active.load(dir);
    const test = generateStructureTask({ n: 12, seed: 99, target: 'closingGC' }).filter((r) => r.target > 0);
    let closing = 0;
    let closingN = 0;
    let other = 0;
    let otherN = 0;
    for (const r of test) {
      const { values } = await active.attribution({ sequence: r.sequence, structure: r.structure! });
      assert.equal(values.length, r.sequence.length);
      const at = closingPairPositions(r.structure!);
      values.forEach((v, i) => {
        if (at.has(i)) (closing += Math.abs(v), closingN++);
        else (other += Math.abs(v), otherN++);
      });
    }
    const ratio = closing / closingN / (other / otherN);
    assert.ok(ratio >= 3, `mean |attribution| at closing pairs is ${ratio.toFixed(2)}x that elsewhere`);
    await active.load(null);
  });
});

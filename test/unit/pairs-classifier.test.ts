// The pair classifier and the pair model directory: learns a small synthetic reverse-complement task
// (AUROC >= 0.95 on held-out pairs within a few epochs), grouped split by seq_a, the model directory
// is written atomically (a cancelled job leaves nothing), and old or foreign cards are refused with a
// ModelFileError naming card.json.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { syntheticPairTsv } from '../../src/core/synthetic/pairTaskTsv';
import { runPairTraining } from '../../src/jobs/pairTraining';
import { initBackend } from '../../src/ml/backend/initBackend';
import { ModelFileError } from '../../src/ml/io/modelFileError';
import { disposePairModel, loadPairModel } from '../../src/ml/pairs/io/pairModelDir';
import { syntheticRecords } from '../../src/ml/pairs/synthetic';
import { trainPairClassifier } from '../../src/ml/pairs/trainClassifier';
import { Cancelled } from '../../src/ml/engine/cancelled';
import { limit } from '../support/timeLimits';

describe('pair classifier', function () {
  this.timeout(limit(240_000));
  let tmp: string;
  before(async () => {
    await initBackend();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-pairs-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('reaches AUROC >= 0.95 on held-out pairs of a synthetic task, beside the rule baselines', async () => {
    const records = syntheticRecords({ rule: 'reverse-complement', length: 20, k: 0, n: 1600, seed: 4 });
    const run = await trainPairClassifier(records, { epochs: 8, seed: 2 });
    try {
      assert.ok(run.metrics.test!.auroc >= 0.95, `AUROC ${run.metrics.test!.auroc}`);
      assert.ok(run.threshold > 0 && run.threshold < 1);
      assert.deepEqual(run.sizes.train + run.sizes.valid + run.sizes.test, 1600);
      assert.match(run.splitMethod, /seq_a/);
      // grouped: no seq_a in two parts
      const partOf = new Map<string, string>();
      for (const [part, idx] of Object.entries(run.parts)) {
        for (const i of idx) {
          const prev = partOf.get(records[i]!.a);
          assert.ok(prev === undefined || prev === part);
          partOf.set(records[i]!.a, part);
        }
      }
      assert.deepEqual(run.baselines.test!.map((b) => b.name), ['longest Watson-Crick run', 'longest run with G-U', 'min-mismatch alignment', 'seed site type', 'seed match 7mer-m8']);
    } finally {
      run.network.dispose();
    }
  });

  it('a cancelled training job leaves no model directory (nor a temporary one)', async () => {
    const data = path.join(tmp, 'cancel.tsv');
    fs.writeFileSync(data, syntheticPairTsv({ length: 16, k: 0, n: 300, seed: 1 }));
    const out = path.join(tmp, 'cancelled-model');
    const controller = new AbortController();
    await assert.rejects(
      runPairTraining({ data, out, epochs: 2, generatorEpochs: 3 }, { signal: controller.signal, onProgress: (p) => p.phase === 'generator' && controller.abort() }),
      (err: unknown) => err instanceof Cancelled,
    );
    assert.equal(fs.existsSync(out), false);
    assert.deepEqual(fs.readdirSync(tmp).filter((f) => f.includes('cancelled-model')), []);
  });

  it('saves a complete directory and refuses old, foreign or damaged cards naming the file', async () => {
    const data = path.join(tmp, 'small.tsv');
    fs.writeFileSync(data, syntheticPairTsv({ length: 16, k: 0, n: 300, seed: 2 }));
    const out = path.join(tmp, 'model');
    const report = await runPairTraining({ data, out, epochs: 1, generatorEpochs: 1, revcompRule: 0 });
    assert.equal(report.modelDir, out);
    assert.deepEqual(fs.readdirSync(out).sort(), ['card.json', 'generator', 'model.json', 'training-pairs.bin', 'weights.bin']);
    const model = await loadPairModel(out, { generator: true });
    assert.equal(model.card.task, 'pairs');
    assert.equal(model.card.alphabet, 'DNA');
    assert.deepEqual(model.card.synthetic, { rule: 'reverse-complement', k: 0, length: 16 });
    assert.equal(model.trainingPairs.size, 300);
    disposePairModel(model);

    const cardFile = path.join(out, 'card.json');
    const card = JSON.parse(fs.readFileSync(cardFile, 'utf8')) as Record<string, unknown>;
    const expectError = async (edit: Record<string, unknown>, re: RegExp) => {
      fs.writeFileSync(cardFile, JSON.stringify({ ...card, ...edit }));
      await assert.rejects(loadPairModel(out), (err: unknown) => err instanceof ModelFileError && err.file === cardFile && re.test(err.message));
    };
    await expectError({ formatVersion: 0 }, /pair model format version 0 .*retrain the model/);
    await expectError({ formatVersion: 99 }, /update Basepair/);
    await expectError({ task: 'regression' }, /is a regressor, not a pair classifier/);
    await expectError({ format: 'other' }, /is not a Basepair model card/);
    fs.writeFileSync(cardFile, '{ not json');
    await assert.rejects(loadPairModel(out), (err: unknown) => err instanceof ModelFileError && /is not valid JSON/.test(err.message));
  });
});

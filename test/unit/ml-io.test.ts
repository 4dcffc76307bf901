// Model directories: save/load round trip gives identical predictions (single model and ensemble),
// atomic writes leave nothing behind on failure, and corrupt, missing or foreign files are errors that
// name the file.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tf from '../../src/ml/tf';
import { initBackend } from '../../src/ml/backend/initBackend';
import { writeDirAtomically } from '../../src/core/files/atomicDir';
import { CARD_JSON, packageVersion, type ModelCard } from '../../src/ml/io/modelCard';
import { loadModel, saveModel, type RegressionModel } from '../../src/ml/io/modelDir';
import { ModelFileError } from '../../src/ml/io/modelFileError';
import { MODEL_JSON, WEIGHTS_BIN } from '../../src/ml/io/layersFormat';
import { architectureInputs, buildNetwork, defaultConfig, type ArchitectureName } from '../../src/ml/models/architectures';
import { predict } from '../../src/ml/regressor/predict';
import { generateStructureTask } from '../../src/core/synthetic/structureTask';
import { limit } from '../support/timeLimits';

function fakeCard(arch: ArchitectureName, members: number, model: tf.LayersModel, spec: ModelCard['inputs']): ModelCard {
  return {
    format: 'basepair-model',
    formatVersion: 1,
    packageVersion: packageVersion(),
    createdAt: new Date(0).toISOString(),
    task: 'regression',
    targetName: 'target',
    normalisation: { mean: 2, sd: 3 },
    structureSource: 'given',
    inputs: spec,
    architecture: { name: arch, config: defaultConfig(arch), parameters: model.countParams() / members, members },
    training: { seed: 1, epochs: 1, batchSize: 8, learningRate: 1e-3, patience: 1, folds: members, epochsRun: [0], bestEpoch: [0], samplesPerSecond: 0, sizes: { train: 0, valid: 0, test: 0 }, splitMethod: 'random' },
    metrics: {},
    baselines: {},
    dataHash: 'sha256:0',
    backend: { name: 'wasm', reason: 'test', threads: 1, replacedKernels: [], tfjsVersion: tf.version.tfjs },
  };
}

function makeModel(arch: ArchitectureName, members: number): RegressionModel {
  const spec = architectureInputs(arch, { maxLength: 110, partnersPerPosition: 1 });
  const network = buildNetwork(arch, spec, defaultConfig(arch), Array.from({ length: members }, (_, k) => 10 + k));
  return { network, card: fakeCard(arch, members, network, spec) };
}

describe('ml: model directories', function () {
  this.timeout(limit(60000));
  let tmp: string;
  const records = generateStructureTask({ n: 12, seed: 3 });

  before(async () => {
    await initBackend({ prefer: 'wasm' });
    await tf.setBackend('wasm');
  });
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'basepair-ml-io-'));
  });
  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  for (const [arch, members] of [['default', 1], ['default', 3], ['sequence-only', 1], ['seed-cnn', 2]] as [ArchitectureName, number][]) {
    it(`round trip of ${arch} with ${members} member(s): the same files and identical predictions`, async () => {
      const model = makeModel(arch, members);
      const dir = path.join(tmp, 'model');
      await saveModel(dir, model);
      assert.deepEqual(fs.readdirSync(dir).sort(), [CARD_JSON, MODEL_JSON, WEIGHTS_BIN].sort());
      assert.deepEqual(fs.readdirSync(tmp), ['model'], 'no temporary directories left');
      const loaded = await loadModel(dir);
      assert.deepEqual(loaded.card, model.card);
      const before = await predict(model, records);
      const after = await predict(loaded, records);
      assert.deepEqual(after, before);
      assert.equal(before[0]!.sd === undefined, members === 1);
      model.network.dispose();
      loaded.network.dispose();
    });
  }

  it('saving over an existing model replaces it atomically', async () => {
    const dir = path.join(tmp, 'model');
    const a = makeModel('default', 1);
    const b = makeModel('sequence-only', 1);
    await saveModel(dir, a);
    await saveModel(dir, b);
    assert.equal((await loadModel(dir)).card.architecture.name, 'sequence-only');
    assert.deepEqual(fs.readdirSync(tmp), ['model']);
    a.network.dispose();
    b.network.dispose();
  });

  it('a failing write leaves neither the target nor a temporary directory, and keeps an existing model', async () => {
    const dir = path.join(tmp, 'model');
    await assert.rejects(
      writeDirAtomically(dir, async (temp) => {
        fs.writeFileSync(path.join(temp, 'partial'), 'x');
        throw new Error('disk full');
      }),
      /disk full/,
    );
    assert.deepEqual(fs.readdirSync(tmp), []);
    const model = makeModel('default', 1);
    await saveModel(dir, model);
    const failing = { network: model.network, card: { ...model.card, normalisation: { mean: 0, sd: 1 }, self: undefined as unknown } } as RegressionModel;
    (failing.card as unknown as { self: unknown }).self = failing.card; // circular: JSON.stringify throws mid-save
    await assert.rejects(saveModel(dir, failing));
    assert.deepEqual(fs.readdirSync(tmp), ['model']);
    assert.equal((await loadModel(dir)).card.normalisation.sd, 3, 'the previous model is intact');
    model.network.dispose();
  });

  describe('bad model directories: errors name the file', () => {
    let dir: string;
    beforeEach(async () => {
      dir = path.join(tmp, 'model');
      const model = makeModel('default', 1);
      await saveModel(dir, model);
      model.network.dispose();
    });
    const expectError = async (file: string, pattern: RegExp) => {
      await assert.rejects(loadModel(dir), (err: unknown) => {
        assert.ok(err instanceof ModelFileError, String(err));
        assert.equal(err.file, path.join(dir, file));
        assert.match(err.message, pattern);
        assert.ok(err.message.startsWith(path.join(dir, file)));
        return true;
      });
    };

    it('missing directory', async () => {
      await assert.rejects(loadModel(path.join(tmp, 'nope')), (err: unknown) => err instanceof ModelFileError && /nope: is not a model directory/.test(err.message));
    });
    it('missing card.json', async () => {
      fs.rmSync(path.join(dir, CARD_JSON));
      await expectError(CARD_JSON, /missing/);
    });
    it('card.json of another format version (newer Basepair)', async () => {
      const card = JSON.parse(fs.readFileSync(path.join(dir, CARD_JSON), 'utf8'));
      fs.writeFileSync(path.join(dir, CARD_JSON), JSON.stringify({ ...card, formatVersion: 99, packageVersion: '9.0.0' }));
      await expectError(CARD_JSON, /format version 99 \(written by Basepair 9\.0\.0\) is not supported.*update Basepair/);
    });
    it('card.json that is not a Basepair card', async () => {
      fs.writeFileSync(path.join(dir, CARD_JSON), JSON.stringify({ hello: 1 }));
      await expectError(CARD_JSON, /not a Basepair model card/);
    });
    it('corrupt card.json', async () => {
      fs.writeFileSync(path.join(dir, CARD_JSON), '{"format": ');
      await expectError(CARD_JSON, /not valid JSON/);
    });
    it('corrupt model.json', async () => {
      fs.writeFileSync(path.join(dir, MODEL_JSON), fs.readFileSync(path.join(dir, MODEL_JSON), 'utf8').slice(0, 100));
      await expectError(MODEL_JSON, /not valid JSON/);
    });
    it('model.json of something else', async () => {
      fs.writeFileSync(path.join(dir, MODEL_JSON), JSON.stringify({ modelTopology: { nope: true }, weightsManifest: [] }));
      await expectError(MODEL_JSON, /cannot be loaded as a model|does not match/);
    });
    it('missing weights.bin', async () => {
      fs.rmSync(path.join(dir, WEIGHTS_BIN));
      await expectError(WEIGHTS_BIN, /missing/);
    });
    it('truncated weights.bin', async () => {
      const w = fs.readFileSync(path.join(dir, WEIGHTS_BIN));
      fs.writeFileSync(path.join(dir, WEIGHTS_BIN), w.subarray(0, w.length - 10));
      await expectError(WEIGHTS_BIN, /holds \d+ bytes of weights, model\.json describes \d+/);
    });
  });
});

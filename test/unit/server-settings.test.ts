// The server's settings: defaults, validation of what the client pushes, and the environment that
// carries the ML backend choice to job and compute processes (read back by backendOptionsFromEnv).
import * as assert from 'node:assert/strict';
import { backendOptionsFromEnv } from '../../src/jobs/backendEnv';
import { DEFAULT_SETTINGS, mlEnvironment, readSettings } from '../../src/server/settings';

describe('server settings', () => {
  it('keeps defaults for missing or invalid values', () => {
    assert.deepEqual(readSettings(undefined), DEFAULT_SETTINGS);
    const s = readSettings({ fold: { maxHoverLength: -3, maxLength: 'x' }, hover: { enabled: 'yes' }, ml: { backend: 'gpu', threads: 0 } });
    assert.deepEqual(s, { ...DEFAULT_SETTINGS, ml: { backend: 'auto', threads: 1, parallelTraining: true } });
  });

  it('reads every setting', () => {
    const s = readSettings({
      fold: { maxHoverLength: 0, maxLength: 1200 },
      structure: { codeLens: false },
      hover: { enabled: false, predictions: false },
      ml: { backend: 'cpu', threads: 4.7, parallelTraining: false },
    });
    assert.deepEqual(s, {
      fold: { maxHoverLength: 0, maxLength: 1200 },
      structure: { codeLens: false },
      hover: { enabled: false, predictions: false },
      ml: { backend: 'cpu', threads: 4, parallelTraining: false },
    });
  });

  it('carries the backend choice to child processes through the environment', () => {
    const env = mlEnvironment(readSettings({ ml: { backend: 'wasm', threads: 2 } }));
    assert.deepEqual(env, { BASEPAIR_BACKEND: 'wasm', BASEPAIR_THREADS: '2' });
    // training's worker thread: on by default; off keeps a training job on one thread
    assert.equal(mlEnvironment(readSettings({ ml: { parallelTraining: false } }))['BASEPAIR_TRAIN_WORKERS'], '0');
    assert.deepEqual(backendOptionsFromEnv(env), { prefer: 'wasm', threads: 2 });
    assert.deepEqual(backendOptionsFromEnv({ BASEPAIR_BACKEND: 'quantum', BASEPAIR_THREADS: 'many' }), {});
    // the setting says `node` (the package); TF.js names that backend 'tensorflow' (also accepted)
    assert.deepEqual(backendOptionsFromEnv(mlEnvironment(readSettings({ ml: { backend: 'node' } }))), { prefer: 'tensorflow', threads: 1 });
    assert.equal(readSettings({ ml: { backend: 'tensorflow' } }).ml.backend, 'node');
  });
});

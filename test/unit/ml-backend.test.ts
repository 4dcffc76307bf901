// Backend choice: tfjs-node when it loads (it does not install here), else wasm + our kernels, else cpu;
// the chosen backend is reported with the reason. Leaves the wasm backend active for the other tests.
import * as assert from 'node:assert/strict';
import * as tf from '../../src/ml/tf';
import { currentBackend, initBackend } from '../../src/ml/backend/initBackend';

function tfjsNodeInstalled(): boolean {
  try {
    require.resolve('@tensorflow/tfjs-node');
    return true;
  } catch {
    return false;
  }
}

describe('ml: backend choice', () => {
  after(async () => {
    await initBackend({ prefer: 'wasm' });
  });

  it('auto: tfjs-node when installed, else wasm (SIMD, 1 thread, replacement kernels) with the reason', async function () {
    if (tfjsNodeInstalled()) this.skip();
    const info = await initBackend();
    assert.equal(info.name, 'wasm');
    assert.equal(tf.getBackend(), 'wasm');
    assert.match(info.reason, /^tfjs-node not installed; wasm SIMD build with replacement gradient kernels, 1 thread\(s\)$/);
    assert.equal(info.threads, 1);
    assert.deepEqual(info.replacedKernels, [
      'Conv2DBackpropFilter',
      'Conv2DBackpropInput',
      'UnsortedSegmentSum',
      'BatchMatMul',
      'Tile',
      'Identity',
      'Cast',
      'Add',
      'Sub',
      'Multiply',
      'Sum',
      'Mean',
      'MaxPoolGrad',
    ]);
    assert.equal(info.tfjsVersion, '4.22.0');
    assert.equal(currentBackend(), info);
  });

  it('cpu on request, with its faster filter-gradient kernel', async () => {
    const info = await initBackend({ prefer: 'cpu' });
    assert.equal(info.name, 'cpu');
    assert.equal(tf.getBackend(), 'cpu');
    assert.deepEqual(info.replacedKernels, ['Conv2DBackpropFilter']);
  });

  it('switching back to wasm after cpu reuses the started wasm backend', async () => {
    const info = await initBackend({ prefer: 'wasm' });
    assert.equal(info.name, 'wasm');
    assert.equal(tf.getBackend(), 'wasm');
  });
});

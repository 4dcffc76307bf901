// bench/train/profile: per-kernel time of one training step of a regressor (tf.profile around
// trainOnBatch), to find what a step spends its time on. Same data and shapes as speed.ts (L = 107,
// batch 64). Kernel times include kernels that run inside other (replacement) kernels, so nested time is
// counted twice; the top-level total is printed separately.
//
//   npx tsx bench/train/profile.ts [--arch default] [--steps 10] [--threads 1] [--backend wasm] [--shapes]
import * as tf from '../../src/ml/tf';
import { generateStructureTask } from '../../src/core/synthetic/structureTask';
import { initBackend } from '../../src/ml/backend/initBackend';
import { assembleBatch, encodeRecord, inOrder } from '../../src/ml/features/batchEncoder';
import { architectureInputs, buildNetwork, defaultConfig, type ArchitectureName } from '../../src/ml/models/architectures';
import { FusedAdam } from '../../src/ml/engine/fusedAdam';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

async function main(): Promise<void> {
  const arch = arg('arch', 'default') as ArchitectureName;
  const steps = Number(arg('steps', '10'));
  const detail = process.argv.includes('--shapes');
  await initBackend({ prefer: arg('backend', 'wasm') as 'wasm' | 'cpu', threads: Number(arg('threads', '1')) });
  const records = generateStructureTask({ n: 64 * steps, seed: 7, length: 107 });
  const spec = architectureInputs(arch, { maxLength: 107, partnersPerPosition: 1 });
  const encoded = records.map((r) => encodeRecord(r, spec));
  const model = buildNetwork(arch, spec, defaultConfig(arch), [1]);
  model.compile({ optimizer: new FusedAdam(1e-3), loss: 'meanSquaredError' });
  const byKernel = new Map<string, { ms: number; calls: number }>();
  let wall = 0;
  for (let s = 0; s < steps + 2; s++) {
    const idx = Int32Array.from({ length: 64 }, (_, k) => (s % steps) * 64 + k);
    const x = assembleBatch(encoded, idx, spec);
    const y = tf.tensor2d(Float32Array.from(idx, (i) => records[i]!.target), [64, 1]);
    const t0 = performance.now();
    const info = await tf.profile(async () => {
      await model.trainOnBatch(inOrder(model, x), y);
    });
    const t1 = performance.now();
    tf.dispose([...Object.values(x), y]);
    if (s < 2) continue; // warm-up
    wall += t1 - t0;
    for (const k of info.kernels) {
      const key = detail ? `${k.name} ${JSON.stringify(k.inputShapes)}` : k.name;
      const e = byKernel.get(key) ?? { ms: 0, calls: 0 };
      e.ms += Number(await k.kernelTimeMs);
      e.calls++;
      byKernel.set(key, e);
    }
  }
  const rows = [...byKernel].sort((a, b) => b[1].ms - a[1].ms);
  const total = rows.reduce((a, [, e]) => a + e.ms, 0);
  console.log(`${arch}: ${(wall / steps).toFixed(1)} ms/step wall under profiling, kernel sum ${(total / steps).toFixed(1)} ms/step (nested counted twice)`);
  for (const [name, e] of rows) console.log(`${name.padEnd(detail ? 70 : 28)} ${(e.ms / steps).toFixed(2).padStart(8)} ms/step ${(e.calls / steps).toFixed(0).padStart(5)} calls/step`);
  process.exit(0);
}

void main();

// bench/pairs/dcgan: the seed user's approach, ported to TF.js for comparison: a DCGAN on one-hot
// pairs. Real data = the positives of the synthetic reverse-complement task (26 nt, k = 2), one-hot
// as a 4 x 26 x 2 image (bases x positions x the two sequences). Generator: noise (100) -> Dense ->
// 4 x 13 x 64 -> BatchNorm, LeakyReLU -> Conv2DTranspose (stride 1 x 2) -> 4 x 26 x 32 -> BatchNorm,
// LeakyReLU -> Conv2D(2) -> softmax over the 4 bases: relaxed one-hot. Discriminator = the user's
// classifier shape: Conv2D(32, 4x4) ReLU -> MaxPool(1x2) -> Conv2D(64, 4x4) ReLU -> MaxPool(1x2) ->
// Flatten -> Dense(64) ReLU -> Dropout(0.25) -> Dense(1, sigmoid). Adam(2e-4, beta1 0.5), batch 64,
// alternating D / G steps, for the same wall-clock budget as our classifier + generator training on
// the same task (--seconds). 10,000 samples (argmax per position) get the same generation report.
// Run: npx tsx bench/pairs/dcgan.ts [--seconds 150] [--n 6000] -> bench/results/pairs-dcgan.json
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '../../src/ml/tf';
import { generationReport, referenceStats } from '../../src/core/metrics/generation';
import { Random } from '../../src/core/random';
import { generatePairTask, isValidPair } from '../../src/core/synthetic/pairTask';
import { initBackend } from '../../src/ml/backend/initBackend';
import { TrainingPairSet } from '../../src/ml/pairs/io/trainingPairs';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '150' }, n: { type: 'string', default: '6000' }, generate: { type: 'string', default: '10000' } } });
const L = 26;
const Z = 100;
const BASES = 'ACGT';

function generator(): tf.LayersModel {
  const z = tf.input({ shape: [Z] });
  let x = tf.layers.dense({ units: 4 * 13 * 64 }).apply(z) as tf.SymbolicTensor;
  x = tf.layers.reshape({ targetShape: [4, 13, 64] }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.batchNormalization().apply(x) as tf.SymbolicTensor;
  x = tf.layers.leakyReLU({ alpha: 0.2 }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.conv2dTranspose({ filters: 32, kernelSize: [3, 3], strides: [1, 2], padding: 'same' }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.batchNormalization().apply(x) as tf.SymbolicTensor;
  x = tf.layers.leakyReLU({ alpha: 0.2 }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.conv2d({ filters: 2, kernelSize: [3, 3], padding: 'same' }).apply(x) as tf.SymbolicTensor; // [4, 26, 2]
  x = tf.layers.permute({ dims: [2, 3, 1] }).apply(x) as tf.SymbolicTensor; // [26, 2, 4]
  x = tf.layers.softmax({ axis: -1 }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.permute({ dims: [3, 1, 2] }).apply(x) as tf.SymbolicTensor; // [4, 26, 2]
  return tf.model({ inputs: z, outputs: x });
}

function discriminator(): tf.LayersModel {
  const m = tf.sequential();
  m.add(tf.layers.conv2d({ inputShape: [4, L, 2], filters: 32, kernelSize: [4, 4], padding: 'same', activation: 'relu' }));
  m.add(tf.layers.maxPooling2d({ poolSize: [1, 2] }));
  m.add(tf.layers.conv2d({ filters: 64, kernelSize: [4, 4], padding: 'same', activation: 'relu' }));
  m.add(tf.layers.maxPooling2d({ poolSize: [1, 2] }));
  m.add(tf.layers.flatten());
  m.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  m.add(tf.layers.dropout({ rate: 0.25 }));
  m.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return m;
}

function toImages(pairs: readonly { a: string; b: string }[]): Float32Array {
  const data = new Float32Array(pairs.length * 4 * L * 2);
  pairs.forEach((p, r) => {
    [p.a, p.b].forEach((s, c) => {
      for (let i = 0; i < L; i++) data[((r * 4 + BASES.indexOf(s[i]!)) * L + i) * 2 + c] = 1;
    });
  });
  return data;
}

function fromImages(data: Float32Array | Int32Array | Uint8Array, n: number): { a: string; b: string }[] {
  const out: { a: string; b: string }[] = [];
  for (let r = 0; r < n; r++) {
    const seqs = [0, 1].map((c) => {
      let s = '';
      for (let i = 0; i < L; i++) {
        let best = 0;
        for (let x = 1; x < 4; x++) if (data[((r * 4 + x) * L + i) * 2 + c]! > data[((r * 4 + best) * L + i) * 2 + c]!) best = x;
        s += BASES[best];
      }
      return s;
    });
    out.push({ a: seqs[0]!, b: seqs[1]! });
  }
  return out;
}

async function main(): Promise<void> {
  const backend = await initBackend();
  const task = generatePairTask({ length: L, k: 2, positives: Math.floor(Number(values.n) / 2), negatives: Number(values.n) - Math.floor(Number(values.n) / 2), seed: 13 });
  const positives = task.filter((r) => r.label === 1);
  const real = toImages(positives);
  const G = generator();
  const D = discriminator();
  const gOpt = tf.train.adam(2e-4, 0.5);
  const dOpt = tf.train.adam(2e-4, 0.5);
  const rng = new Random('dcgan');
  const batch = 64;
  const budget = Number(values.seconds) * 1000;
  const t0 = performance.now();
  let steps = 0;
  let last = { d: NaN, g: NaN };
  while (performance.now() - t0 < budget) {
    const idx = Array.from({ length: batch }, () => rng.int(0, positives.length));
    const realBatch = tf.tensor4d(Float32Array.from(idx.flatMap((i) => Array.from(real.subarray(i * 4 * L * 2, (i + 1) * 4 * L * 2)))), [batch, 4, L, 2]);
    let seed = steps * 2;
    const noise = () => tf.randomNormal([batch, Z], 0, 1, 'float32', ++seed);
    const dLoss = dOpt.minimize(() => {
      const fake = G.apply(noise(), { training: true }) as tf.Tensor;
      const pr = D.apply(realBatch, { training: true }) as tf.Tensor;
      const pf = D.apply(fake, { training: true }) as tf.Tensor;
      return tf.add(tf.losses.logLoss(tf.onesLike(pr), pr), tf.losses.logLoss(tf.zerosLike(pf), pf)) as tf.Scalar; // binary cross-entropy, as Keras
    }, true, D.trainableWeights.map((w) => w.read() as tf.Variable));
    const gLoss = gOpt.minimize(() => {
      const pf = D.apply(G.apply(noise(), { training: true }) as tf.Tensor, { training: true }) as tf.Tensor;
      return tf.losses.logLoss(tf.onesLike(pf), pf) as tf.Scalar;
    }, true, G.trainableWeights.map((w) => w.read() as tf.Variable));
    last = { d: (await dLoss!.data())[0]!, g: (await gLoss!.data())[0]! };
    tf.dispose([realBatch, dLoss!, gLoss!]);
    steps++;
    if (steps % 100 === 0) console.error(`step ${steps}: D loss ${last.d.toFixed(3)}, G loss ${last.g.toFixed(3)} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  const trainSeconds = (performance.now() - t0) / 1000;
  const nGen = Number(values.generate);
  const g0 = performance.now();
  const samples: { a: string; b: string }[] = [];
  for (let s = 0; s < nGen; s += 1000) {
    const m = Math.min(1000, nGen - s);
    const out = tf.tidy(() => G.predict(tf.randomNormal([m, Z], 0, 1, 'float32', 1_000_000 + s)) as tf.Tensor);
    samples.push(...fromImages(await out.data() as Float32Array, m));
    out.dispose();
  }
  const training = TrainingPairSet.fromPairs(task);
  const report = generationReport(samples, {
    isTrainingPair: (a, b) => training.has(a, b),
    reference: referenceStats(positives, { maxPairs: 50_000 }),
    rule: { name: 'B = reverse complement of A with <= 2 mismatches', test: (a, b) => isValidPair(a, b, 2) },
    maxPairs: 100_000,
  });
  const out = {
    benchmark: 'pairs-dcgan',
    date: new Date().toISOString(),
    machine: { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, node: process.version, backend: backend.name },
    command: `npx tsx bench/pairs/dcgan.ts --seconds ${values.seconds} --n ${values.n} --generate ${values.generate}`,
    task: { length: L, k: 2, pairs: task.length, positives: positives.length },
    training: { steps, batch, seconds: trainSeconds, lastLoss: last },
    generation: { n: samples.length, seconds: (performance.now() - g0) / 1000 },
    report,
    bars: { ruleValid: (report.rule?.fraction ?? 0) >= 0.99, unique: report.unique.fraction >= 0.99, novel: (report.novel?.fraction ?? 0) >= 0.99, diversityA: (report.diversity.ratio?.a ?? 0) >= 0.9 },
  };
  const dest = path.resolve(__dirname, '../results/pairs-dcgan.json');
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.writeFileSync(dest, JSON.stringify(out, null, 2) + '\n');
  console.log(JSON.stringify({ report, bars: out.bars, steps }, null, 1));
  console.log(`-> ${dest}`);
}

void main();

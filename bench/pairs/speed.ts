// bench/pairs/speed: how fast the pair engine is. (1) Classifier training throughput (pairs/s,
// forward + backward, 26-nt synthetic pairs); (2) 10,000 pairs drawn from the generator and scored by
// the classifier (bar: < 10 s), and the time to get 10,000 accepted pairs (sample mode); (3) scoring
// throughput alone. Wall time and this process's CPU time (the machine may be shared). Uses --model DIR when given (a pair model of 26-nt pairs), else trains one.
// Run: npx tsx bench/pairs/speed.ts [--model DIR] -> bench/results/pairs-speed.json
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { Random } from '../../src/core/random';
import { syntheticPairTsv } from '../../src/core/synthetic/pairTaskTsv';
import { runPairTraining } from '../../src/jobs/pairTraining';
import { initBackend } from '../../src/ml/backend/initBackend';
import { generatePairs } from '../../src/ml/pairs/generate';
import { IncrementalDecoder } from '../../src/ml/pairs/generator/decoder';
import { samplePairs } from '../../src/ml/pairs/generator/sampler';
import { disposePairModel, loadPairModel } from '../../src/ml/pairs/io/pairModelDir';
import { pairProbabilities } from '../../src/ml/pairs/scorePairs';

const { values } = parseArgs({ options: { model: { type: 'string' }, n: { type: 'string', default: '10000' } } });

async function main(): Promise<void> {
  const backend = await initBackend();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-pairs-speed-'));
  try {
    const data = path.join(scratch, 'speed.tsv');
    fs.writeFileSync(data, syntheticPairTsv({ length: 26, k: 2, n: 4000, seed: 21 }));
    const t0 = performance.now();
    const train = await runPairTraining({ data, out: path.join(scratch, 'throughput'), epochs: 3, generator: !values.model, generatorEpochs: 6, revcompRule: 2 });
    const trainSeconds = (performance.now() - t0) / 1000;
    const modelDir = values.model ?? train.modelDir;
    const model = await loadPairModel(modelDir, { generator: true });
    const n = Number(values.n);
    try {
      const gcard = model.generator!.card;
      const lengths = { a: Object.keys(gcard.lengthCounts.a).map(Number), b: Object.keys(gcard.lengthCounts.b).map(Number) };
      const decoder = new IncrementalDecoder(model.generator!.network, gcard.architecture.config);
      const c0 = process.cpuUsage();
      const s0 = performance.now();
      const pairs = samplePairs(decoder, { n, label: 1, temperature: 1, random: new Random('speed'), lengths, alphabet: model.card.alphabet });
      const s1 = performance.now();
      const scores = await pairProbabilities(model.classifier, pairs, 1024);
      const s2 = performance.now();
      const cpu = process.cpuUsage(c0);
      decoder.dispose();
      const accepted = scores.filter((s) => s >= model.card.threshold).length;
      const g0 = performance.now();
      const full = await generatePairs(model, { n, mode: 'sample', seed: 3 });
      const g1 = performance.now();
      const out = {
        benchmark: 'pairs-speed',
        date: new Date().toISOString(),
        machine: { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, node: process.version, backend: backend.name, loadAverage: os.loadavg() },
        command: `npx tsx bench/pairs/speed.ts${values.model ? ` --model ${values.model}` : ''} --n ${n}`,
        classifierTraining: { pairs: train.sizes.train, epochs: train.epochsRun, pairsPerSecond: train.pairsPerSecond, note: '26-nt pairs, forward + backward, batch 64' },
        drawAndScore: { n, sampleSeconds: (s1 - s0) / 1000, scoreSeconds: (s2 - s1) / 1000, totalSeconds: (s2 - s0) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6, accepted, bar: (s2 - s0) / 1000 < 10 },
        sampleMode: { accepted: full.rows.length, drawn: full.drawn, seconds: (g1 - g0) / 1000, reportIncluded: true },
        scoringPairsPerSecond: n / ((s2 - s1) / 1000),
        trainSeconds,
      };
      const dest = path.resolve(__dirname, '../results/pairs-speed.json');
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      fs.writeFileSync(dest, JSON.stringify(out, null, 2) + '\n');
      console.log(JSON.stringify(out, null, 1));
      console.log(`-> ${dest}`);
    } finally {
      disposePairModel(model);
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

void main();

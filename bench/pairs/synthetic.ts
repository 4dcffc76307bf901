// bench/pairs/synthetic: the synthetic reverse-complement task (26 nt; k = 0 and k = 2): classifier
// AUROC on held-out pairs, then 10,000 generated pairs (sample mode): exact-rule validity, uniqueness,
// novelty, diversity of A vs the training positives. Bars (issue 5): AUROC >= 0.99; >= 99% rule-valid,
// >= 99% unique, >= 99% novel, diversity(A) >= 0.9 x training positives.
// Run: npx tsx bench/pairs/synthetic.ts [--n 6000] [--generate 10000] [--k 0,2] [--temperature 0.7]
//      -> bench/results/pairs-synthetic.json
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { syntheticPairTsv } from '../../src/core/synthetic/pairTaskTsv';
import { runPairGeneration } from '../../src/jobs/pairGeneration';
import { runPairTraining } from '../../src/jobs/pairTraining';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '6000' },
    generate: { type: 'string', default: '10000' },
    k: { type: 'string', default: '0,2' },
    temperature: { type: 'string', default: '0.7' },
    epochs: { type: 'string', default: '15' },
    'generator-epochs': { type: 'string', default: '12' },
  },
});

async function main(): Promise<void> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-pairs-synth-'));
  const results: unknown[] = [];
  for (const k of values.k.split(',').map(Number)) {
    const t0 = performance.now();
    const data = path.join(scratch, `revcomp-k${k}.tsv`);
    fs.writeFileSync(data, syntheticPairTsv({ length: 26, k, n: Number(values.n), seed: 11 + k }));
    const out = path.join(scratch, `model-k${k}`);
    const train = await runPairTraining(
      { data, out, epochs: Number(values.epochs), generatorEpochs: Number(values['generator-epochs']), seed: 1, revcompRule: k },
      { onProgress: (p) => (p.phase === 'classifier' && p.validAuroc !== undefined) || (p.phase === 'generator' && p.validNll !== undefined) ? console.error(`k=${k} ${JSON.stringify(p)}`) : undefined },
    );
    const gen = await runPairGeneration({ modelDir: out, count: Number(values.generate), mode: 'sample', temperature: Number(values.temperature), seed: 1 });
    const m = gen.metrics;
    const bars = {
      auroc: train.test.auroc >= 0.99,
      ruleValid: (m.ruleValidity ?? 0) >= 0.99,
      unique: m.uniqueness >= 0.99,
      novel: m.novelty >= 0.99,
      diversityA: m.diversity.a >= 0.9 * m.diversity.referenceA,
    };
    const r = {
      k,
      pairs: Number(values.n),
      classifier: { test: train.metrics.test, baselines: train.ruleBaselines.test, threshold: train.threshold, epochsRun: train.epochsRun, pairsPerSecond: train.pairsPerSecond },
      generatorTraining: train.generator && { epochsRun: train.generator.epochsRun, validNll: train.generator.validNll },
      generation: { n: gen.pairs.length, drawn: gen.drawn, temperature: Number(values.temperature), seconds: gen.seconds, metrics: m },
      bars,
      trainSeconds: train.seconds,
      seconds: (performance.now() - t0) / 1000,
    };
    console.error(JSON.stringify({ k, bars, auroc: train.test.auroc, metrics: m }));
    results.push(r);
  }
  const out = {
    benchmark: 'pairs-synthetic',
    date: new Date().toISOString(),
    machine: { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, node: process.version },
    command: `npx tsx bench/pairs/synthetic.ts --n ${values.n} --generate ${values.generate} --k ${values.k} --temperature ${values.temperature} --epochs ${values.epochs} --generator-epochs ${values['generator-epochs']}`,
    results,
  };
  const dest = path.resolve(__dirname, '../results/pairs-synthetic.json');
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.writeFileSync(dest, JSON.stringify(out, null, 2) + '\n');
  fs.rmSync(scratch, { recursive: true, force: true });
  console.log(`-> ${dest}`);
}

void main();

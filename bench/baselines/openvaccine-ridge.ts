// bench/baselines/openvaccine-ridge: the built-in regression baselines on ../shared/datasets/openvaccine
// with its split column (train / valid / test): mean, fraction unpaired alone, and ridge on 1-3-mer
// frequencies + structure composition (lambda chosen on valid). Test Spearman is the number issue 4
// compares with (reference: ridge 0.639, fraction unpaired 0.392).
// Run: npx tsx bench/baselines/openvaccine-ridge.ts [data.tsv]  -> bench/results/baselines-openvaccine.json
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fitRegressionBaselines } from '../../src/core/baselines/regressionBaselines';
import { loadRegressionDataset, type RegressionRecord } from '../../src/core/datasets/regression';
import { structureComposition } from '../../src/core/encoding/structureFeatures';
import { spearman, type RegressionMetrics } from '../../src/core/metrics/regression';

export const OPENVACCINE = path.resolve(__dirname, '../../../shared/datasets/openvaccine/data.tsv');

export interface OpenVaccineBaselines {
  sizes: { train: number; valid: number; test: number };
  lambda: number;
  grid: { lambda: number; validMse: number }[];
  /** Mean and ridge on the test records. */
  test: { name: string; metrics: RegressionMetrics }[];
  /** Spearman of the target with the fraction of unpaired positions (a one-feature ranking, not a prediction). */
  fractionUnpairedTestSpearman: number;
}

export function openVaccineBaselines(file = OPENVACCINE): OpenVaccineBaselines {
  const data = loadRegressionDataset(fs.readFileSync(file, 'utf8'), file);
  const part = (s: RegressionRecord['split']) => data.records.filter((r) => r.split === s);
  const train = part('train');
  const valid = part('valid');
  const test = part('test');
  const baselines = fitRegressionBaselines(train, valid);
  const y = test.map((r) => r.target);
  const unpaired = test.map((r) => 1 - structureComposition(r.structure!).fractionPaired);
  return {
    sizes: { train: train.length, valid: valid.length, test: test.length },
    lambda: baselines.ridge.model.lambda,
    grid: baselines.ridge.grid,
    test: baselines.evaluate(test),
    fractionUnpairedTestSpearman: spearman(y, unpaired),
  };
}

if (require.main === module) {
  const file = process.argv[2] ?? OPENVACCINE;
  const t0 = performance.now();
  const result = openVaccineBaselines(file);
  const out = {
    benchmark: 'baselines-openvaccine',
    date: new Date().toISOString(),
    machine: { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, node: process.version },
    input: { file: path.relative(path.resolve(__dirname, '../..'), file), ...result.sizes },
    ridge: { features: '1-3-mer frequencies (84) + structure composition (20) + length', lambda: result.lambda, grid: result.grid },
    test: Object.fromEntries(result.test.map((t) => [t.name, t.metrics])),
    testSpearmanFractionUnpaired: result.fractionUnpairedTestSpearman,
    reference: { ridge: 0.639, fractionUnpaired: 0.392, gradientBoosting: 0.794 },
    elapsedMs: Math.round(performance.now() - t0),
  };
  const dest = path.resolve(__dirname, '../results/baselines-openvaccine.json');
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.writeFileSync(dest, JSON.stringify(out, null, 2) + '\n');
  const ridge = result.test.find((t) => t.name.startsWith('ridge'))!.metrics;
  console.log(`ridge (lambda ${result.lambda}): test Spearman ${ridge.spearman.toFixed(4)}, R² ${ridge.r2.toFixed(4)}; fraction unpaired ${result.fractionUnpairedTestSpearman.toFixed(4)} -> ${dest}`);
}

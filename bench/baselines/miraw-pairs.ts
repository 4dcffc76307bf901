// bench/baselines/miraw-pairs: rule-based pair baselines on ../shared/datasets/miraw (test = split
// mitar_indtest, the rest is training data they do not need): seed match (7mer-m8, binary), seed
// site type (8mer > 7mer-m8 > 7mer-A1 > 6mer), longest Watson-Crick run (with and without G-U),
// min-mismatch alignment. AUROC and AUPRC on the test split and on all rows (issue 5 quotes the
// seed-match rule at 0.797, computed on all rows). The data has no licence: it is read, never copied.
// Run: npx tsx bench/baselines/miraw-pairs.ts [data.tsv]  -> bench/results/baselines-miraw.json
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { alignmentScore, longestComplementaryRun, seedMatch7, seedSiteScore } from '../../src/core/baselines/pairBaselines';
import { loadPairDataset, type PairRecord } from '../../src/core/datasets/pairs';
import { auroc, averagePrecision } from '../../src/core/metrics/classification';

export const MIRAW = path.resolve(__dirname, '../../../shared/datasets/miraw/data.tsv');

export const PAIR_RULES: Record<string, (a: string, b: string) => number> = {
  'seed match 7mer-m8': seedMatch7,
  'seed site type': seedSiteScore,
  'longest Watson-Crick run': (a, b) => longestComplementaryRun(a, b),
  'longest run with G-U': (a, b) => longestComplementaryRun(a, b, { gu: true }),
  'min-mismatch alignment': (a, b) => alignmentScore(a, b),
};

export function scoreRules(records: readonly PairRecord[]): Record<string, { auroc: number; auprc: number }> {
  const y = records.map((r) => r.label);
  const out: Record<string, { auroc: number; auprc: number }> = {};
  for (const [name, rule] of Object.entries(PAIR_RULES)) {
    const s = records.map((r) => rule(r.a, r.b));
    out[name] = { auroc: auroc(y, s), auprc: averagePrecision(y, s) };
  }
  return out;
}

export function loadMiraw(file = MIRAW) {
  return loadPairDataset(fs.readFileSync(file, 'utf8'), file, {
    groupColumn: 'mirna_name',
    splitValues: { mitar_indtest: 'test', mitar_remained: 'train' },
  });
}

if (require.main === module) {
  const file = process.argv[2] ?? MIRAW;
  const t0 = performance.now();
  const data = loadMiraw(file);
  const test = data.records.filter((r) => r.split === 'test');
  const out = {
    benchmark: 'baselines-miraw',
    date: new Date().toISOString(),
    machine: { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, node: process.version },
    input: { file: path.relative(path.resolve(__dirname, '../..'), file), rows: data.records.length, test: test.length },
    test: scoreRules(test),
    all: scoreRules(data.records),
    reference: { seedMatchAllRows: 0.797 },
    elapsedMs: Math.round(performance.now() - t0),
  };
  const dest = path.resolve(__dirname, '../results/baselines-miraw.json');
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.writeFileSync(dest, JSON.stringify(out, null, 2) + '\n');
  for (const [k, v] of Object.entries(out.test)) console.log(`test ${k}: AUROC ${v.auroc.toFixed(4)}, AUPRC ${v.auprc.toFixed(4)}`);
  console.log(`-> ${dest}`);
}

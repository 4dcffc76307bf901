// Folding benchmark: MFE and MFE + partition function + bpp (exact), and the beam mode, on the
// timing sequences of the ViennaRNA reference (100 .. 4000 nt), next to RNAfold 2.7.1's times
// measured on this machine (rnafold-timing.tsv). Each measurement runs in a fresh process
// (worker.ts) so its memory high-water mark is its own. Writes bench/results/fold.json.
//   npx tsx bench/fold/run.ts [--quick] [--lengths 100,200,...] [--beams 100,200,300] [--js-4000]
// Both engines are measured: TypeScript + WebAssembly SIMD kernels (default) and pure TypeScript
// (up to 2,000 nt unless --js-4000).
// Timings are informative only; nothing here is asserted.

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const k = args.indexOf(name);
  return k >= 0 ? args[k + 1] : undefined;
};
const quick = args.includes('--quick');
const lengths = (opt('--lengths') ?? (quick ? '100,200,500,1000,2000' : '100,200,500,1000,2000,4000')).split(',').map(Number);
const beams = (opt('--beams') ?? '100,200,300').split(',').map(Number);
const repoRoot = path.resolve(__dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fold-bench-'));

interface Measure {
  mode: string;
  id: string;
  length: number;
  seconds: number;
  maxRssMiB: number;
  [k: string]: unknown;
}

function run(mode: string, id: string, extra: string[] = []): Measure {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'worker.ts'), mode, id, ...extra], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as Measure;
}

function summarize<T extends Record<string, unknown>>(runs: Measure[], extra: T) {
  const opt = (key: string) => {
    const xs = runs.map((m) => m[key] as number | undefined).filter((x): x is number => x !== undefined);
    return xs.length ? median(xs) : undefined;
  };
  return {
    seconds: median(runs.map((m) => m.seconds)),
    cpuSeconds: opt('cpuSeconds'),
    warmSeconds: opt('warmSeconds'),
    warmCpuSeconds: opt('warmCpuSeconds'),
    runs: runs.map((m) => m.seconds),
    ...extra,
    maxRssMiB: Math.max(...runs.map((m) => m.maxRssMiB)),
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const rnafold = new Map<number, Record<string, string>>();
{
  const lines = fs.readFileSync(path.join(__dirname, 'rnafold-timing.tsv'), 'utf8').trim().split('\n');
  const cols = lines[0].split('\t');
  for (const l of lines.slice(1)) {
    const f = l.split('\t');
    const row: Record<string, string> = {};
    cols.forEach((c, k) => (row[c] = f[k]));
    rnafold.set(Number(row.length), row);
  }
}

const exact: unknown[] = [];
const beamRuns: unknown[] = [];
for (const n of lengths) {
  const id = `t${n}`;
  const reps = n <= 500 ? 3 : 1;
  const cache = path.join(tmp, `${id}.json`);
  const rf = rnafold.get(n);
  const entry: Record<string, unknown> = {
    id,
    length: n,
    rnafold: rf && { mfeSeconds: Number(rf.mfe_median_s), pfSeconds: Number(rf.pf_median_s), mfeRssMiB: Number(rf.mfe_maxrss_mib), pfRssMiB: Number(rf.pf_maxrss_mib), mfe: Number(rf.mfe_kcal), ensemble: Number(rf.ensemble_kcal) },
  };
  // 'wasm' = TypeScript engine + WebAssembly SIMD kernels (default), 'js' = pure TypeScript
  for (const backend of ['wasm', 'js'] as const) {
    if (backend === 'js' && n > 2000 && !args.includes('--js-4000')) continue;
    const extra = (k: number, withCache: boolean) => ['', withCache && k === 0 && n >= 1000 && backend === 'wasm' ? cache : '', backend === 'js' ? 'js' : 'auto'];
    const mfeRuns = Array.from({ length: reps }, (_, k) => run('mfe', id, extra(k, false)));
    const pfRuns = Array.from({ length: reps }, (_, k) => run('pf', id, extra(k, true)));
    const e = { mfe: summarize(mfeRuns, { energy: mfeRuns[0].energy }), pf: summarize(pfRuns, { ensembleEnergy: pfRuns[0].ensembleEnergy }) };
    entry[backend] = e;
    const f = (x: number | undefined) => (x === undefined ? '-' : x.toFixed(3));
    const t = (m: { seconds: number; cpuSeconds?: number; warmSeconds?: number; warmCpuSeconds?: number }) => `${f(m.seconds)} s (cpu ${f(m.cpuSeconds)}, warm ${f(m.warmSeconds)}/cpu ${f(m.warmCpuSeconds)})`;
    console.log(
      `${id} [${backend}]: MFE ${t(e.mfe)} [RNAfold ${rf?.mfe_median_s} s]; ` +
        `MFE+PF+bpp ${t(e.pf)} [RNAfold -p ${rf?.pf_median_s} s], ` +
        `max RSS ${e.pf.maxRssMiB.toFixed(0)} MiB (RNAfold ${rf?.pf_maxrss_mib}); MFE ${e.mfe.energy}, G ${e.pf.ensembleEnergy}`,
    );
  }
  exact.push(entry);
  if (n >= 1000) {
    for (const b of beams) {
      const m = run('beam', id, [String(b), cache]);
      beamRuns.push(m);
      console.log(
        `  beam ${b}: ${m.seconds.toFixed(3)} s (cpu ${(m.cpuSeconds as number).toFixed(3)}), max |dp| ${(m.maxAbsDiff as number | undefined)?.toExponential(2) ?? '-'}, ` +
          `dG ${(m.ensembleEnergyDiff as number | undefined)?.toFixed(3) ?? '-'} kcal/mol, max RSS ${m.maxRssMiB.toFixed(0)} MiB`,
      );
    }
  }
}

const result = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, loadavg: os.loadavg() },
  note: 'seconds measured inside a fresh Node process (start-up excluded); RNAfold times include process start-up and were measured under load (see rnafold-timing.tsv)',
  exact,
  beam: beamRuns,
};
const outDir = path.join(repoRoot, 'bench/results');
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, 'fold.json'), JSON.stringify(result, null, 2) + '\n');
fs.rmSync(tmp, { recursive: true, force: true });
console.log(`wrote ${path.join(outDir, 'fold.json')}`);

// One folding measurement in a fresh process (so that memory high-water marks are per task):
//   node --import tsx bench/fold/worker.ts <mfe|pf|beam> <fastaId> [beam] [exactCacheFile] [js|auto]
// Prints one JSON line: seconds (wall) and cpuSeconds of the first call in the process (start-up
// excluded, JIT warm-up included), warmSeconds / warmCpuSeconds (median of further calls in the
// same process, up to 1,000 nt: the steady state of a long-lived server), max RSS (MiB).
// `pf` = MFE + partition function + base-pair probabilities (+ centroid, MEA), like RNAfold -p.
// `beam` = linear-time beam partition function; with an exact cache file it also reports the
// largest bpp difference to the exact result.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { beamPartition, mfe, partition, setKernelBackend } from '../../src/core/structure/index';

const [mode, id, beamArg, cacheFile, backend] = process.argv.slice(2);
// 'js' = pure TypeScript; default 'auto' = TypeScript + WebAssembly SIMD kernels
setKernelBackend(backend === 'js' ? 'js' : 'auto');
const fasta = fs.readFileSync(path.join(__dirname, 'timing-seqs.fa'), 'utf8').trim().split('\n');
const seq = fasta[fasta.findIndex((l) => l === `>${id}`) + 1];
if (!seq) throw new Error(`no sequence ${id}`);

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const c0 = cpu();
const t0 = performance.now();
let summary: Record<string, unknown>;
if (mode === 'mfe') {
  const r = mfe(seq);
  summary = { energy: r.energy, cpuSeconds: cpu() - c0 };
} else if (mode === 'pf') {
  const r = partition(seq);
  const seconds = (performance.now() - t0) / 1000;
  summary = { energy: r.mfe.energy, ensembleEnergy: r.ensembleEnergy, seconds, cpuSeconds: cpu() - c0 };
  if (cacheFile) {
    const pairs: number[] = [];
    r.bpp.forEach((i, j, p) => pairs.push(i, j, p), 1e-6);
    fs.writeFileSync(cacheFile, JSON.stringify({ ensembleEnergy: r.ensembleEnergyExact, pairs }));
  }
} else if (mode === 'beam') {
  const beam = Number(beamArg ?? 100);
  const r = beamPartition(seq, { beam });
  summary = { beam, ensembleEnergy: r.ensembleEnergy, cpuSeconds: cpu() - c0 };
  if (cacheFile && fs.existsSync(cacheFile)) {
    const seconds = (performance.now() - t0) / 1000;
    const exact = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { ensembleEnergy: number; pairs: number[] };
    const ex = new Map<number, number>();
    for (let k = 0; k < exact.pairs.length; k += 3) ex.set(exact.pairs[k] * 100000 + exact.pairs[k + 1], exact.pairs[k + 2]);
    let max = 0;
    r.bpp.forEach((i, j, p) => (max = Math.max(max, Math.abs(p - (ex.get(i * 100000 + j) ?? 0)))));
    for (const [key, p] of ex) max = Math.max(max, Math.abs(p - r.bpp.get(Math.floor(key / 100000), key % 100000)));
    summary = { ...summary, seconds, maxAbsDiff: max, ensembleEnergyDiff: r.ensembleEnergyExact - exact.ensembleEnergy };
  }
} else {
  throw new Error(`unknown mode ${mode}`);
}
const seconds = (summary.seconds as number | undefined) ?? (performance.now() - t0) / 1000;
const maxRssMiB = process.resourceUsage().maxRSS / 1024;
// steady state (as in the long-lived server process): median of repeated calls once compiled
let warmSeconds: number | undefined;
let warmCpuSeconds: number | undefined;
if (seq.length <= 1000 && mode !== 'beam') {
  const times: number[] = [];
  const cpus: number[] = [];
  // small inputs need many calls before the optimising compiler has kicked in: keep the second half
  const reps = seq.length <= 200 ? 40 : seq.length <= 500 ? 10 : 3;
  for (let k = 0; k < reps; k++) {
    const t1 = performance.now();
    const c1 = cpu();
    if (mode === 'mfe') mfe(seq);
    else partition(seq);
    times.push((performance.now() - t1) / 1000);
    cpus.push(cpu() - c1);
  }
  const steady = (xs: number[]) => {
    const tail = xs.slice(Math.floor(xs.length / 2)).sort((a, b) => a - b);
    return tail[Math.floor(tail.length / 2)];
  };
  warmSeconds = steady(times);
  warmCpuSeconds = steady(cpus);
}
console.log(JSON.stringify({ mode, id, backend: backend === 'js' ? 'js' : 'wasm', length: seq.length, ...summary, seconds, warmSeconds, warmCpuSeconds, maxRssMiB }));

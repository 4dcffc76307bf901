// Generates the large-FASTA benchmark input: ~50 MB of RNA records (200-3,000 nt, wrapped at 60,
// some soft-masked, one record in 500 with a deliberate error), deterministic from a seed.
import * as fs from 'node:fs';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedFile {
  path: string;
  bytes: number;
  records: number;
  lines: number;
}

export function generateLargeFasta(path: string, targetBytes = 50_000_000, seed = 42): GeneratedFile {
  const r = rng(seed);
  const chunks: string[] = [];
  let bytes = 0;
  let records = 0;
  let lines = 0;
  while (bytes < targetBytes) {
    const len = 200 + Math.floor(r() * 2800);
    let seq = '';
    for (let i = 0; i < len; i++) seq += 'ACGU'[Math.floor(r() * 4)];
    if (r() < 0.2) {
      const s = Math.floor(r() * (len - 50));
      seq = seq.slice(0, s) + seq.slice(s, s + 50).toLowerCase() + seq.slice(s + 50);
    }
    if (records % 500 === 499) seq = seq.slice(0, 10) + 'X' + seq.slice(11);
    let rec = `>rec${records + 1} synthetic length=${len}\n`;
    lines++;
    for (let i = 0; i < seq.length; i += 60) {
      rec += seq.slice(i, i + 60) + '\n';
      lines++;
    }
    if (bytes + rec.length > targetBytes && records > 0) break;
    chunks.push(rec);
    bytes += rec.length;
    records++;
  }
  fs.writeFileSync(path, chunks.join(''));
  return { path, bytes, records, lines };
}

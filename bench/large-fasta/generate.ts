// Writes the 1 GB FASTA of bench/large-fasta with streamed (synchronous, 4 MB) writes, so neither
// the generator nor the disk image is sparse or held in memory: 200-20,000 nt RNA records wrapped
// at 60 (one in 1,000 with an invalid character, some T/U mixes and duplicate ids), plus a 100 MB
// wrapped record and a 20 MB record on a single line. Deterministic from the seed (core/random).
import * as fs from 'node:fs';
import { Random } from '../../src/core/random';

export interface LargeFasta {
  path: string;
  bytes: number;
  records: number;
  lines: number;
}

const BASES = [0x41, 0x43, 0x47, 0x55]; // A C G U

/** n random bases, 16 per 32-bit draw, through a byte buffer (fast enough for 1 GB). */
function randomSequence(r: Random, n: number): string {
  const buf = Buffer.allocUnsafe(n);
  for (let i = 0; i < n; i += 16) {
    let x = r.nextUint32();
    for (let k = i; k < Math.min(n, i + 16); k++, x >>>= 2) buf[k] = BASES[x & 3];
  }
  return buf.toString('latin1');
}

export function generateLargeFasta(file: string, targetBytes = 1 << 30, seed = 7): LargeFasta {
  const r = new Random(seed);
  const fd = fs.openSync(file, 'w');
  let pending: string[] = [];
  let pendingBytes = 0;
  let bytes = 0;
  let records = 0;
  let lines = 0;
  const write = (s: string) => {
    pending.push(s);
    pendingBytes += s.length; // ASCII only: characters = bytes
    if (pendingBytes >= 1 << 22) flush();
  };
  const flush = () => {
    if (pendingBytes === 0) return;
    fs.writeSync(fd, pending.join(''));
    bytes += pendingBytes;
    pending = [];
    pendingBytes = 0;
  };
  const record = (id: string, seq: string, width: number) => {
    records++;
    write(`>${id} synthetic length=${seq.length}\n`);
    lines++;
    if (width <= 0) {
      write(seq + '\n');
      lines++;
      return;
    }
    for (let i = 0; i < seq.length; i += width) {
      write(seq.slice(i, i + width) + '\n');
      lines++;
    }
  };
  try {
    record('huge_single_line', randomSequence(r, 20_000_000), 0);
    let wroteBig = false;
    while (bytes + pendingBytes < targetBytes) {
      if (!wroteBig && bytes > targetBytes / 2) {
        record('big_wrapped', randomSequence(r, 100_000_000), 60);
        wroteBig = true;
        continue;
      }
      const n = 200 + r.int(0, 19_800);
      let seq = randomSequence(r, n);
      if (records % 1000 === 999) seq = seq.slice(0, 10) + 'X' + seq.slice(11);
      if (records % 5000 === 17) seq = seq.slice(0, 20) + 'T' + seq.slice(21);
      const id = records % 10_000 === 5000 ? 'rec1' : `rec${records}`;
      record(id, seq, 60);
    }
    flush();
  } finally {
    fs.closeSync(fd);
  }
  return { path: file, bytes, records, lines };
}

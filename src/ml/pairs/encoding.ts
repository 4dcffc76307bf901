// Inputs of the pair networks, in plain TypeScript (the reference the TF.js layers are tested against):
// A and B one-hot (L x 4, channels A C G U, T = U, IUPAC codes as probability vectors, padding rows all
// zero), both read 5'->3'; and the interaction map, La x Lb cells with one channel vector per cell:
//   'pairing' (4 channels): AU  = a_A b_U + a_U b_A   (Watson-Crick A-U / A-T)
//                           GC  = a_G b_C + a_C b_G   (Watson-Crick G-C)
//                           GU  = a_G b_U + a_U b_G   (wobble)
//                           real = (sum a)(sum b)     (1 where both positions exist: the padding mask)
//   'full'   (20 channels): the 16 base combinations a_x b_y (x, y in A C G U, index 4x + y), then the
//                           4 pairing channels.
// B pairs antiparallel with A, so a run of stacked pairs A[i]..A[i+r] with B[j]..B[j-r] lies on the
// anti-diagonal i + j = const of the map (see layers/diagonalSkew.ts).
import { ONE_HOT_TABLE } from '../../core/encoding/oneHot';

export type MapChannels = 'pairing' | 'full';

export const PAIRING_CHANNEL_NAMES = ['AU', 'GC', 'GU', 'real'] as const;
const BASES = 'ACGU';

export function mapChannelNames(mode: MapChannels): string[] {
  const pairing: string[] = [...PAIRING_CHANNEL_NAMES];
  if (mode === 'pairing') return pairing;
  const combos: string[] = [];
  for (const x of BASES) for (const y of BASES) combos.push(`${x}${y}`);
  return [...combos, ...pairing];
}

export function mapChannelCount(mode: MapChannels): number {
  return mode === 'pairing' ? 4 : 20;
}

/**
 * Channel weights W[x][y][c]: channel c of cell (i, j) = sum_x,y a_i[x] W[x][y][c] b_j[y]. Flat,
 * index (x * 4 + y) * C + c. The TF.js layer computes the map with these weights as two matMuls.
 */
export function mapWeights(mode: MapChannels): Float32Array {
  const C = mapChannelCount(mode);
  const w = new Float32Array(16 * C);
  const set = (x: string, y: string, c: number) => (w[(BASES.indexOf(x) * 4 + BASES.indexOf(y)) * C + c] = 1);
  const off = mode === 'full' ? 16 : 0;
  if (mode === 'full') for (let k = 0; k < 16; k++) w[k * C + k] = 1;
  set('A', 'U', off);
  set('U', 'A', off);
  set('G', 'C', off + 1);
  set('C', 'G', off + 1);
  set('G', 'U', off + 2);
  set('U', 'G', off + 2);
  for (let k = 0; k < 16; k++) w[k * C + off + 3] = 1;
  return w;
}

/** One-hot of `seq` padded (or truncated) to `length`: length x 4 floats. */
export function oneHot(seq: string, length = seq.length): Float32Array {
  const out = new Float32Array(length * 4);
  const n = Math.min(seq.length, length);
  for (let i = 0; i < n; i++) {
    const code = seq.charCodeAt(i);
    if (code < 128) out.set(ONE_HOT_TABLE.subarray(code * 4, code * 4 + 4), i * 4);
  }
  return out;
}

/**
 * The interaction map of A (padded to la) and B (padded to lb): la x lb x C floats, row-major
 * (cell (i, j) at (i * lb + j) * C). Padding cells are all zero.
 */
export function interactionMap(a: string, b: string, mode: MapChannels = 'pairing', la = a.length, lb = b.length): Float32Array {
  const C = mapChannelCount(mode);
  const w = mapWeights(mode);
  const ha = oneHot(a, la);
  const hb = oneHot(b, lb);
  const out = new Float32Array(la * lb * C);
  for (let i = 0; i < la; i++) {
    for (let j = 0; j < lb; j++) {
      const o = (i * lb + j) * C;
      for (let x = 0; x < 4; x++) {
        const ax = ha[i * 4 + x]!;
        if (ax === 0) continue;
        for (let y = 0; y < 4; y++) {
          const v = ax * hb[j * 4 + y]!;
          if (v === 0) continue;
          for (let c = 0; c < C; c++) out[o + c] += v * w[(x * 4 + y) * C + c]!;
        }
      }
    }
  }
  return out;
}

/** A batch of sequences as one-hot [n, length, 4] (length = longest, or at least `minLength`). */
export function oneHotBatch(seqs: readonly string[], minLength = 1): { data: Float32Array; length: number } {
  let length = minLength;
  for (const s of seqs) if (s.length > length) length = s.length;
  const data = new Float32Array(seqs.length * length * 4);
  seqs.forEach((s, r) => {
    const base = r * length * 4;
    const n = s.length;
    for (let i = 0; i < n; i++) {
      const code = s.charCodeAt(i);
      if (code < 128) data.set(ONE_HOT_TABLE.subarray(code * 4, code * 4 + 4), base + i * 4);
    }
  });
  return { data, length };
}

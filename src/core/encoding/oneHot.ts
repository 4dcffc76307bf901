// One-hot encoding of nucleotide sequences for the networks: L x 4 floats per sequence, channel
// order A C G U (T = U), written into a caller's Float32Array at an offset (no allocation per call).
// IUPAC ambiguity codes are their probability vectors (N = 0.25 each, R = A/G 0.5 each, ...);
// anything else (gap, invalid) is all zeros. Batch helpers pad to a common length with zeros and
// give a 0/1 mask of the real positions.

export const ONE_HOT_ALPHABET = 'ACGU';
export const ONE_HOT_CHANNELS = 4;

/** IUPAC code -> bases it stands for (T written as U). */
const IUPAC: Record<string, string> = {
  A: 'A', C: 'C', G: 'G', T: 'U', U: 'U',
  R: 'AG', Y: 'CU', S: 'CG', W: 'AU', K: 'GU', M: 'AC',
  B: 'CGU', D: 'AGU', H: 'ACU', V: 'ACG', N: 'ACGU',
};

/** Probability vector of every character code < 128 (4 floats per code; upper and lower case). */
export const ONE_HOT_TABLE: Float32Array = (() => {
  const t = new Float32Array(128 * 4);
  for (const [code, bases] of Object.entries(IUPAC)) {
    for (const c of [code, code.toLowerCase()]) {
      const row = c.charCodeAt(0) * 4;
      for (const b of bases) t[row + ONE_HOT_ALPHABET.indexOf(b)] = 1 / bases.length;
    }
  }
  return t;
})();

/**
 * Writes `length` x 4 values at `out[offset...]`: the first min(seq.length, length) positions
 * encoded, the rest zero (padding). Returns the number of encoded positions. `length` defaults to
 * the sequence length; a longer sequence is truncated.
 */
export function oneHotInto(seq: string, out: Float32Array, offset = 0, length = seq.length): number {
  const n = Math.min(seq.length, length);
  const table = ONE_HOT_TABLE;
  let o = offset;
  for (let i = 0; i < n; i++, o += 4) {
    const code = seq.charCodeAt(i);
    if (code < 128) {
      const r = code * 4;
      out[o] = table[r];
      out[o + 1] = table[r + 1];
      out[o + 2] = table[r + 2];
      out[o + 3] = table[r + 3];
    } else {
      out[o] = out[o + 1] = out[o + 2] = out[o + 3] = 0;
    }
  }
  out.fill(0, o, offset + length * 4);
  return n;
}

/** Writes `length` mask values at `out[offset...]`: 1 for the first min(realLength, length), then 0. */
export function maskInto(realLength: number, out: Float32Array, offset = 0, length = realLength): void {
  const n = Math.max(0, Math.min(realLength, length));
  out.fill(1, offset, offset + n);
  out.fill(0, offset + n, offset + length);
}

/** Longest sequence length of a batch. */
export function maxLength(seqs: readonly string[]): number {
  let m = 0;
  for (const s of seqs) if (s.length > m) m = s.length;
  return m;
}

export interface OneHotBatch {
  /** batch x length x 4, row-major. */
  data: Float32Array;
  /** batch x length: 1 at real positions, 0 at padding. */
  mask: Float32Array;
  /** Encoded length of each sequence (after truncation). */
  lengths: Int32Array;
  batch: number;
  length: number;
}

/**
 * Encodes a batch padded to `length` (default: the longest sequence). Pass `into` to reuse buffers
 * across batches: they are used when large enough, else replaced.
 */
export function oneHotBatch(seqs: readonly string[], length = maxLength(seqs), into?: Partial<OneHotBatch>): OneHotBatch {
  const batch = seqs.length;
  const data = into?.data && into.data.length >= batch * length * 4 ? into.data : new Float32Array(batch * length * 4);
  const mask = into?.mask && into.mask.length >= batch * length ? into.mask : new Float32Array(batch * length);
  const lengths = into?.lengths && into.lengths.length >= batch ? into.lengths : new Int32Array(batch);
  for (let b = 0; b < batch; b++) {
    lengths[b] = oneHotInto(seqs[b], data, b * length * 4, length);
    maskInto(lengths[b], mask, b * length, length);
  }
  return { data, mask, lengths, batch, length };
}

// k-mer frequency vectors of a sequence for the linear baselines: for k = 1..maxK (default 3) the
// 4^k counts of every k-mer (alphabet A C G U, T counted as U, order as in kmerNames), each block
// divided by the number of k-mer windows L - k + 1, so a block sums to 1 for a sequence of definite
// bases. Windows holding an ambiguity code or other character are not counted.

/** Base index (A C G U = 0 1 2 3, T as U, either case) of a character code < 128; -1 for anything else. */
export const BASE_CODE = (() => {
  const t = new Int8Array(128).fill(-1);
  'ACGU'.split('').forEach((c, i) => {
    t[c.charCodeAt(0)] = i;
    t[c.toLowerCase().charCodeAt(0)] = i;
  });
  t['T'.charCodeAt(0)] = 3;
  t['t'.charCodeAt(0)] = 3;
  return t;
})();

/** Number of features for k = 1..maxK: 4 + 16 + 64 = 84 for maxK = 3. */
export function kmerFeatureCount(maxK = 3): number {
  let n = 0;
  for (let k = 1; k <= maxK; k++) n += 4 ** k;
  return n;
}

/** Names of the features in order: A C G U, AA AC ... UU, AAA ... UUU. */
export function kmerNames(maxK = 3): string[] {
  const names: string[] = [];
  for (let k = 1; k <= maxK; k++) {
    for (let x = 0; x < 4 ** k; x++) {
      let s = '';
      for (let p = k - 1; p >= 0; p--) s += 'ACGU'[Math.floor(x / 4 ** p) % 4];
      names.push(s);
    }
  }
  return names;
}

/** Writes kmerFeatureCount(maxK) values at `out[offset...]`. */
export function kmerFrequenciesInto(seq: string, out: Float32Array | Float64Array, offset = 0, maxK = 3): void {
  const L = seq.length;
  let block = offset;
  for (let k = 1; k <= maxK; k++) {
    const size = 4 ** k;
    out.fill(0, block, block + size);
    const windows = L - k + 1;
    if (windows > 0) {
      const mask = size - 1;
      let code = 0;
      let valid = 0; // number of consecutive definite bases ending at i
      for (let i = 0; i < L; i++) {
        const ch = seq.charCodeAt(i);
        const b = ch < 128 ? BASE_CODE[ch] : -1;
        if (b < 0) {
          valid = 0;
          code = 0;
          continue;
        }
        code = ((code << 2) | b) & mask;
        if (++valid >= k) out[block + code]++;
      }
      for (let x = 0; x < size; x++) out[block + x] /= windows;
    }
    block += size;
  }
}

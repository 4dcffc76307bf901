// The training pairs of a model, kept for novelty checks without keeping the data: each (A, B) as a
// 64-bit hash (two independent 32-bit FNV-1a variants of pairKey), sorted, in `training-pairs.bin`
// (little-endian uint32 pairs hi, lo). A false "seen" needs a 64-bit collision (~n^2 / 2^65).
import { pairKey } from '../../../core/metrics/generation';

export const TRAINING_PAIRS_BIN = 'training-pairs.bin';

function fnv(text: string, basis: number, prime: number): number {
  let h = basis;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, prime);
  }
  return h >>> 0;
}

function hashPair(a: string, b: string): [number, number] {
  const key = pairKey(a, b);
  return [fnv(key, 0x811c9dc5, 0x01000193), (fnv(key, 0x050c5d1f, 0x01000197) ^ key.length) >>> 0];
}

export class TrainingPairSet {
  /** Sorted (hi, lo) pairs, flat. */
  private constructor(readonly hashes: Uint32Array) {}

  get size(): number {
    return this.hashes.length / 2;
  }

  static fromPairs(pairs: readonly { a: string; b: string }[]): TrainingPairSet {
    const list = pairs.map((p) => hashPair(p.a, p.b));
    list.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    const flat: number[] = [];
    list.forEach(([hi, lo], k) => {
      if (k > 0 && hi === list[k - 1]![0] && lo === list[k - 1]![1]) return; // duplicates once
      flat.push(hi, lo);
    });
    return new TrainingPairSet(Uint32Array.from(flat));
  }

  /** From the bytes of training-pairs.bin; undefined when they are not a valid sorted hash list. */
  static fromBytes(bytes: Uint8Array): TrainingPairSet | undefined {
    if (bytes.byteLength % 8 !== 0) return undefined;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const out = new Uint32Array(bytes.byteLength / 4);
    for (let i = 0; i < out.length; i++) out[i] = view.getUint32(i * 4, true);
    for (let k = 2; k < out.length; k += 2) {
      if (out[k - 2]! > out[k]! || (out[k - 2] === out[k] && out[k - 1]! >= out[k + 1]!)) return undefined;
    }
    return new TrainingPairSet(out);
  }

  toBytes(): Uint8Array {
    const bytes = new Uint8Array(this.hashes.length * 4);
    const view = new DataView(bytes.buffer);
    this.hashes.forEach((v, i) => view.setUint32(i * 4, v, true));
    return bytes;
  }

  has(a: string, b: string): boolean {
    const [hi, lo] = hashPair(a, b);
    let low = 0;
    let high = this.size - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const h = this.hashes[mid * 2]!;
      const l = this.hashes[mid * 2 + 1]!;
      if (h === hi && l === lo) return true;
      if (h < hi || (h === hi && l < lo)) low = mid + 1;
      else high = mid - 1;
    }
    return false;
  }
}

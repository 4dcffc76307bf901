// Per-position structural context channels: the base of the pairing partner (one-hot A C G U, zero
// when unpaired) and the length of the element a position sits in — its unpaired run (a loop side) or
// its stacked helix — divided by 10 and capped at 3. Computed from a partner table (0-based, -1 unpaired).
import { ONE_HOT_TABLE } from '../../core/encoding/oneHot';

export const CONTEXT_CHANNELS = ['partner_A', 'partner_C', 'partner_G', 'partner_U', 'element_length'] as const;

/** Writes the context channels of every position at out[i * stride + offset ...]. */
export function writeStructureContext(sequence: string, partner: Int32Array, out: Float32Array, stride: number, offset: number): void {
  const n = partner.length;
  const runLength = new Int32Array(n);
  let start = 0;
  for (let i = 1; i <= n; i++) {
    // positions i-1 and i are in the same element when both unpaired, or paired and stacked
    const same =
      i < n &&
      ((partner[i - 1]! < 0 && partner[i]! < 0) || (partner[i - 1]! >= 0 && partner[i]! >= 0 && partner[i]! === partner[i - 1]! - 1));
    if (!same) {
      runLength.fill(i - start, start, i);
      start = i;
    }
  }
  for (let i = 0; i < n; i++) {
    const row = i * stride + offset;
    const j = partner[i]!;
    if (j >= 0) {
      const code = sequence.charCodeAt(j);
      if (code < 128) for (let b = 0; b < 4; b++) out[row + b] = ONE_HOT_TABLE[code * 4 + b]!;
    }
    out[row + 4] = Math.min(3, runLength[i]! / 10);
  }
}

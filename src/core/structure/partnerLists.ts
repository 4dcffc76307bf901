// Canonical pairing partners of every position, used to restrict the interior-loop searches of
// the DP algorithms to possible pairs, with precomputed indices into the [NP][5][5] mismatch
// tables for a pair seen from outside (outerMm) and from inside an enclosing loop (innerMm).

import * as sequence from './sequence';
import type { EncodedSequence } from './sequence';

const PAIR_TYPE = sequence.PAIR_TYPE;
const RTYPE = sequence.RTYPE;

export interface PartnerLists {
  /** partners of p are q[start[p] .. start[p+1]-1], ascending, all q >= p + minHairpin + 1 */
  readonly start: Int32Array;
  readonly q: Int32Array;
  /** pair type of (p,q) */
  readonly type: Int8Array;
  /** pair type of (q,p) */
  readonly type2: Int8Array;
  /** rtype(p,q)*25 + S[q+1]*5 + S[p-1]: mismatch index of (p,q) as the inner pair of a loop */
  readonly mmIdx: Int32Array;
  /** type(p,q)*25 + S[p+1]*5 + S[q-1]: mismatch index of (p,q) as the closing pair of a loop */
  readonly outerMm: Int32Array;
}

export function partnerLists(es: EncodedSequence, minHairpin = 3): PartnerLists {
  const { n, S } = es;
  const start = new Int32Array(n + 2);
  let count = 0;
  for (let p = 1; p <= n; p++) {
    start[p] = count;
    for (let q = p + minHairpin + 1; q <= n; q++) if (PAIR_TYPE[S[p] * 5 + S[q]] !== 0) count++;
  }
  start[n + 1] = count;
  const qs = new Int32Array(count);
  const type = new Int8Array(count);
  const type2 = new Int8Array(count);
  const mmIdx = new Int32Array(count);
  const outerMm = new Int32Array(count);
  let k = 0;
  for (let p = 1; p <= n; p++) {
    for (let q = p + minHairpin + 1; q <= n; q++) {
      const t = PAIR_TYPE[S[p] * 5 + S[q]];
      if (t === 0) continue;
      qs[k] = q;
      type[k] = t;
      type2[k] = RTYPE[t];
      mmIdx[k] = RTYPE[t] * 25 + S[q + 1] * 5 + S[p - 1];
      outerMm[k] = t * 25 + S[p + 1] * 5 + S[q - 1];
      k++;
    }
  }
  return { start, q: qs, type, type2, mmIdx, outerMm };
}

// Small numeric kernels for the O(n^3) parts of the DP algorithms (4-way unrolled: V8 does not
// vectorise, but independent accumulators still give ~20-30% over a plain loop).

/** sum_{k<len} a[ao+k] * b[bo+k] */
export function dot(a: Float64Array, ao: number, b: Float64Array, bo: number, len: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = 0;
  for (; k + 3 < len; k += 4) {
    s0 += a[ao + k] * b[bo + k];
    s1 += a[ao + k + 1] * b[bo + k + 1];
    s2 += a[ao + k + 2] * b[bo + k + 2];
    s3 += a[ao + k + 3] * b[bo + k + 3];
  }
  for (; k < len; k++) s0 += a[ao + k] * b[bo + k];
  return s0 + s1 + (s2 + s3);
}

/** y[yo+k] += a * x[xo+k] for k < len */
export function axpy(y: Float64Array, yo: number, a: number, x: Float64Array, xo: number, len: number): void {
  let k = 0;
  for (; k + 3 < len; k += 4) {
    y[yo + k] += a * x[xo + k];
    y[yo + k + 1] += a * x[xo + k + 1];
    y[yo + k + 2] += a * x[xo + k + 2];
    y[yo + k + 3] += a * x[xo + k + 3];
  }
  for (; k < len; k++) y[yo + k] += a * x[xo + k];
}

/** min_{k<len} a[ao+k] + b[bo+k] (integers), or `init` if smaller */
export function minPlus(a: Int32Array, ao: number, b: Int32Array, bo: number, len: number, init: number): number {
  let m0 = init;
  let m1 = init;
  let k = 0;
  for (; k + 1 < len; k += 2) {
    const s0 = a[ao + k] + b[bo + k];
    const s1 = a[ao + k + 1] + b[bo + k + 1];
    if (s0 < m0) m0 = s0;
    if (s1 < m1) m1 = s1;
  }
  if (k < len) {
    const s = a[ao + k] + b[bo + k];
    if (s < m0) m0 = s;
  }
  return m0 < m1 ? m0 : m1;
}

// Dense symmetric positive-definite solve by Cholesky factorisation (A = L L^T), row-major
// Float64Array, for the ridge normal equations (p or n up to a few thousand).

/** Factorises the n x n matrix `a` in place into its lower triangle L; false if not positive definite. */
export function choleskyInPlace(a: Float64Array, n: number): boolean {
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    let d = a[rj + j];
    for (let k = 0; k < j; k++) d -= a[rj + k] * a[rj + k];
    if (!(d > 0)) return false;
    const ljj = Math.sqrt(d);
    a[rj + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      let s = a[ri + j];
      for (let k = 0; k < j; k++) s -= a[ri + k] * a[rj + k];
      a[ri + j] = s / ljj;
    }
  }
  return true;
}

/** Solves L L^T x = b with the factor from choleskyInPlace; b is overwritten with x. */
export function choleskySolveInPlace(l: Float64Array, n: number, b: Float64Array): Float64Array {
  for (let i = 0; i < n; i++) {
    let s = b[i];
    const ri = i * n;
    for (let k = 0; k < i; k++) s -= l[ri + k] * b[k];
    b[i] = s / l[ri + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * b[k];
    b[i] = s / l[i * n + i];
  }
  return b;
}

/** x solving (A + lambda I) x = b for symmetric positive semi-definite A (A is not modified). */
export function solveShifted(a: Float64Array, n: number, lambda: number, b: ArrayLike<number>): Float64Array {
  const m = Float64Array.from(a);
  for (let i = 0; i < n; i++) m[i * n + i] += lambda;
  if (!choleskyInPlace(m, n)) throw new RangeError(`matrix not positive definite (lambda = ${lambda})`);
  return choleskySolveInPlace(m, n, Float64Array.from(b));
}

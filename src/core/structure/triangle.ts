// Flat triangular indexing for DP matrices over 1-based positions 1 <= i <= j <= n.
// Row-major ("row i holds j = i..n contiguously") and column-major ("column j holds i = 1..j
// contiguously") variants; both use n(n+1)/2 cells.

/** rowOffsets(n)[i] + j is the cell of (i,j) in row-major order. */
export function rowOffsets(n: number): Int32Array {
  const off = new Int32Array(n + 2);
  let start = 0;
  for (let i = 1; i <= n + 1; i++) {
    off[i] = start - i;
    start += n - i + 1;
  }
  return off;
}

/** colOffsets(n)[j] + i is the cell of (i,j) in column-major order. */
export function colOffsets(n: number): Int32Array {
  const off = new Int32Array(n + 2);
  for (let j = 1; j <= n + 1; j++) off[j] = ((j - 1) * j) / 2 - 1;
  return off;
}

export function triangleSize(n: number): number {
  return (n * (n + 1)) / 2 + 1;
}

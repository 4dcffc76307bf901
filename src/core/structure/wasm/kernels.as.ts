// @ts-nocheck -- AssemblyScript source (not TypeScript): compiled by buildKernels.ts to the
// WebAssembly module embedded in kernelsBinary.ts. SIMD versions of the inner products of the
// O(n^3) parts of the folding DP (see ../kernels.ts for their JavaScript twins and contracts).
// Arguments are byte offsets into the imported memory.

/** min_{k<len} a[k] + b[k] over int32 vectors, or `init` if smaller */
export function minPlusI32(a: usize, b: usize, len: i32, init: i32): i32 {
  let m0 = i32x4.splat(init);
  let m1 = i32x4.splat(init);
  let k: i32 = 0;
  for (; k + 8 <= len; k += 8) {
    const o = <usize>(k << 2);
    m0 = i32x4.min_s(m0, i32x4.add(v128.load(a + o), v128.load(b + o)));
    m1 = i32x4.min_s(m1, i32x4.add(v128.load(a + o, 16), v128.load(b + o, 16)));
  }
  m0 = i32x4.min_s(m0, m1);
  let r = min(min(i32x4.extract_lane(m0, 0), i32x4.extract_lane(m0, 1)), min(i32x4.extract_lane(m0, 2), i32x4.extract_lane(m0, 3)));
  for (; k < len; k++) {
    const s = load<i32>(a + (<usize>k << 2)) + load<i32>(b + (<usize>k << 2));
    if (s < r) r = s;
  }
  return r;
}

/** sum_{k<len} a[k] * b[k] over float64 vectors */
export function dotF64(a: usize, b: usize, len: i32): f64 {
  let s0 = f64x2.splat(0);
  let s1 = f64x2.splat(0);
  let k: i32 = 0;
  for (; k + 4 <= len; k += 4) {
    const o = <usize>(k << 3);
    s0 = f64x2.add(s0, f64x2.mul(v128.load(a + o), v128.load(b + o)));
    s1 = f64x2.add(s1, f64x2.mul(v128.load(a + o, 16), v128.load(b + o, 16)));
  }
  s0 = f64x2.add(s0, s1);
  let r = f64x2.extract_lane(s0, 0) + f64x2.extract_lane(s0, 1);
  for (; k < len; k++) r += load<f64>(a + (<usize>k << 3)) * load<f64>(b + (<usize>k << 3));
  return r;
}

/** y[k] += alpha * x[k] over float64 vectors */
export function axpyF64(y: usize, alpha: f64, x: usize, len: i32): void {
  const va = f64x2.splat(alpha);
  let k: i32 = 0;
  for (; k + 2 <= len; k += 2) {
    const o = <usize>(k << 3);
    v128.store(y + o, f64x2.add(v128.load(y + o), f64x2.mul(va, v128.load(x + o))));
  }
  for (; k < len; k++) {
    const o = <usize>(k << 3);
    store<f64>(y + o, load<f64>(y + o) + alpha * load<f64>(x + o));
  }
}

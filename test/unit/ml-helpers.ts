// Shared helpers of the ML unit tests: seeded random arrays, error measures, small data sets.
import { Random } from '../../src/core/random';

/** Standard-normal values for a shape, from a seed (no Math.random, no tf.random). */
export function seededNormal(shape: readonly number[], seed: number): Float32Array {
  const rng = new Random(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return Float32Array.from({ length: n }, () => rng.normal());
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

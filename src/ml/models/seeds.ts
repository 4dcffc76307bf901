// Per-layer initialiser seeds drawn from one model seed, so that the same seed builds the same weights.
import { Random } from '../../core/random';

export class LayerSeeds {
  private readonly random: Random;
  constructor(seed: number) {
    this.random = new Random(`model-init-${seed}`);
  }
  /** The next layer's seed (a positive 31-bit integer). */
  next(): number {
    return this.random.int(1, 2147483647);
  }
}

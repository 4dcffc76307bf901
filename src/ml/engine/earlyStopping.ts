// The validation schedule every training loop of the engine shares (regressor, pair classifier, pair
// generator): after each epoch the loop says whether validation improved (its own criterion); this
// keeps a copy of the best weights, halves the learning rate when validation stalls, says when to stop
// (patience), and finally restores the best weights.
import type * as tf from '../tf';
import type { FusedAdam } from './fusedAdam';

export interface EarlyStoppingOptions {
  /** Epochs without improvement before stopping. */
  patience: number;
  /** Epochs without improvement before the learning rate is halved. */
  lrPatience: number;
  /** Epochs between two halvings while validation keeps stalling (default lrPatience). */
  lrCooldown?: number;
  /** Lower bound of the learning rate. */
  minLearningRate: number;
}

export class EarlyStopping {
  private bestWeights: tf.Tensor[] = [];
  /** Epochs since the last improvement (0 right after one). */
  sinceBest = 0;
  private sinceLrChange = 0;
  bestEpoch = 0;

  constructor(
    private readonly model: tf.LayersModel,
    private readonly optimizer: FusedAdam,
    private readonly opts: EarlyStoppingOptions,
  ) {}

  /** Records one epoch's outcome; returns true when training should stop. */
  update(epoch: number, improved: boolean): boolean {
    if (improved) {
      this.replaceBest(epoch);
      this.sinceBest = 0;
      this.sinceLrChange = 0;
      return false;
    }
    this.sinceBest++;
    this.sinceLrChange++;
    if (this.sinceBest >= this.opts.patience) return true;
    if (this.sinceLrChange >= this.opts.lrPatience && this.optimizer.learningRate > this.opts.minLearningRate) {
      this.optimizer.learningRate = Math.max(this.opts.minLearningRate, this.optimizer.learningRate / 2);
      this.sinceLrChange = this.opts.lrPatience - (this.opts.lrCooldown ?? this.opts.lrPatience);
    }
    return false;
  }

  /** Puts the best weights back into the model (no-op when no epoch improved). */
  restoreBest(): void {
    if (this.bestWeights.length) this.model.setWeights(this.bestWeights);
  }

  dispose(): void {
    for (const t of this.bestWeights) t.dispose();
    this.bestWeights = [];
  }

  private replaceBest(epoch: number): void {
    this.dispose();
    this.bestWeights = this.model.getWeights().map((w) => w.clone());
    this.bestEpoch = epoch;
  }
}

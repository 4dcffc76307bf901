// The active regressor inside the compute process. TF.js is imported on first use only, so that
// folding hovers never pay for it; predictions fold records first when the model's card asks for
// folded structures.
import type { RegressionModel } from '../ml';
import type { LoadedModelSummary, ModelRecord } from './modelProtocol';

type Ml = typeof import('../ml');

export class ActiveModel {
  private ml: Ml | undefined;
  private model: RegressionModel | undefined;
  private dir: string | undefined;

  private async loadMl(): Promise<Ml> {
    if (!this.ml) {
      this.ml = await import('../ml');
      if (!this.ml.currentBackend()) await this.ml.initBackend();
    }
    return this.ml;
  }

  async load(dir: string | null): Promise<LoadedModelSummary | null> {
    if (this.model && this.ml) this.ml.disposeModel(this.model);
    this.model = undefined;
    this.dir = undefined;
    if (dir === null) return null;
    const ml = await this.loadMl();
    const model = await ml.loadModel(dir);
    this.model = model;
    this.dir = dir;
    const card = model.card;
    const m = card.metrics['test'] ?? card.metrics['valid'];
    return {
      dir,
      targetName: card.targetName,
      arch: card.architecture.name,
      structureSource: card.structureSource,
      ...(m ? { spearman: m.spearman } : {}),
      backend: ml.currentBackend()?.name ?? 'unknown',
    };
  }

  async predict(records: ModelRecord[]): Promise<{ prediction: number; sd?: number }[]> {
    if (!this.model || !this.ml) throw new Error('no active model: run "Basepair: Select Active Model"');
    const { structureForModel } = await import('../jobs/structures');
    const source = this.model.card.structureSource;
    const inputs = records.map((r) => structureForModel(r, source));
    return this.ml.predict(this.model, inputs);
  }

  get activeDir(): string | undefined {
    return this.dir;
  }
}

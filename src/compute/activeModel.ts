// The active regressor inside the compute process. TF.js is imported on first use only, so that
// folding hovers never pay for it; predictions fold records first when the model's card asks for
// folded structures.
import type { RegressionModel } from '../ml';
import type { LoadedModelSummary, ModelRecord } from '../protocol/compute';

type Ml = typeof import('../ml');

export class ActiveModel {
  private ml: Ml | undefined;
  private model: RegressionModel | undefined;
  private dir: string | undefined;

  private async loadMl(): Promise<Ml> {
    if (!this.ml) {
      this.ml = await import('../ml');
      const { backendOptionsFromEnv } = await import('../jobs/backendEnv');
      if (!this.ml.currentBackend()) await this.ml.initBackend(backendOptionsFromEnv());
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

  async attribution(record: ModelRecord): Promise<{ values: number[]; reference: number }> {
    if (!this.model || !this.ml) throw new Error('no active model: run "Basepair: Select Active Model"');
    const { structureForModel } = await import('../jobs/structures');
    const { attributionFrom, substitutions } = await import('../jobs/mutagenesis');
    const wild = structureForModel(record, this.model.card.structureSource);
    const mutants = substitutions(record.sequence);
    // the wild type's structure (or pair probabilities) for every mutant
    const inputs = [wild, ...mutants.map((m) => ({ ...wild, sequence: m.sequence }))];
    const out = await this.ml.predict(this.model, inputs);
    const reference = out[0].prediction;
    return { reference, values: attributionFrom(record.sequence.length, reference, mutants, out.slice(1).map((p) => p.prediction)) };
  }

  get activeDir(): string | undefined {
    return this.dir;
  }
}

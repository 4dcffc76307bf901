// Folding for the language server: every fold runs in the compute process, results are cached per
// sequence (and mode), so hovering the same record again is instant.
import { EvalComputeRequest, FoldComputeRequest, type EvalSummary, type FoldParams, type FoldSummary } from '../../protocol/compute';
import type { ComputeProcess } from '../compute/computeProcess';
import { LruPromiseCache } from './foldCache';

export class FoldService {
  private readonly folds = new LruPromiseCache<FoldSummary>(2000);
  private readonly evals = new LruPromiseCache<EvalSummary>(2000);

  constructor(private readonly compute: ComputeProcess) {}

  /** `beam`: fold with the linear-time beam engine of that width instead of the exact algorithm. */
  fold(sequence: string, mode: FoldParams['mode'] = 'mfe', beam?: number): Promise<FoldSummary> {
    const engine = beam ? `beam${beam}` : 'exact';
    const key = `${mode}|${engine}|${sequence.toUpperCase()}`;
    // A partition-function result also answers an MFE question.
    if (mode === 'mfe') {
      const full = this.folds.peek(`partition|${engine}|${sequence.toUpperCase()}`);
      if (full) return Promise.resolve(full);
    }
    return this.folds.get(key, () => this.compute.request(FoldComputeRequest, { sequence, mode, ...(beam ? { beam } : {}) }));
  }

  evaluate(sequence: string, structure: string): Promise<EvalSummary> {
    return this.evals.get(`${sequence.toUpperCase()}|${structure}`, () =>
      this.compute.request(EvalComputeRequest, { sequence, structure }),
    );
  }
}

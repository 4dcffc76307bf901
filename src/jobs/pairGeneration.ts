// A pair-generation job: load a pair model (ModelFileError naming the file when bad or old), generate
// N pairs in sample or design mode under the given constraints, and report them with the metrics of
// the set (validity, rule validity for synthetic tasks, uniqueness, novelty, diversity vs the training
// positives, 3-mer JSD). The same code runs in the editor's job processes and in `basepair generate`.
import * as path from 'node:path';
import { currentBackend, initBackend } from '../ml/backend/initBackend';
import { generatePairs } from '../ml/pairs/generate';
import { disposePairModel, loadPairModel } from '../ml/pairs/io/pairModelDir';
import { backendOptionsFromEnv } from './backendEnv';
import type { PairGenerationProgress, PairGenerationReport } from '../protocol/reports';
export type { PairGenerationProgress, PairGenerationReport } from '../protocol/reports';

import type { PairGenerationJobParams as PairGenerationJobOptions } from '../protocol/jobs';
export type { PairGenerationJobOptions };

export async function runPairGeneration(
  opts: PairGenerationJobOptions,
  cb: { onProgress?: (p: PairGenerationProgress) => void; signal?: AbortSignal } = {},
): Promise<PairGenerationReport> {
  const t0 = performance.now();
  const dir = path.resolve(opts.modelDir);
  cb.onProgress?.({ phase: 'loading', dir });
  const backend = currentBackend() ?? (await initBackend(backendOptionsFromEnv()));
  const mode = opts.mode ?? 'sample';
  const model = await loadPairModel(dir, { generator: mode === 'sample' });
  try {
    const result = await generatePairs(model, {
      n: opts.count,
      mode,
      ...(opts.gc ? { gc: opts.gc } : {}),
      ...(opts.maxHomopolymer !== undefined ? { maxHomopolymer: opts.maxHomopolymer } : {}),
      ...(opts.templateA ? { templateA: opts.templateA } : {}),
      ...(opts.templateB ? { templateB: opts.templateB } : {}),
      ...(opts.temperature !== undefined ? { temperature: opts.temperature } : {}),
      ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
      ...(opts.minScore !== undefined ? { minScore: opts.minScore } : {}),
      ...(opts.maxDraws !== undefined ? { maxDraws: opts.maxDraws } : {}),
      ...(cb.signal ? { signal: cb.signal } : {}),
      onProgress: (p) => cb.onProgress?.({ phase: 'generating', ...p }),
    });
    const r = result.report;
    const nan = (x: number | undefined) => x ?? NaN;
    return {
      modelDir: dir,
      modelName: path.basename(dir),
      mode,
      drawn: result.drawn,
      threshold: result.threshold,
      constraints: {
        ...(opts.gc ? { gc: opts.gc } : {}),
        ...(opts.maxHomopolymer !== undefined ? { maxHomopolymer: opts.maxHomopolymer } : {}),
        ...(opts.templateA ? { templateA: opts.templateA } : {}),
        ...(opts.templateB ? { templateB: opts.templateB } : {}),
        ...(mode === 'sample' ? { temperature: opts.temperature ?? 1 } : {}),
      },
      metrics: {
        validity: nan(r.accepted?.fraction),
        ...(r.rule ? { ruleValidity: r.rule.fraction } : {}),
        uniqueness: r.unique.fraction,
        novelty: nan(r.novel?.fraction),
        diversity: { a: r.diversity.a, b: r.diversity.b, referenceA: nan(r.diversity.reference?.a), referenceB: nan(r.diversity.reference?.b) },
        kmerJsd: { a: nan(r.kmer3Jsd?.a), b: nan(r.kmer3Jsd?.b) },
      },
      pairs: result.rows.map((row) => ({ ...row })),
      seconds: (performance.now() - t0) / 1000,
      report: r,
      backend: backend.name,
    };
  } finally {
    disposePairModel(model);
  }
}

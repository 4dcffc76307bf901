// Structures for the models: the ones given in the data, or computed by the folding engine (MFE
// structures or base-pair probabilities), as the regressor's `--structure given|mfe|bpp` asks.
// Folding runs here, in the job (or CLI) process, record by record, reporting progress and
// stopping between records when cancelled.
import { mfe, partition } from '../core/structure';
import { DataError } from '../core/datasets/errors';

import type { StructureMode } from '../protocol/architectures';
export type { StructureMode } from '../protocol/architectures';
export type StructureSource = 'given' | 'mfe' | 'bpp';

export interface StructuredRecord {
  sequence: string;
  structure?: string;
  pairProbabilities?: { i: number; j: number; p: number }[];
}

export interface ResolveOptions {
  file: string;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** The source a mode means for a data set: 'auto' = the given structures when every record has one, else bpp. */
export function sourceFor(mode: StructureMode, hasStructure: 'all' | 'some' | 'none'): StructureSource {
  if (mode !== 'auto') return mode;
  return hasStructure === 'all' ? 'given' : 'bpp';
}

/**
 * Returns copies of the records carrying what `source` asks for. 'given' requires a structure in
 * every record (a DataError names the first record without one).
 */
export function resolveStructures<R extends StructuredRecord & { line: number; id: string }>(
  records: readonly R[],
  source: StructureSource,
  opts: ResolveOptions,
): (R & StructuredRecord)[] {
  const out: (R & StructuredRecord)[] = [];
  const every = Math.max(1, Math.floor(records.length / 100));
  for (let k = 0; k < records.length; k++) {
    if (opts.signal?.aborted) throw opts.signal.reason ?? new Error('cancelled');
    const r = records[k];
    if (source === 'given') {
      if (r.structure === undefined) {
        throw new DataError(opts.file, r.line, `record '${r.id}' has no structure; use --structure mfe or bpp to fold the records without one`);
      }
      out.push({ ...r });
    } else if (source === 'mfe') {
      const { pairProbabilities: _unused, ...rest } = r;
      out.push({ ...rest, structure: mfe(r.sequence).structure } as R & StructuredRecord);
    } else {
      const pairs = partition(r.sequence).bpp.pairs(1e-3);
      const { structure: _given, ...rest } = r;
      out.push({ ...rest, pairProbabilities: pairs } as R & StructuredRecord);
    }
    if (opts.onProgress && (k % every === 0 || k === records.length - 1)) opts.onProgress(k + 1, records.length);
  }
  return out;
}

/**
 * One record prepared as a saved model expects it (its card's structure source): the given
 * structure when the model was trained on given ones and the record has one, else folded here
 * (MFE for 'given'/'mfe' models, base-pair probabilities for 'bpp' models). Sequence-only models
 * need nothing.
 */
export function structureForModel<R extends StructuredRecord>(record: R, modelSource: string): R & StructuredRecord {
  if (modelSource === 'none') return record;
  if (modelSource === 'bpp') return { ...record, pairProbabilities: partition(record.sequence).bpp.pairs(1e-3) };
  if (modelSource === 'given' && record.structure !== undefined) return record;
  return { ...record, structure: mfe(record.sequence).structure };
}

// "Basepair: Predict": predictions of the active model for every record of a file — an open FASTA /
// dot-bracket document (its current text), or a TSV/CSV/FASTA file on disk read with the dataset
// loader (bad rows listed, not dropped silently).
import * as fs from 'node:fs';
import { loadRegressionDataset } from '../../core/datasets/regression';
import { recordSequence, recordStructure } from '../../core/formats/locate';
import type { ParsedFile } from '../../core/formats/records';
import type { PredictDocumentResult } from '../../protocol/editor';
import type { ModelService } from '../models/modelService';
import { notFoldable } from './foldHover';
import { usableStructure } from './predictionHover';

interface Input {
  id: string;
  line: number;
  sequence: string;
  structure?: string;
}

function fromParsed(file: ParsedFile, skipped: PredictDocumentResult['skipped']): Input[] {
  const out: Input[] = [];
  for (const r of file.records) {
    const line = file.lines.lineAt(r.header.start) + 1;
    const sequence = recordSequence(file, r);
    const why = notFoldable(sequence);
    if (why) {
      skipped.push({ line, reason: `record '${r.id}': ${why}` });
      continue;
    }
    const structure = usableStructure(sequence, recordStructure(file, r));
    out.push({ id: r.id || `record ${r.index + 1}`, line, sequence, ...(structure ? { structure } : {}) });
  }
  return out;
}

function fromDisk(fsPath: string, skipped: PredictDocumentResult['skipped']): Input[] {
  const data = loadRegressionDataset(fs.readFileSync(fsPath, 'utf8'), fsPath, { withoutTarget: true, skipBad: true });
  skipped.push(...data.skipped.map((s) => ({ line: s.line, reason: s.reason })));
  return data.records.map((r) => ({ id: r.id, line: r.line, sequence: r.sequence, ...(r.structure ? { structure: r.structure } : {}) }));
}

export async function predictDocument(source: { parsed: ParsedFile } | { fsPath: string }, models: ModelService): Promise<PredictDocumentResult> {
  const model = models.active;
  if (!model) throw new Error('no active model: run "Basepair: Select Active Model" or train one first');
  const skipped: PredictDocumentResult['skipped'] = [];
  const inputs = 'parsed' in source ? fromParsed(source.parsed, skipped) : fromDisk(source.fsPath, skipped);
  const predictions = inputs.length ? await models.predict(inputs.map(({ sequence, structure }) => ({ sequence, ...(structure ? { structure } : {}) }))) : [];
  return {
    model,
    rows: inputs.map((inp, k) => ({ id: inp.id, line: inp.line, prediction: predictions[k].prediction, ...(predictions[k].sd !== undefined ? { sd: predictions[k].sd } : {}) })),
    skipped,
  };
}

// "Basepair: Fold Sequences": folds the records of a document (or those under the selections) in
// the compute process, one at a time so that cancel takes effect between records, reporting
// progress, and returns a Vienna document as RNAfold would print it. Records above
// basepair.fold.maxLength are skipped as `tooLong` unless the request asks for the beam engine.
import type { CancellationToken, WorkDoneProgressReporter } from 'vscode-languageserver';
import { recordSequence } from '../../core/formats/locate';
import type { ParsedFile, SeqRecord } from '../../core/formats/records';
import { viennaRecord } from '../../core/formats/vienna';
import { formatCount } from '../../core/text/formatNumber';
import type { FoldDocumentParams, FoldDocumentResult } from '../../protocol/editor';
import type { FoldService } from '../folding/foldService';
import { notFoldable } from './foldHover';
import { foldLengthDecision } from '../../core/structure/lengthLimit';

export function recordsInRanges(file: ParsedFile, ranges: FoldDocumentParams['ranges']): SeqRecord[] {
  if (!ranges || ranges.length === 0) return file.records;
  const spans = ranges.map((r) => ({ start: file.lines.offsetAt(r.start), end: file.lines.offsetAt(r.end) }));
  return file.records.filter((rec) => spans.some((s) => s.start <= rec.range.end && rec.range.start <= s.end));
}

export async function foldDocument(
  file: ParsedFile,
  params: FoldDocumentParams,
  fold: FoldService,
  maxLength: number,
  progress: WorkDoneProgressReporter,
  token: CancellationToken,
): Promise<FoldDocumentResult | null> {
  const t0 = performance.now();
  const records = recordsInRanges(file, params.ranges);
  const skipped: FoldDocumentResult['skipped'] = [];
  let text = '';
  let folded = 0;
  let beamFolded = 0;
  progress.begin('Folding', 0, `0 of ${formatCount(records.length)} records`, true);
  try {
    for (let k = 0; k < records.length; k++) {
      if (token.isCancellationRequested) return null;
      const rec = records[k];
      const seq = recordSequence(file, rec);
      const header = file.text.slice(rec.header.start + 1, rec.header.end).trim();
      const id = rec.id || `record ${rec.index + 1}`;
      const why = notFoldable(seq);
      if (why) {
        skipped.push({ id, reason: why });
        continue;
      }
      const decision = foldLengthDecision(seq.length, maxLength, params.beam);
      if (decision.engine === 'refused') {
        skipped.push({ id, reason: decision.reason, tooLong: true });
        continue;
      }
      const beam = decision.engine === 'beam' ? decision.beam : undefined;
      const r = await fold.fold(seq, 'mfe', beam);
      text += viennaRecord({ header, sequence: r.sequence, structure: r.structure, energy: r.mfe });
      folded++;
      if (beam) beamFolded++;
      progress.report(Math.round(((k + 1) * 100) / records.length), `${formatCount(k + 1)} of ${formatCount(records.length)} records`);
    }
  } finally {
    progress.done();
  }
  return { text, folded, skipped, beamFolded, maxLength, ms: Math.round(performance.now() - t0) };
}

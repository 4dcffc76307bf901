// Outline (one symbol per record, with its length) and folding ranges (one per multi-line record),
// both capped so that a 50 MB file of 10^6 short records answers at once: past the cap the outline
// ends with one symbol saying how many records are not listed (VS Code shows at most 5,000 folding
// regions by default anyway).
import { SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import { rangesLength } from '../../core/formats/parse';
import type { ParsedFile, SeqRecord } from '../../core/formats/records';
import { toRange } from '../ranges';
import { formatCount } from '../../core/text/formatNumber';

const GAP_OR_BREAK = /[-&]/g;

/** Nucleotides of a record: sequence characters except gaps '-' and strand breaks '&'. */
export function nucleotideCount(file: ParsedFile, record: SeqRecord): number {
  const lines = record.sequenceLines;
  if (lines.length === 0) return 0;
  const n = rangesLength(lines);
  const extent = file.text.slice(lines[0].start, lines[lines.length - 1].end);
  const skipped = extent.match(GAP_OR_BREAK);
  return skipped ? n - skipped.length : n;
}

/** Records listed in the outline; the rest are summed up in one last symbol. */
export const MAX_OUTLINE_SYMBOLS = 10_000;
/** Folding ranges sent per document. */
export const MAX_FOLDING_RANGES = 10_000;

export function documentSymbols(file: ParsedFile, max = MAX_OUTLINE_SYMBOLS): DocumentSymbol[] {
  const records = file.records;
  const shown = Math.min(records.length, max);
  const out: DocumentSymbol[] = [];
  for (let k = 0; k < shown; k++) {
    const r = records[k];
    const nt = nucleotideCount(file, r);
    const selection = r.id ? r.idRange : r.header;
    out.push({
      name: r.id || '(no id)',
      detail: `${formatCount(nt)} nt${r.structureLines.length ? ' + structure' : ''}`,
      kind: SymbolKind.String,
      range: toRange(file, r.range),
      selectionRange: toRange(file, selection),
    });
  }
  if (shown < records.length) {
    const first = records[shown];
    const rest = { start: first.range.start, end: records[records.length - 1].range.end };
    out.push({
      name: `… ${formatCount(records.length - shown)} more records`,
      detail: `outline capped at ${formatCount(max)} records`,
      kind: SymbolKind.Null,
      range: toRange(file, rest),
      selectionRange: toRange(file, first.header),
    });
  }
  return out;
}

export function foldingRanges(file: ParsedFile, max = MAX_FOLDING_RANGES): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const r of file.records) {
    if (out.length >= max) break;
    const startLine = file.lines.lineAt(r.range.start);
    const endLine = file.lines.lineAt(r.range.end);
    if (endLine > startLine) out.push({ startLine, endLine });
  }
  return out;
}

// Outline (one symbol per record, with its length) and folding ranges (one per multi-line record).
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

export function documentSymbols(file: ParsedFile): DocumentSymbol[] {
  return file.records.map((r) => {
    const nt = nucleotideCount(file, r);
    const selection = r.id ? r.idRange : r.header;
    return {
      name: r.id || '(no id)',
      detail: `${formatCount(nt)} nt${r.structureLines.length ? ' + structure' : ''}`,
      kind: SymbolKind.String,
      range: toRange(file, r.range),
      selectionRange: toRange(file, selection),
    };
  });
}

export function foldingRanges(file: ParsedFile): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const r of file.records) {
    const startLine = file.lines.lineAt(r.range.start);
    const endLine = file.lines.lineAt(r.range.end);
    if (endLine > startLine) out.push({ startLine, endLine });
  }
  return out;
}

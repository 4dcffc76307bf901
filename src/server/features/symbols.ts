// Outline (one symbol per record, with its length) and folding ranges (one per multi-line record).
import { SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import type { ParsedFile, SeqRecord } from '../../core/formats/records';
import { toRange } from '../ranges';

/** Nucleotides of a record: sequence characters except gaps '-' and strand breaks '&'. */
export function nucleotideCount(file: ParsedFile, record: SeqRecord): number {
  let n = 0;
  const text = file.text;
  for (const l of record.sequenceLines) {
    for (let o = l.start; o < l.end; o++) {
      const c = text.charCodeAt(o);
      if (c !== 0x2d && c !== 0x26) n++;
    }
  }
  return n;
}

export function documentSymbols(file: ParsedFile): DocumentSymbol[] {
  return file.records.map((r) => {
    const nt = nucleotideCount(file, r);
    const selection = r.id ? r.idRange : r.header;
    return {
      name: r.id || '(no id)',
      detail: `${nt.toLocaleString('en-US')} nt${r.structureLines.length ? ' + structure' : ''}`,
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

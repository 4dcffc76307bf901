// Bracket partners: go to definition on a structure bracket jumps to its partner; document
// highlight marks both brackets (also for letter pseudoknot pairs, which VS Code cannot match).
import { DocumentHighlightKind, type DocumentHighlight, type Location as LspLocation } from 'vscode-languageserver';
import { bracketAt, locate } from '../../core/formats/locate';
import { offsetOfIndex } from '../../core/formats/parse';
import type { ParsedFile } from '../../core/formats/records';
import { toRange } from '../ranges';

function bracketUnder(file: ParsedFile, offset: number) {
  const loc = locate(file, offset);
  if (!loc || loc.part !== 'structure') return undefined;
  const info = bracketAt(file, loc.record, loc.index);
  if (!info?.partnerRange) return undefined;
  const self = offsetOfIndex(loc.record.structureLines, loc.index);
  return { self: { start: self, end: self + 1 }, partner: info.partnerRange };
}

export function partnerDefinition(file: ParsedFile, uri: string, offset: number): LspLocation | null {
  const b = bracketUnder(file, offset);
  return b ? { uri, range: toRange(file, b.partner) } : null;
}

export function partnerHighlights(file: ParsedFile, offset: number): DocumentHighlight[] | null {
  const b = bracketUnder(file, offset);
  if (!b) return null;
  return [b.self, b.partner].map((r) => ({ range: toRange(file, r), kind: DocumentHighlightKind.Text }));
}

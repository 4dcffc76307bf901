// Conversions between the core's text offsets and LSP line/character ranges.
import type { Range } from 'vscode-languageserver';
import type { OffsetRange, ParsedFile } from '../core/formats/records';

export function toRange(file: ParsedFile, r: OffsetRange): Range {
  return { start: file.lines.positionAt(r.start), end: file.lines.positionAt(r.end) };
}

export function overlaps(a: OffsetRange, b: OffsetRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}

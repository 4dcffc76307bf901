// Edits behind the quick fixes and refactorings: convert a record T->U or U->T, upper-case it,
// delete the characters the linter rejects, rewrap its sequence. Pure functions from a parsed file
// to text edits in offsets; line ends, blank lines and the header are preserved.
import type { OffsetRange, ParsedFile, SeqRecord } from '../formats/records';
import { BASE_CLASS, BaseClass } from '../sequence/alphabet';
import { isStructureChar } from '../structure/dotBracket';

export interface TextEdit {
  range: OffsetRange;
  newText: string;
}

export type Conversion = 'T->U' | 'U->T';

function extent(lines: readonly OffsetRange[]): OffsetRange | undefined {
  return lines.length ? { start: lines[0].start, end: lines[lines.length - 1].end } : undefined;
}

/** Rewrites the sequence lines of a record (from the first to the last, line ends kept) with `map`. */
function mapSequence(file: ParsedFile, record: SeqRecord, map: (s: string) => string): TextEdit[] {
  const range = extent(record.sequenceLines);
  if (!range) return [];
  const old = file.text.slice(range.start, range.end);
  const newText = map(old);
  return newText === old ? [] : [{ range, newText }];
}

export function convertRecord(file: ParsedFile, record: SeqRecord, conversion: Conversion): TextEdit[] {
  return mapSequence(file, record, (s) =>
    conversion === 'T->U' ? s.replace(/[Tt]/g, (c) => (c === 'T' ? 'U' : 'u')) : s.replace(/[Uu]/g, (c) => (c === 'U' ? 'T' : 't')),
  );
}

export function upperCaseRecord(file: ParsedFile, record: SeqRecord): TextEdit[] {
  return mapSequence(file, record, (s) => s.toUpperCase());
}

function isSequenceChar(c: string): boolean {
  const code = c.charCodeAt(0);
  return code < 128 && BASE_CLASS[code] !== BaseClass.Invalid;
}

/** Deletes characters that are neither nucleotide codes (sequence lines) nor structure notation. */
export function deleteInvalidCharacters(file: ParsedFile, record: SeqRecord): TextEdit[] {
  const edits: TextEdit[] = [];
  const clean = (lines: readonly OffsetRange[], keep: (c: string) => boolean) => {
    for (const line of lines) {
      const old = file.text.slice(line.start, line.end);
      let kept = '';
      for (const c of old) if (keep(c)) kept += c;
      if (kept !== old) edits.push({ range: line, newText: kept });
    }
  };
  clean(record.sequenceLines, isSequenceChar);
  clean(record.structureLines, isStructureChar);
  return edits;
}

/** Line end used by the file: '\r\n' when its first line ends so, else '\n'. */
export function lineEndOf(file: ParsedFile): string {
  const nl = file.text.indexOf('\n');
  return nl > 0 && file.text.charCodeAt(nl - 1) === 13 ? '\r\n' : '\n';
}

/** Re-wraps a record's sequence to `width` characters per line (0 = one line). Blank lines inside go. */
export function rewrapRecord(file: ParsedFile, record: SeqRecord, width: number): TextEdit[] {
  const range = extent(record.sequenceLines);
  if (!range) return [];
  let seq = '';
  for (const l of record.sequenceLines) seq += file.text.slice(l.start, l.end);
  const eol = lineEndOf(file);
  const parts: string[] = [];
  if (width <= 0) parts.push(seq);
  else for (let i = 0; i < seq.length; i += width) parts.push(seq.slice(i, i + width));
  const newText = parts.join(eol);
  return newText === file.text.slice(range.start, range.end) ? [] : [{ range, newText }];
}

/** Widest sequence line of a record (its current wrap width). */
export function wrapWidth(record: SeqRecord): number {
  let w = 0;
  for (const l of record.sequenceLines) w = Math.max(w, l.end - l.start);
  return w;
}

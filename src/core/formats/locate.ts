// What is at an offset of a parsed file: which record, which part of it (header, sequence,
// structure, energy), and for structures the bracket's partner. Backs hover and go-to-definition.
import { nucleotideNumbers, parsePairTable } from '../structure/dotBracket';
import { indexOfOffset, joinRanges, offsetOfIndex, recordAt } from './parse';
import type { OffsetRange, ParsedFile, SeqRecord } from './records';

export type RecordPart = 'header' | 'sequence' | 'structure' | 'energy';

export interface Location {
  record: SeqRecord;
  part: RecordPart;
  /** Index of the character in the record's sequence or structure string (incl. `&`), or -1. */
  index: number;
}

function within(r: OffsetRange | undefined, offset: number, inclusiveEnd = false): boolean {
  return !!r && offset >= r.start && (offset < r.end || (inclusiveEnd && offset === r.end));
}

export function locate(file: ParsedFile, offset: number): Location | undefined {
  const record = recordAt(file, offset);
  if (!record) return undefined;
  if (within(record.header, offset, true)) return { record, part: 'header', index: -1 };
  if (within(record.energy?.range, offset, true)) return { record, part: 'energy', index: -1 };
  const s = indexOfOffset(record.structureLines, offset);
  if (s >= 0) return { record, part: 'structure', index: s };
  const q = indexOfOffset(record.sequenceLines, offset);
  if (q >= 0) return { record, part: 'sequence', index: q };
  // At the end of a sequence line (cursor after the last base): the last base.
  for (const lines of [record.sequenceLines, record.structureLines]) {
    for (const l of lines) if (offset === l.end && l.end > l.start) {
      const part = lines === record.sequenceLines ? 'sequence' : 'structure';
      return { record, part, index: indexOfOffset(lines, offset - 1) };
    }
  }
  return undefined;
}

export function recordSequence(file: ParsedFile, record: SeqRecord): string {
  return joinRanges(file.text, record.sequenceLines);
}

export function recordStructure(file: ParsedFile, record: SeqRecord): string {
  return joinRanges(file.text, record.structureLines);
}

export interface BracketInfo {
  /** 1-based nucleotide position (strand breaks not counted) of the bracket and of its partner. */
  position: number;
  partnerPosition: number | undefined;
  /** Offset range of the partner bracket in the text. */
  partnerRange: OffsetRange | undefined;
  bracket: string;
  /** Bases at the two positions when the sequence lines up with the structure. */
  base: string | undefined;
  partnerBase: string | undefined;
}

/** Pairing of the structure character at `index` of a record (undefined for `.` and `&`). */
export function bracketAt(file: ParsedFile, record: SeqRecord, index: number): BracketInfo | undefined {
  const structure = recordStructure(file, record);
  const c = structure[index];
  if (c === undefined || c === '.' || c === '&') return undefined;
  const table = parsePairTable(structure);
  if (table.invalid.includes(index)) return undefined;
  const numbers = nucleotideNumbers(structure);
  const sequence = recordSequence(file, record);
  const aligned = sequence.length === structure.length;
  const j = table.partner[index];
  const partnerOffset = j >= 0 ? offsetOfIndex(record.structureLines, j) : -1;
  return {
    position: numbers[index],
    partnerPosition: j >= 0 ? numbers[j] : undefined,
    partnerRange: partnerOffset >= 0 ? { start: partnerOffset, end: partnerOffset + 1 } : undefined,
    bracket: c,
    base: aligned ? sequence[index] : undefined,
    partnerBase: aligned && j >= 0 ? sequence[j] : undefined,
  };
}

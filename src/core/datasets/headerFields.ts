// `key=value` fields of a FASTA / dot-bracket record header (`>id value=0.53 split=test`): keys are
// case-insensitive, the first occurrence wins, each value keeps its offset in the text for messages.
import type { SeqRecord } from '../formats/records';

export interface HeaderField {
  text: string;
  /** Offset of the value's first character in the file text. */
  offset: number;
}

const FIELD = /(^|\s)([^\s=]+)=(\S*)/g;

export function headerFields(text: string, record: SeqRecord): Map<string, HeaderField> {
  const start = record.idRange.end;
  const rest = text.slice(start, record.header.end);
  const out = new Map<string, HeaderField>();
  for (const m of rest.matchAll(FIELD)) {
    const k = m[2].toLowerCase();
    if (out.has(k)) continue;
    const offset = start + m.index! + m[1].length + m[2].length + 1;
    out.set(k, { text: m[3], offset });
  }
  return out;
}

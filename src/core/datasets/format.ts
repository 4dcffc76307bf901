// Which kind of data file a text is: a delimited table (TSV/CSV), FASTA or dot-bracket; from the
// file extension, else from the content (a first non-blank character '>' means records; records
// with structure lines mean dot-bracket).
import { parseFile } from '../formats/parse';

export type DataFormat = 'table' | 'fasta' | 'dot-bracket';

const FASTA = ['.fa', '.fasta', '.fna', '.ffn', '.frn', '.fas', '.seq'];
const DOT_BRACKET = ['.db', '.dbn', '.vienna'];
const TABLE = ['.tsv', '.tab', '.csv'];

export function dataFormatOf(file: string, text: string): DataFormat {
  const lower = file.toLowerCase();
  const ext = lower.slice(lower.lastIndexOf('.'));
  if (FASTA.includes(ext)) return 'fasta';
  if (DOT_BRACKET.includes(ext)) return 'dot-bracket';
  if (TABLE.includes(ext)) return 'table';
  const m = /[^\s\uFEFF]/.exec(text);
  if (!m || m[0] !== '>') return 'table';
  const parsed = parseFile(text, 'dot-bracket');
  return parsed.records.some((r) => r.structureLines.length > 0) ? 'dot-bracket' : 'fasta';
}

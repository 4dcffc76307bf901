// Sequence input of the folding commands: FASTA / dot-bracket records (any extension), or
// plain lines with one sequence each as RNAfold accepts them. Every record keeps the line it came
// from; records that cannot be folded produce an error naming file:line:column.
import { parseFile } from '../core/formats/parse';
import { recordSequence, recordStructure } from '../core/formats/locate';
import { lintFile } from '../core/lint/lint';

export interface SequenceInput {
  /** header text after '>' (id and description); undefined for plain lines */
  header?: string;
  id: string;
  sequence: string;
  structure?: string;
  /** 1-based line of the header (or of the plain sequence line) */
  line: number;
}

export interface InputProblem {
  /** file:line:column: message */
  message: string;
}

/** Reads the records; problems (BP001 characters, empty sequences, gaps) are returned, not thrown. */
export function readSequences(name: string, text: string): { records: SequenceInput[]; problems: InputProblem[] } {
  if (!/^\uFEFF?>|\n>/.test(text)) return plainLines(name, text);
  // Always read as dot-bracket: a superset of FASTA for these commands (RNAfold/RNAeval read Vienna
  // input whatever the file is called), so structure lines in a .fa file are structures.
  const file = parseFile(text, 'dot-bracket');
  const problems: InputProblem[] = [];
  const bad = new Set<number>();
  for (const d of lintFile(file, { maxProblems: 0 }).diagnostics) {
    if (d.severity !== 'error' || d.record === undefined || !['BP001', 'BP003'].includes(d.code)) continue;
    if (bad.has(d.record)) continue;
    bad.add(d.record);
    const p = file.lines.positionAt(d.range.start);
    problems.push({ message: `${name}:${p.line + 1}:${p.character + 1}: ${d.message}` });
  }
  const records: SequenceInput[] = [];
  for (const r of file.records) {
    if (bad.has(r.index)) continue;
    const sequence = recordSequence(file, r);
    const line = file.lines.lineAt(r.header.start) + 1;
    if (sequence.includes('-')) {
      problems.push({ message: `${name}:${line}:1: record '${r.id}' has alignment gaps '-': remove them to fold the sequence` });
      continue;
    }
    const structure = recordStructure(file, r);
    records.push({
      header: text.slice(r.header.start + 1, r.header.end).trim(),
      id: r.id || `sequence_${r.index + 1}`,
      sequence,
      ...(structure ? { structure } : {}),
      line,
    });
  }
  return { records, problems };
}

function plainLines(name: string, text: string): { records: SequenceInput[]; problems: InputProblem[] } {
  const records: SequenceInput[] = [];
  const problems: InputProblem[] = [];
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, k) => {
    const s = raw.trim();
    if (!s) return;
    const bad = /[^ACGTURYSWKMBDHVNacgturyswkmbdhvn&]/.exec(s);
    if (bad) {
      problems.push({ message: `${name}:${k + 1}:${raw.indexOf(s) + bad.index + 1}: '${bad[0]}' is not a nucleotide code` });
      return;
    }
    records.push({ id: `sequence_${records.length + 1}`, sequence: s, line: k + 1 });
  });
  return { records, problems };
}

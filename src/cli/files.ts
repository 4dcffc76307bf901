// File helpers shared by CLI commands: which format a path is (by extension, else by sniffing the
// content), reading input with errors that name the file, and 1-based positions for messages.
import * as path from 'node:path';
import type { FormatKind, OffsetRange, ParsedFile } from '../core/formats/records';

const FASTA_EXT = new Set(['.fa', '.fasta', '.fna', '.ffn', '.frn', '.fas', '.seq']);
const DBN_EXT = new Set(['.db', '.dbn', '.vienna']);

/** Thrown for problems the user must fix (bad file, bad flag); printed without a stack trace. */
export class UserError extends Error {}

export function formatOfPath(file: string): FormatKind | undefined {
  const ext = path.extname(file).toLowerCase();
  if (FASTA_EXT.has(ext)) return 'fasta';
  if (DBN_EXT.has(ext)) return 'dot-bracket';
  return undefined;
}

/** dot-bracket when a record has a line starting with structure notation after its sequence. */
export function sniffFormat(text: string): FormatKind {
  const lines = text.slice(0, 1 << 20).split(/\r?\n/);
  let afterSequence = false;
  for (const line of lines) {
    if (line.startsWith('>')) afterSequence = false;
    else if (/^[.()[\]{}<>]/.test(line) && afterSequence) return 'dot-bracket';
    else if (line.trim()) afterSequence = true;
  }
  return 'fasta';
}


export interface Position1 {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** 1-based line and column of a range (end exclusive). */
export function position1(file: ParsedFile, r: OffsetRange): Position1 {
  const s = file.lines.positionAt(r.start);
  const e = file.lines.positionAt(r.end);
  return { line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
}

/** "3 files" / "3 files, 1 could not be read": the head of a multi-file command's summary. */
export function filesSummary(files: number, unreadable: number): string {
  return `${files} file${files === 1 ? '' : 's'}${unreadable ? `, ${unreadable} could not be read` : ''}`;
}

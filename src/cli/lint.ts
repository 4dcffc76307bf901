// `basepair lint <file>... [--json] [--format fasta|dot-bracket] [--max-problems N]`: the editor's
// diagnostics on the command line. Exit status 1 when any file has an error or cannot be read.
// Files are read as streams, so a 1 GB FASTA lints in bounded memory.
import { commandArgs, FLAG, formatOption, STRING } from './commandArgs';
import { UnreadableFileError } from '../core/datasets/errors';
import { BlockLimitError } from '../core/formats/textBlocks';
import { MAX_PROBLEMS_PER_FILE } from '../core/lint/codes';
import { lintStream, type StreamLintResult } from '../core/lint/streamLint';
import { filesSummary, UserError } from './files';
import type { CliIO } from './io';
import { openTextInput } from './textStream';

export const LINT_USAGE = `usage: basepair lint <file>... [--json] [--format fasta|dot-bracket] [--max-problems N]

Checks FASTA and dot-bracket (Vienna) files and prints one line per problem:
  file:line:column: severity BPnnn message
--json prints one JSON array of {file, line, column, endLine, endColumn, severity, code, message}
(1-based, end exclusive). The format comes from the extension (.fa .fasta .fna .ffn .frn .fas .seq /
.db .dbn .vienna), else from the content. At most N problems per file are listed (default ${MAX_PROBLEMS_PER_FILE}, 0 = all).
Exit status: 1 when any file has an error or cannot be read, 0 otherwise.`;

export interface LintEntry {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

const LINT_OPTIONS = {
  json: FLAG, format: STRING, 'max-problems': STRING,
} as const;

export async function lintCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = commandArgs(argv, io, LINT_USAGE, LINT_OPTIONS, [1, Infinity], 'lint: no files given');
  const forced = formatOption('lint', values.format);
  const maxText = values['max-problems'];
  const maxProblems = maxText === undefined ? MAX_PROBLEMS_PER_FILE : Number(maxText);
  if (!Number.isInteger(maxProblems) || maxProblems < 0) throw new UserError(`lint: --max-problems must be a whole number >= 0, not '${maxText}'`);

  const entries: LintEntry[] = [];
  let failed = false;
  let unreadable = 0;
  for (const name of positionals) {
    // Streamed in blocks: a file of any size is checked in bounded memory (core/lint/streamLint.ts).
    let result: StreamLintResult;
    try {
      const input = await openTextInput(name, forced);
      result = await lintStream(input.chunks, input.kind, { maxProblems });
    } catch (err) {
      if (err instanceof BlockLimitError) io.err(`basepair: ${name}:${err.line + 1}: ${err.message}\n`);
      else if (err instanceof UnreadableFileError) io.err(`basepair: ${err.message}\n`);
      else throw err;
      failed = true;
      unreadable++;
      continue;
    }
    for (const d of result.diagnostics) {
      const at = { line: d.start.line + 1, column: d.start.character + 1, endLine: d.end.line + 1, endColumn: d.end.character + 1 };
      entries.push({ file: name, ...at, severity: d.severity, code: d.code, message: d.message });
      if (d.severity === 'error') failed = true;
    }
  }
  if (values.json) io.out(JSON.stringify(entries, null, 2) + '\n');
  else {
    for (const e of entries) io.out(`${e.file}:${e.line}:${e.column}: ${e.severity} ${e.code} ${e.message}\n`);
    const errors = entries.filter((e) => e.severity === 'error').length;
    const warnings = entries.filter((e) => e.severity === 'warning').length;
    io.err(`${filesSummary(positionals.length, unreadable)}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
  }
  return failed ? 1 : 0;
}

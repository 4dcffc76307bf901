// Test helpers: lint a text and get diagnostics as compact 1-based positions (as the CLI prints them).
import { parseFile } from '../../src/core/formats/parse';
import type { FormatKind, ParsedFile } from '../../src/core/formats/records';
import { lintFile, type LintOptions } from '../../src/core/lint/lint';
import { position1 } from '../../src/cli/files';
import type { TextEdit } from '../../src/core/lint/fixes';

export interface Found {
  code: string;
  /** 'line:col-endLine:endCol', 1-based, end exclusive */
  at: string;
}

export function at(file: ParsedFile, r: { start: number; end: number }): string {
  const p = position1(file, r);
  return `${p.line}:${p.column}-${p.endLine}:${p.endColumn}`;
}

export function lint(text: string, kind: FormatKind = 'fasta', options: LintOptions = {}): Found[] {
  const file = parseFile(text, kind);
  return lintFile(file, options).diagnostics.map((d) => ({ code: d.code, at: at(file, d.range) }));
}

export function messages(text: string, kind: FormatKind = 'fasta'): string[] {
  const file = parseFile(text, kind);
  return lintFile(file).diagnostics.map((d) => `${d.code} ${d.message}`);
}

/** Applies non-overlapping offset edits to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.range.start - a.range.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  return out;
}

// The linter: turns a parsed FASTA/dot-bracket file into diagnostics with stable codes (codes.ts).
// One pass over the sequence characters with a lookup table; structure checks build a pair table per
// record. Diagnostics come out in document order, capped per file (BP011 says how many were not shown).
// The checks and their state live in lintSession.ts (shared with the streaming linter, streamLint.ts).
import type { ParsedFile } from '../formats/records';
import { MAX_PROBLEMS_PER_FILE } from './codes';
import { LintSession, type LintResult } from './lintSession';

export type { LintResult } from './lintSession';

export interface LintOptions {
  /** Problems kept per file; 0 = all. Default 1,000. */
  maxProblems?: number;
}

export function lintFile(file: ParsedFile, options: LintOptions = {}): LintResult {
  const session = new LintSession(file.kind, options.maxProblems ?? MAX_PROBLEMS_PER_FILE);
  if (file.preamble) session.preamble(file.preamble);
  for (const record of file.records) {
    session.beginRecord(record, 0);
    session.sequence(file.text, record.sequenceLines, 0);
    if (file.kind === 'dot-bracket') session.structure(file.text, record, 0);
    session.endRecord();
  }
  return session.finish();
}

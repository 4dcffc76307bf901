// The stable diagnostic codes shared by the editor and the CLI (`basepair lint`). Never renumber:
// users' pipelines filter on them.

export type Severity = 'error' | 'warning' | 'info';

export type DiagnosticCode =
  | 'BP001' | 'BP002' | 'BP003' | 'BP004' | 'BP005' | 'BP006'
  | 'BP007' | 'BP008' | 'BP009' | 'BP010' | 'BP011';

export interface CodeInfo {
  severity: Severity;
  title: string;
}

export const DIAGNOSTIC_CODES: Record<DiagnosticCode, CodeInfo> = {
  BP001: { severity: 'error', title: 'character not allowed in this alphabet' },
  BP002: { severity: 'warning', title: 'sequence mixes T and U' },
  BP003: { severity: 'error', title: 'record with an empty sequence' },
  BP004: { severity: 'warning', title: 'duplicate record id' },
  BP005: { severity: 'error', title: 'structure length differs from sequence length' },
  BP006: { severity: 'error', title: 'unbalanced bracket' },
  BP007: { severity: 'warning', title: 'non-canonical base pair' },
  BP008: { severity: 'warning', title: 'hairpin loop with fewer than 3 unpaired bases' },
  BP009: { severity: 'error', title: 'malformed energy annotation' },
  BP010: { severity: 'error', title: "text before the first '>' header" },
  BP011: { severity: 'info', title: 'more problems than are shown' },
};

/** Default cap on the problems reported per file. */
export const MAX_PROBLEMS_PER_FILE = 1000;

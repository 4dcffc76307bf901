// Which record of a FASTA / dot-bracket document a position is in, found on the client without a
// server round trip: the nearest header line ('>') at or above it. The structure panel uses it to
// tell whether the cursor moved to another record before asking the server to fold anything.
import type * as vscode from 'vscode';

export const STRUCTURE_LANGUAGES = new Set(['fasta', 'dot-bracket']);

/** 0-based line of the record header at or above `line`, or -1 (before the first record). */
export function headerLineAt(doc: Pick<vscode.TextDocument, 'lineAt' | 'lineCount'>, line: number): number {
  for (let l = Math.min(line, doc.lineCount - 1); l >= 0; l--) {
    if (doc.lineAt(l).text.startsWith('>')) return l;
  }
  return -1;
}

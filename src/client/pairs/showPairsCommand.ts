// "Basepair: Show Pairs Panel": shows the pairs of a TSV/CSV file (seq_a, seq_b; optional id,
// score, label, novel) — the file given (explorer / editor menus), else the active editor's, else
// one picked in a dialog; with no file and a panel already open, just reveals it. A file that
// cannot be read as pairs is reported with its file:line.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PairSet } from '../../../webview/pairs/messages';
import { loadPairsFile, PairsPanel, type PairsPanelDeps } from '../panels/pairsPanel';
import { errorMessage } from '../jobProgress';

const TABLE_EXTENSIONS = ['tsv', 'csv', 'txt', 'tab'];

function isTable(doc: vscode.TextDocument): boolean {
  const ext = path.extname(doc.fileName).slice(1).toLowerCase();
  return TABLE_EXTENSIONS.includes(ext) || ['csv', 'tsv'].includes(doc.languageId) || (doc.isUntitled && /^\s*\S*\t?seq_a\b/i.test(doc.lineAt(0).text));
}


/** Returns the set shown (tests), or undefined. */
export async function showPairs(deps: PairsPanelDeps, arg?: unknown): Promise<PairSet | undefined> {
  let target: vscode.Uri | vscode.TextDocument | undefined;
  if (arg instanceof vscode.Uri) target = arg;
  else if (typeof arg === 'string') target = vscode.Uri.file(arg);
  else {
    const doc = vscode.window.activeTextEditor?.document;
    if (doc && isTable(doc)) target = doc;
    else if (PairsPanel.current) {
      PairsPanel.show(deps);
      return PairsPanel.current.shownSet;
    } else {
      const picked = await vscode.window.showOpenDialog({
        canSelectMany: false,
        openLabel: 'Show these pairs',
        filters: { 'Pairs (TSV/CSV with seq_a, seq_b)': TABLE_EXTENSIONS },
      });
      if (!picked?.[0]) {
        PairsPanel.show(deps);
        return undefined;
      }
      target = picked[0];
    }
  }
  try {
    const set = await loadPairsFile(deps.client, target instanceof vscode.Uri ? target : target.uri);
    PairsPanel.show(deps, set);
    return set;
  } catch (err) {
    const message = errorMessage(err);
    deps.output.appendLine(`pairs panel: ${message}`);
    void vscode.window.showErrorMessage(`Basepair: cannot show these pairs: ${message}`);
    return undefined;
  }
}

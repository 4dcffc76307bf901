// Which file a training command trains on: the active editor's file when it is a saved-to-disk data
// file of the right kind (saved first if dirty), else the one the user picks in an open dialog.
import * as path from 'node:path';
import * as vscode from 'vscode';

export async function pickDataFile(extensions: readonly string[], openLabel: string, filterName: string): Promise<vscode.Uri | undefined> {
  const doc = vscode.window.activeTextEditor?.document;
  const ext = doc ? path.extname(doc.fileName).slice(1).toLowerCase() : '';
  if (doc && doc.uri.scheme === 'file' && extensions.includes(ext)) {
    if (doc.isDirty) await doc.save();
    return doc.uri;
  }
  const picked = await vscode.window.showOpenDialog({ canSelectMany: false, openLabel, filters: { [filterName]: [...extensions] } });
  return picked?.[0];
}

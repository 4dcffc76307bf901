// "Basepair: Fold Sequences": asks the server to fold the records of the active FASTA/dot-bracket
// editor (or those under its selections), with a cancellable progress notification, and opens the
// result as a new dot-bracket document (RNAfold's output format, so it has full language support).
import * as vscode from 'vscode';
import { WorkDoneProgress, type WorkDoneProgressReport } from 'vscode-languageclient';
import { FoldDocumentRequest } from '../protocol';
import type { BasepairClient } from './languageClient';

let tokenCounter = 0;

export async function foldSequences(client: BasepairClient, output: vscode.OutputChannel): Promise<vscode.TextDocument | undefined> {
  const editor = vscode.window.activeTextEditor;
  const doc = editor?.document;
  if (!doc || (doc.languageId !== 'fasta' && doc.languageId !== 'dot-bracket')) {
    void vscode.window.showWarningMessage('Basepair: open a FASTA or dot-bracket file to fold its sequences.');
    return undefined;
  }
  let lc;
  try {
    lc = await client.running();
  } catch (err) {
    void vscode.window.showErrorMessage(`Basepair: ${(err as Error).message}.`);
    return undefined;
  }
  const selections = editor.selections.filter((s) => !s.isEmpty);
  const ranges = selections.map((s) => ({ start: s.start, end: s.end }));
  const workDoneToken = `basepair-fold-${process.pid}-${++tokenCounter}`;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Basepair: folding', cancellable: true },
    async (progress, cancel) => {
      let last = 0;
      const sub = lc.onProgress(WorkDoneProgress.type, workDoneToken, (p) => {
        if (p.kind !== 'report') return;
        const r = p as WorkDoneProgressReport;
        const pct = r.percentage ?? last;
        progress.report({ message: r.message, increment: pct - last });
        last = pct;
      });
      try {
        return await lc.sendRequest(FoldDocumentRequest, { uri: doc.uri.toString(), ranges: ranges.length ? ranges : undefined, workDoneToken }, cancel);
      } finally {
        sub.dispose();
      }
    },
  );
  if (!result) return undefined;
  output.appendLine(`fold: ${result.folded} records folded, ${result.skipped.length} skipped (${result.ms} ms)`);
  for (const s of result.skipped) output.appendLine(`  skipped ${s.id}: ${s.reason}`);
  if (result.folded === 0) {
    void vscode.window.showWarningMessage(`Basepair: nothing to fold (${result.skipped.length} records skipped, see the "Basepair" output).`);
    return undefined;
  }
  const folded = await vscode.workspace.openTextDocument({ language: 'dot-bracket', content: result.text });
  await vscode.window.showTextDocument(folded, { preview: false });
  if (result.skipped.length) {
    void vscode.window.showInformationMessage(`Basepair: folded ${result.folded} records; skipped ${result.skipped.length} (see the "Basepair" output).`);
  }
  return folded;
}

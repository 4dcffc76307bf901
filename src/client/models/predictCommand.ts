// "Basepair: Predict": the active model's predictions for the open file — shown inline after each
// record (FASTA / dot-bracket) or opened as a TSV document (id, line, prediction, sd).
import * as vscode from 'vscode';
import { PredictDocumentRequest, type PredictDocumentResult } from '../../protocol/editor';
import type { BasepairClient } from '../languageClient';
import type { ActiveModelController } from './activeModel';

const inlineDecoration = vscode.window.createTextEditorDecorationType({
  after: { margin: '0 0 0 2em', color: new vscode.ThemeColor('editorCodeLens.foreground'), fontStyle: 'italic' },
});

export function predictionsAsTsv(result: PredictDocumentResult): string {
  const withSd = result.rows.some((r) => r.sd !== undefined);
  const head = `id\tline\t${result.model.targetName || 'prediction'}${withSd ? '\tsd' : ''}`;
  const rows = result.rows.map((r) => `${r.id}\t${r.line}\t${r.prediction}${withSd ? `\t${r.sd ?? ''}` : ''}`);
  return [head, ...rows].join('\n') + '\n';
}

/** Shows the predictions after each record header until the document changes. */
export function showInline(editor: vscode.TextEditor, result: PredictDocumentResult): vscode.Disposable {
  const target = result.model.targetName || 'value';
  const decorations = result.rows.map((r) => {
    const line = editor.document.lineAt(Math.max(0, r.line - 1));
    const sd = r.sd !== undefined ? ` ± ${r.sd.toFixed(3)}` : '';
    return {
      range: new vscode.Range(line.range.end, line.range.end),
      renderOptions: { after: { contentText: `predicted ${target}: ${r.prediction.toFixed(3)}${sd}` } },
    };
  });
  editor.setDecorations(inlineDecoration, decorations);
  const sub = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.document === editor.document) {
      editor.setDecorations(inlineDecoration, []);
      sub.dispose();
    }
  });
  return sub;
}

export async function predict(client: BasepairClient, activeModel: ActiveModelController, output: vscode.OutputChannel, mode?: 'inline' | 'tsv'): Promise<PredictDocumentResult | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage('Basepair: open a FASTA, dot-bracket or TSV/CSV file to predict.');
    return undefined;
  }
  if (!activeModel.active) {
    const select = 'Select Active Model';
    const answer = await vscode.window.showWarningMessage('Basepair: no active model.', select);
    if (answer === select) await vscode.commands.executeCommand('basepair.selectActiveModel');
    if (!activeModel.active) return undefined;
  }
  const lc = await client.running().catch(() => undefined);
  if (!lc) {
    void vscode.window.showErrorMessage('Basepair: the language server is not running (see the "Basepair" output).');
    return undefined;
  }
  const doc = editor.document;
  const isRecords = doc.languageId === 'fasta' || doc.languageId === 'dot-bracket';
  if (!isRecords && doc.isDirty) await doc.save();
  let result: PredictDocumentResult;
  try {
    result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Basepair: predicting' }, () =>
      lc.sendRequest(PredictDocumentRequest, { uri: doc.uri.toString() }),
    );
  } catch (err) {
    void vscode.window.showErrorMessage(`Basepair: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
  output.appendLine(`predict: ${result.rows.length} predictions with ${result.model.name}, ${result.skipped.length} records skipped`);
  for (const s of result.skipped) output.appendLine(`  skipped line ${s.line}: ${s.reason}`);
  let how = mode;
  if (!how && isRecords) {
    const pick = await vscode.window.showQuickPick(
      [
        { label: 'Show inline', detail: 'After each record header, until the file changes', value: 'inline' as const },
        { label: 'Open as TSV', detail: 'A new document with id, line, prediction', value: 'tsv' as const },
      ],
      { title: `Predictions of ${result.model.name}` },
    );
    how = pick?.value;
  }
  if (!how && !isRecords) how = 'tsv';
  if (how === 'inline') showInline(editor, result);
  else if (how === 'tsv') {
    const tsv = await vscode.workspace.openTextDocument({ language: 'plaintext', content: predictionsAsTsv(result) });
    await vscode.window.showTextDocument(tsv, { preview: false });
  }
  if (result.skipped.length) void vscode.window.showWarningMessage(`Basepair: ${result.skipped.length} records were skipped (see the "Basepair" output).`);
  return result;
}

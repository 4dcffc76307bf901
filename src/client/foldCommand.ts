// "Basepair: Fold Sequences": asks the server to fold the records of the active FASTA/dot-bracket
// editor (or those under its selections), with a cancellable progress notification, and opens the
// result as a new dot-bracket document (RNAfold's output format, so it has full language support).
// Records above basepair.fold.maxLength are refused by the server; the message then offers
// "Fold with beam 100", which folds them again with the linear-time beam engine.
import * as vscode from 'vscode';
import { runJob } from './jobProgress';
import { DEFAULT_BEAM } from '../core/structure/lengthLimit';
import { FoldDocumentRequest, type FoldDocumentResult } from '../protocol/editor';
import type { BasepairClient } from './languageClient';

let tokenCounter = 0;

type Ranges = { start: vscode.Position; end: vscode.Position }[];

/** Command arguments (also used by tests): `beam` folds records above the limit with the beam engine. */
export interface FoldCommandOptions {
  beam?: number;
}

export async function foldSequences(client: BasepairClient, output: vscode.OutputChannel, options: FoldCommandOptions = {}): Promise<vscode.TextDocument | undefined> {
  const editor = vscode.window.activeTextEditor;
  const doc = editor?.document;
  if (!editor || !doc || (doc.languageId !== 'fasta' && doc.languageId !== 'dot-bracket')) {
    void vscode.window.showWarningMessage('Basepair: open a FASTA or dot-bracket file to fold its sequences.');
    return undefined;
  }
  const ranges = editor.selections.filter((s) => !s.isEmpty).map((s) => ({ start: s.start, end: s.end }));
  const beam = typeof options.beam === 'number' && options.beam >= 1 ? Math.floor(options.beam) : undefined;
  return foldDocumentRecords(client, output, doc, ranges, beam);
}

async function foldDocumentRecords(
  client: BasepairClient,
  output: vscode.OutputChannel,
  doc: vscode.TextDocument,
  ranges: Ranges,
  beam: number | undefined,
): Promise<vscode.TextDocument | undefined> {
  const lc = await client.runningOrExplain();
  if (!lc) return undefined;
  const workDoneToken = `basepair-fold-${process.pid}-${++tokenCounter}`;
  const params = { uri: doc.uri.toString(), ranges: ranges.length ? ranges : undefined, workDoneToken, ...(beam ? { beam } : {}) };
  const result = await runJob(lc, 'Basepair: folding', workDoneToken, (cancel) => lc.sendRequest(FoldDocumentRequest, params, cancel));
  if (!result) return undefined;
  const withBeam = result.beamFolded ? `, ${result.beamFolded} of them with beam ${beam}` : '';
  output.appendLine(`fold: ${result.folded} records folded${withBeam}, ${result.skipped.length} skipped (${result.ms} ms)`);
  for (const s of result.skipped) output.appendLine(`  skipped ${s.id}: ${s.reason}`);
  const tooLong = result.skipped.filter((s) => s.tooLong).length;
  if (tooLong > 0) offerBeam(client, output, doc, ranges, result, tooLong);
  if (result.folded === 0) {
    if (tooLong === 0) void vscode.window.showWarningMessage(`Basepair: nothing to fold (${result.skipped.length} records skipped, see the "Basepair" output).`);
    return undefined;
  }
  const folded = await vscode.workspace.openTextDocument({ language: 'dot-bracket', content: result.text });
  await vscode.window.showTextDocument(folded, { preview: false });
  if (result.skipped.length > tooLong) {
    void vscode.window.showInformationMessage(`Basepair: folded ${result.folded} records; skipped ${result.skipped.length} (see the "Basepair" output).`);
  }
  return folded;
}

/** The refusal of records above basepair.fold.maxLength, with buttons to fold them with the beam engine. */
function offerBeam(client: BasepairClient, output: vscode.OutputChannel, doc: vscode.TextDocument, ranges: Ranges, result: FoldDocumentResult, tooLong: number): void {
  const limit = result.maxLength !== undefined ? ` (${result.maxLength.toLocaleString('en-US')} nt)` : '';
  const records = tooLong === 1 ? '1 record is' : `${tooLong.toLocaleString('en-US')} records are`;
  const message =
    `Basepair: ${records} longer than basepair.fold.maxLength${limit} and not folded: the exact algorithm would take too long. ` +
    `The beam mode folds them in linear time (approximate, LinearFold-style).`;
  const beamButton = `Fold with beam ${DEFAULT_BEAM}`;
  const settingsButton = 'Open Settings';
  void vscode.window.showWarningMessage(message, beamButton, settingsButton).then((choice) => {
    if (choice === beamButton) void foldDocumentRecords(client, output, doc, ranges, DEFAULT_BEAM);
    else if (choice === settingsButton) void vscode.commands.executeCommand('workbench.action.openSettings', 'basepair.fold.maxLength');
  });
}

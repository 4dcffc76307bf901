// Status bar item for FASTA / dot-bracket editors: how many records and nucleotides the file has,
// asked from the server (basepair/fileSummary) when the editor or its diagnostics change.
import * as vscode from 'vscode';
import { FileSummaryRequest } from '../protocol/editor';
import { formatCount } from '../core/text/formatNumber';
import type { BasepairClient } from './languageClient';

const LANGUAGES = new Set(['fasta', 'dot-bracket']);

export class FileStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('basepair.file', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];
  private pending: NodeJS.Timeout | undefined;

  constructor(private readonly client: BasepairClient) {
    this.item.name = 'Basepair file summary';
    this.item.command = 'workbench.action.gotoSymbol';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule()),
      vscode.languages.onDidChangeDiagnostics(() => this.schedule()),
      client.onDidChange(() => this.schedule()),
    );
    this.schedule();
  }

  private schedule(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => void this.update(), 100);
  }

  private async update(): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    const lc = this.client.current;
    if (!doc || !LANGUAGES.has(doc.languageId) || !lc) {
      this.item.hide();
      return;
    }
    try {
      const s = await lc.sendRequest(FileSummaryRequest, { uri: doc.uri.toString() });
      if (!s || vscode.window.activeTextEditor?.document !== doc) return;
      const n = formatCount;
      this.item.text = `$(symbol-string) ${n(s.records)} record${s.records === 1 ? '' : 's'} · ${n(s.nucleotides)} nt`;
      this.item.tooltip = `${n(s.records)} records, ${n(s.nucleotides)} nucleotides, ${n(s.errors)} errors, ${n(s.warnings)} warnings (analysed in ${s.analysisMs} ms). Click for the records.`;
      this.item.show();
    } catch {
      this.item.hide();
    }
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    this.subscriptions.forEach((d) => d.dispose());
    this.item.dispose();
  }
}

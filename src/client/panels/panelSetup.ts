// How every Basepair webview panel (structure, training, pairs) is opened and prepared: a new panel opens
// beside the editor without taking focus; a new or restored (serializer) panel gets the webview options,
// the extension's icon and its page (webviewHtml.ts).
import * as vscode from 'vscode';
import { panelHtml, panelWebviewOptions, type PanelPage } from './webviewHtml';

/** A new panel beside the active editor, keeping the focus where it is. */
export function createPanel(viewType: string, title: string, extensionUri: vscode.Uri): vscode.WebviewPanel {
  return vscode.window.createWebviewPanel(viewType, title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, panelWebviewOptions(extensionUri));
}

/** Options, icon and page of a panel, new or restored after a window reload. */
export function preparePanel(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, page: PanelPage): void {
  panel.webview.options = panelWebviewOptions(extensionUri);
  panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.png');
  panel.webview.html = panelHtml(panel.webview, extensionUri, page);
}

/** Restores a panel after a window reload from the state its webview saved (registered per viewType). */
export class PanelSerializer<S> implements vscode.WebviewPanelSerializer<S> {
  constructor(private readonly revive: (panel: vscode.WebviewPanel, state: S | undefined) => void) {}

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: S | undefined): Promise<void> {
    this.revive(panel, state);
  }
}

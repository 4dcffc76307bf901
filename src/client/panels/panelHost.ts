// The extension-host side every Basepair panel (structure, training, pairs) is built on: the webview
// panel with its page (preparePanel: options, icon, CSP'd HTML), messages to the webview (`send`) and
// from it (`receive`, checked by the panel), and one disposal path — closing the panel, a restored
// panel taking over, or the extension going away. Each panel keeps its own singleton and state replay.
import type * as vscode from 'vscode';
import { preparePanel } from './panelSetup';
import type { PanelPage } from './webviewHtml';

export abstract class PanelHost<HostMessage> implements vscode.Disposable {
  protected readonly disposables: vscode.Disposable[] = [];
  private disposed = false;

  protected constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    page: PanelPage,
  ) {
    preparePanel(panel, extensionUri, page);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => void this.receive(m)),
    );
  }

  /** A message from the webview: untrusted data, the panel checks its shape. */
  protected abstract receive(message: unknown): void | Promise<void>;

  /** Called once as the panel goes away: clear the singleton, timers. */
  protected released(): void {}

  protected send(message: HostMessage): void {
    void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.released();
    this.disposables.forEach((d) => d.dispose());
    this.panel.dispose();
  }
}

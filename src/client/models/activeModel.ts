// The active regressor on the client side: asks the server to load it (hovers and "Predict" use
// it), shows it in the status bar, and remembers it per workspace across reloads.
import * as vscode from 'vscode';
import { SetActiveModelRequest, type ActiveModelInfo } from '../../protocol/editor';
import type { BasepairClient } from '../languageClient';

const STATE_KEY = 'basepair.activeModel';

export class ActiveModelController implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('basepair.model', vscode.StatusBarAlignment.Right, 99);
  private info: ActiveModelInfo | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<ActiveModelInfo | undefined>();
  /** Fires after the active model changed (loaded, dropped, or failed to load). */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: BasepairClient,
    private readonly output: vscode.OutputChannel,
  ) {
    this.item.name = 'Basepair active model';
    this.item.command = 'basepair.selectActiveModel';
    this.render();
    // Restore after (re)starts of the language server: a new server knows no model.
    this.subscriptions.push(client.onDidChange((lc) => {
      const dir = this.context.workspaceState.get<string>(STATE_KEY);
      if (lc && dir) void this.set(dir, { quiet: true });
    }));
  }

  get active(): ActiveModelInfo | undefined {
    return this.info;
  }

  /** Loads the model in the server (null = none). Errors are shown, and leave no model active. */
  async set(dir: string | null, opts: { quiet?: boolean } = {}): Promise<ActiveModelInfo | undefined> {
    const lc = await this.client.running().catch(() => undefined);
    if (!lc) {
      if (!opts.quiet) void vscode.window.showErrorMessage('Basepair: the language server is not running (see the "Basepair" output).');
      return undefined;
    }
    try {
      const info = await lc.sendRequest(SetActiveModelRequest, { dir });
      this.info = info ?? undefined;
      await this.context.workspaceState.update(STATE_KEY, info?.dir);
      if (info) this.output.appendLine(`active model: ${info.dir}`);
      return this.info;
    } catch (err) {
      this.info = undefined;
      await this.context.workspaceState.update(STATE_KEY, undefined);
      const message = err instanceof Error ? err.message : String(err);
      this.output.appendLine(`could not load model ${dir}: ${message}`);
      if (!opts.quiet) void vscode.window.showErrorMessage(`Basepair: could not load the model: ${message}`);
      return undefined;
    } finally {
      this.render();
      this.changed.fire(this.info);
    }
  }

  private render(): void {
    if (this.info) {
      this.item.text = `$(beaker) ${this.info.name}`;
      const sp = this.info.spearman !== undefined ? `, test Spearman ${this.info.spearman.toFixed(3)}` : '';
      this.item.tooltip = `Active model ${this.info.name}: predicts ${this.info.targetName} (${this.info.arch}, structures: ${this.info.structureSource}${sp}). Click to change.`;
    } else {
      this.item.text = '$(beaker) no model';
      this.item.tooltip = 'No active Basepair model. Click to select one, or run "Basepair: Train Regressor".';
    }
    this.item.show();
  }

  dispose(): void {
    this.subscriptions.forEach((d) => d.dispose());
    this.changed.dispose();
    this.item.dispose();
  }
}

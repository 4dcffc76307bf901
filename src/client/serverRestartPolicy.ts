// What the language client does when the Basepair language server dies (crash, kill, out of
// memory): restart it, at most MAX_RESTARTS times within RESTART_WINDOW_MS, and say so in the
// "Basepair" output and in a notification. Past the limit the server stays stopped and the
// notification offers "Restart" (basepair.restartServer) so a crash loop cannot eat the machine.
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult, type Message } from 'vscode-languageclient/node';

export const MAX_RESTARTS = 5;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

export class ServerRestartPolicy implements ErrorHandler {
  /** Times of the unexpected stops inside the current window. */
  private readonly stops: number[] = [];
  private restartsSoFar = 0;

  constructor(
    private readonly output: vscode.OutputChannel,
    private readonly now: () => number = Date.now,
  ) {}

  /** Automatic restarts done by this policy (tests, logs). */
  get restarts(): number {
    return this.restartsSoFar;
  }

  error(error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    // Transient write/read errors: keep going a few times, as vscode-languageclient does by default.
    if (count !== undefined && count <= 3) return { action: ErrorAction.Continue, handled: true };
    this.output.appendLine(`language server connection keeps failing (${error.message}); shutting it down`);
    return { action: ErrorAction.Shutdown };
  }

  closed(): CloseHandlerResult {
    const t = this.now();
    this.stops.push(t);
    while (this.stops.length > 0 && t - this.stops[0]! > RESTART_WINDOW_MS) this.stops.shift();
    if (this.stops.length > MAX_RESTARTS) {
      const message = `Basepair: the language server stopped unexpectedly ${this.stops.length} times in 3 minutes and will not be restarted automatically.`;
      this.output.appendLine(`${new Date(t).toISOString()} ${message}`);
      void vscode.window.showErrorMessage(message, 'Restart', 'Show Output').then((answer) => {
        if (answer === 'Restart') void vscode.commands.executeCommand('basepair.restartServer');
        if (answer === 'Show Output') this.output.show(true);
      });
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    this.restartsSoFar++;
    const message = `Basepair: the language server stopped unexpectedly; restarting it (restart ${this.stops.length} of at most ${MAX_RESTARTS} in 3 minutes).`;
    this.output.appendLine(`${new Date(t).toISOString()} ${message}`);
    void vscode.window.showWarningMessage(message, 'Show Output').then((answer) => {
      if (answer === 'Show Output') this.output.show(true);
    });
    return { action: CloseAction.Restart, handled: true };
  }
}

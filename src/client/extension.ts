// Entry point of the extension: starts the language server and registers commands and the status
// bar. Thin on purpose (activation must stay fast): all parsing and computing happens in the server.
import * as vscode from 'vscode';
import { BasepairClient } from './languageClient';
import { registerCommands } from './commands';
import { FileStatusItem } from './statusBar';

export interface BasepairApi {
  /** Resolves when the language server has started. */
  ready: Promise<void>;
}

let client: BasepairClient | undefined;

export function activate(context: vscode.ExtensionContext): BasepairApi {
  const output = vscode.window.createOutputChannel('Basepair');
  context.subscriptions.push(output);
  output.appendLine(`Basepair ${context.extension.packageJSON.version as string} activating`);
  client = new BasepairClient(context, output);
  context.subscriptions.push(client);
  const ready = client.start();
  registerCommands(context, client, output);
  context.subscriptions.push(new FileStatusItem(client));
  return { ready };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

// Commands of the extension (palette category "Basepair").
import * as vscode from 'vscode';
import { foldSequences, type FoldCommandOptions } from './foldCommand';
import type { BasepairClient } from './languageClient';
import { showStructure } from './panels/structurePanel';

export function registerCommands(context: vscode.ExtensionContext, client: BasepairClient, output: vscode.OutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('basepair.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('basepair.foldSequences', (options?: FoldCommandOptions) =>
      foldSequences(client, output, options && typeof options === 'object' && 'beam' in options ? options : {}),
    ),
    vscode.commands.registerCommand('basepair.showStructure', (uri?: unknown, position?: unknown) =>
      showStructure({ context, client, output }, uri, position),
    ),
    vscode.commands.registerCommand('basepair.restartServer', async () => {
      try {
        await client.restart();
        void vscode.window.showInformationMessage('Basepair: language server restarted.');
      } catch {
        // start() already told the user and logged why
      }
    }),
  );
}

// Registers the pair commands (Train Pair Model, Generate Pairs, Show Pairs Panel) and the pairs
// panel's serializer (restores it after a window reload).
import * as vscode from 'vscode';
import type { BasepairClient } from '../languageClient';
import { pairsPanelSerializer, PAIRS_VIEW_TYPE } from '../panels/pairsPanel';
import { generatePairs, type GeneratePairsPreset } from './generatePairsCommand';
import { showPairs } from './showPairsCommand';
import { trainPairModel, type TrainPairsPreset } from './trainPairsCommand';

export function registerPairCommands(context: vscode.ExtensionContext, client: BasepairClient, output: vscode.OutputChannel): void {
  const deps = { context, output, client };
  context.subscriptions.push(
    vscode.commands.registerCommand('basepair.trainPairModel', (preset?: TrainPairsPreset | vscode.Uri) =>
      trainPairModel(context, client, output, preset instanceof vscode.Uri ? { data: preset } : (preset ?? {})),
    ),
    vscode.commands.registerCommand('basepair.generatePairs', (preset?: GeneratePairsPreset) => generatePairs(deps, preset ?? {})),
    vscode.commands.registerCommand('basepair.showPairs', (arg?: unknown) => showPairs(deps, arg)),
    vscode.window.registerWebviewPanelSerializer(PAIRS_VIEW_TYPE, pairsPanelSerializer(deps)),
  );
}

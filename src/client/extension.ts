// Entry point of the extension: starts the language server and registers commands and the status
// bar. Thin on purpose (activation must stay fast): all parsing and computing happens in the server.
import * as vscode from 'vscode';
import { BasepairClient } from './languageClient';
import { registerCommands } from './commands';
import { FileStatusItem } from './statusBar';
import { StructurePanel, structurePanelSerializer, STRUCTURE_VIEW_TYPE } from './panels/structurePanel';
import { linkAttribution } from './panels/attributionLink';
import { TrainingEventLog } from './panels/trainingEventLog';
import { TrainingPanel, trainingPanelSerializer, TRAINING_VIEW_TYPE, type TrainingPanelDeps } from './panels/trainingPanel';
import type { ActiveModelController } from './models/activeModel';
import { registerModelCommands } from './models/registerModelCommands';
import { registerPairCommands } from './pairs/registerPairCommands';
import { PairsPanel } from './panels/pairsPanel';
import { onTrainingEvent } from './models/trainCommand';
import { registerExampleCommands } from './walkthrough/exampleCommands';
import type { TrainingEvent } from '../protocol/editor';

export interface BasepairApi {
  /** Resolves when the language server has started. */
  ready: Promise<void>;
  /** The structure panel when it is open (tests; attribution is posted through it). */
  structurePanel(): StructurePanel | undefined;
  /** The training panel when it is open (tests). */
  trainingPanel(): TrainingPanel | undefined;
  /** The pairs panel when it is open (tests). */
  pairsPanel(): PairsPanel | undefined;
  /** The active regressor, if any (tests, other panels). */
  activeModel(): ActiveModelController;
  /** Every training event of every job (tests, other extensions). */
  onTrainingEvent(listener: (e: TrainingEvent) => void): vscode.Disposable;
  /** Milliseconds from the start of activate() to the language server running (undefined before). */
  activationMs(): number | undefined;
  /** Automatic restarts of the language server after it died. */
  serverRestarts(): number;
}

let client: BasepairClient | undefined;

export function activate(context: vscode.ExtensionContext): BasepairApi {
  const t0 = performance.now();
  let activationMs: number | undefined;
  const output = vscode.window.createOutputChannel('Basepair');
  context.subscriptions.push(output);
  output.appendLine(`Basepair ${context.extension.packageJSON.version as string} activating`);
  client = new BasepairClient(context, output);
  context.subscriptions.push(client);
  const ready = client.start();
  void ready.then(() => {
    activationMs = Math.round(performance.now() - t0);
    output.appendLine(`activated in ${activationMs} ms (activate() to language server running)`);
  }, () => undefined);
  registerCommands(context, client, output);
  registerPairCommands(context, client, output);
  registerExampleCommands(context);
  context.subscriptions.push(new FileStatusItem(client));
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(STRUCTURE_VIEW_TYPE, structurePanelSerializer({ context, client, output })),
  );
  const trainingLog = new TrainingEventLog(context.workspaceState);
  // One handler per notification method in vscode-languageclient: fan out from here.
  const trainingListeners = new Set<(e: TrainingEvent) => void>();
  context.subscriptions.push(
    trainingLog,
    onTrainingEvent(client, (e) => {
      trainingLog.add(e);
      trainingListeners.forEach((l) => l(e));
    }),
  );
  let trainingDeps: TrainingPanelDeps | undefined;
  const showTraining = () => void (trainingDeps && TrainingPanel.show(trainingDeps));
  const activeModel = registerModelCommands(context, client, output, showTraining);
  trainingDeps = { context, client, log: trainingLog, activeModel, output };
  context.subscriptions.push(linkAttribution(client, activeModel, output));
  context.subscriptions.push(
    vscode.commands.registerCommand('basepair.showTraining', showTraining),
    vscode.window.registerWebviewPanelSerializer(TRAINING_VIEW_TYPE, trainingPanelSerializer(trainingDeps)),
  );
  const c = client;
  return {
    ready,
    structurePanel: () => StructurePanel.current,
    trainingPanel: () => TrainingPanel.current,
    pairsPanel: () => PairsPanel.current,
    activeModel: () => activeModel,
    onTrainingEvent: (listener) => {
      trainingListeners.add(listener);
      return new vscode.Disposable(() => trainingListeners.delete(listener));
    },
    activationMs: () => activationMs,
    serverRestarts: () => c.automaticRestarts,
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

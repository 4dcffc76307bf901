// Registers the model commands (train, predict, select) and the active-model status bar item.
import * as vscode from 'vscode';
import type { BasepairClient } from '../languageClient';
import { ActiveModelController } from './activeModel';
import { predict } from './predictCommand';
import { selectActiveModel } from './selectModelCommand';
import { trainRegressor, type TrainChoices } from './trainCommand';

export function registerModelCommands(
  context: vscode.ExtensionContext,
  client: BasepairClient,
  output: vscode.OutputChannel,
  showTrainingPanel: () => void,
): ActiveModelController {
  const active = new ActiveModelController(context, client, output);
  context.subscriptions.push(
    active,
    vscode.commands.registerCommand('basepair.trainRegressor', (preset?: Partial<TrainChoices> & { data?: vscode.Uri | string }) => {
      if (!preset) return trainRegressor(context, client, output, active, showTrainingPanel);
      const { data, ...choices } = preset;
      const uri = typeof data === 'string' ? vscode.Uri.file(data) : data;
      return trainRegressor(context, client, output, active, showTrainingPanel, { ...choices, ...(uri ? { data: uri } : {}) });
    }),
    vscode.commands.registerCommand('basepair.predict', (mode?: 'inline' | 'tsv') => predict(client, active, output, mode)),
    vscode.commands.registerCommand('basepair.selectActiveModel', (dir?: string | null) => selectActiveModel(context, active, dir)),
  );
  return active;
}

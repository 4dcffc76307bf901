// "Basepair: Train Regressor": pick the data (the open file when it is one, else a file dialog),
// the architecture, the structure source and the ensemble size with quick picks, name the model,
// then train in a job process with a cancellable progress notification; the training panel shows
// the curves live. At the end: the verdict, and an offer to make the model active.
import * as vscode from 'vscode';
import { pickDataFile } from '../pickDataFile';
import { runJob } from '../jobProgress';
import { TrainingEventNotification, TrainRequest, type TrainingEvent, type TrainingReport, type TrainParams } from '../../protocol/editor';
import type { BasepairClient } from '../languageClient';
import type { ActiveModelController } from './activeModel';
import { askModelName, modelsFolder } from './modelsFolder';

const DATA_EXTENSIONS = ['tsv', 'csv', 'txt', 'fa', 'fasta', 'fna', 'fas', 'db', 'dbn', 'vienna'];

let counter = 0;


interface Pick<T> extends vscode.QuickPickItem {
  value: T;
}

export interface TrainChoices {
  arch: NonNullable<TrainParams['arch']>;
  structure: NonNullable<TrainParams['structure']>;
  folds: number;
  name: string;
  /** Maximum epochs (the server's default when absent; early stopping may end sooner). */
  epochs?: number;
}

async function askChoices(data: vscode.Uri, context: vscode.ExtensionContext): Promise<TrainChoices | undefined> {
  const arch = await vscode.window.showQuickPick<Pick<TrainChoices['arch']>>(
    [
      { label: 'Structure-aware (recommended)', description: 'default', detail: 'Convolutions along the sequence + message passing over base pairs; fast on CPU.', value: 'default' },
      { label: 'Two-branch CNN', description: 'seed-cnn', detail: 'One-hot branch + 2D CNN over the L x L structure matrix (the classic Keras setup), for comparison.', value: 'seed-cnn' },
      { label: 'Sequence only', description: 'sequence-only', detail: 'Same network without structure: shows whether structure helps.', value: 'sequence-only' },
    ],
    { title: 'Train Regressor (1/4): architecture', ignoreFocusOut: true },
  );
  if (!arch) return undefined;
  const structure = await vscode.window.showQuickPick<Pick<TrainChoices['structure']>>(
    [
      { label: 'Automatic', description: 'auto', detail: 'The structures in the data when every record has one, else base-pair probabilities from folding.', value: 'auto' },
      { label: 'Given structures', description: 'given', detail: 'The structure column / dot-bracket lines of the data.', value: 'given' },
      { label: 'MFE structures', description: 'mfe', detail: 'Fold every record (minimum free energy).', value: 'mfe' },
      { label: 'Base-pair probabilities', description: 'bpp', detail: 'Fold every record (partition function): soft pairing.', value: 'bpp' },
    ],
    { title: 'Train Regressor (2/4): structures', ignoreFocusOut: true },
  );
  if (!structure) return undefined;
  const folds = await vscode.window.showQuickPick<Pick<number>>(
    [
      { label: 'One model', description: 'fastest', value: 1 },
      { label: 'Ensemble of 5 (k-fold)', description: 'predictions with mean ± sd', value: 5 },
    ],
    { title: 'Train Regressor (3/4): models', ignoreFocusOut: true },
  );
  if (!folds) return undefined;
  const name = await askModelName(context, data, 'Train Regressor (4/4): model name', arch.value);
  if (!name) return undefined;
  return { arch: arch.value, structure: structure.value, folds: folds.value, name };
}

export async function trainRegressor(
  context: vscode.ExtensionContext,
  client: BasepairClient,
  output: vscode.OutputChannel,
  activeModel: ActiveModelController,
  showPanel: () => void,
  preset?: Partial<TrainChoices> & { data?: vscode.Uri },
): Promise<TrainingReport | undefined> {
  const lc = await client.runningOrExplain();
  if (!lc) return undefined;
  const data = preset?.data ?? (await pickDataFile(DATA_EXTENSIONS, 'Train on this file', 'Sequence data'));
  if (!data) return undefined;
  const choices = preset?.arch && preset.structure && preset.folds && preset.name ? (preset as TrainChoices) : await askChoices(data, context);
  if (!choices) return undefined;
  const out = vscode.Uri.joinPath(modelsFolder(context), choices.name);
  const jobId = `train-${Date.now()}-${++counter}`;
  const workDoneToken = `basepair-${jobId}`;
  const params: TrainParams = {
    jobId,
    data: data.fsPath,
    out: out.fsPath,
    arch: choices.arch,
    structure: choices.structure,
    folds: choices.folds,
    ...(choices.epochs !== undefined ? { epochs: choices.epochs } : {}),
    workDoneToken,
  };
  output.appendLine(`train: ${data.fsPath} -> ${out.fsPath} (${choices.arch}, structures ${choices.structure}, ${choices.folds} model(s))`);
  showPanel();
  try {
    const report = await runJob(lc, `Basepair: training ${choices.name}`, workDoneToken, (cancel) => lc.sendRequest(TrainRequest, params, cancel));
    output.appendLine(`train: ${report.name}: ${report.verdict.headline}`);
    // Offered, not awaited: the command returns with the report while the notification waits.
    const use = 'Use as active model';
    void vscode.window.showInformationMessage(`Basepair: ${report.name} trained. ${report.verdict.headline}`, use).then((answer) => {
      if (answer === use) void activeModel.set(report.modelDir);
    });
    return report;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    output.appendLine(`train: ${message}`);
    if (!/cancel/i.test(message)) void vscode.window.showErrorMessage(`Basepair: training failed: ${message}`);
    return undefined;
  }
}

/** Subscribes to the server's training events (for the training panel). */
export function onTrainingEvent(client: BasepairClient, listener: (e: TrainingEvent) => void): vscode.Disposable {
  const subs: vscode.Disposable[] = [];
  const attach = () => {
    const lc = client.current;
    if (lc) subs.push(lc.onNotification(TrainingEventNotification, listener));
  };
  attach();
  const changed = client.onDidChange(() => attach());
  return { dispose: () => [...subs, changed].forEach((d) => d.dispose()) };
}

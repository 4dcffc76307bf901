// "Basepair: Train Pair Model": pick a pairs file (TSV/CSV with seq_a, seq_b, label; the open one
// or a file dialog), the epochs, the seed and the column that groups the split (from the file's
// header) by quick pick, name the model (saved under the models folder), then train classifier +
// generator in a job process with a cancellable progress notification. The result — test AUROC /
// AUPRC of the classifier beside the rule baselines — goes to a message and the output channel.
import * as vscode from 'vscode';
import { pickDataFile } from '../pickDataFile';
import { TrainPairsRequest, type PairMetricsSummary, type PairTrainingSummary, type TrainPairsParams } from '../../protocol/editor';
import type { BasepairClient } from '../languageClient';
import { askModelName, modelsFolder } from '../models/modelsFolder';
import { headerColumns, parseSeed } from './constraintsInput';
import { errorMessage, JobCancelled, runJob } from '../jobProgress';

const PAIR_EXTENSIONS = ['tsv', 'csv', 'txt'];

/** Arguments for scripted use (tests, walkthrough): with `data` and `name` nothing is asked. */
export interface TrainPairsPreset {
  data?: vscode.Uri | string;
  name?: string;
  epochs?: number;
  seed?: number;
  group?: string;
  skipBad?: boolean;
}

interface TrainOptions {
  epochs?: number;
  seed?: number;
  group?: string;
  name: string;
}

interface Pick<T> extends vscode.QuickPickItem {
  value: T;
}

let counter = 0;


async function readHeader(uri: vscode.Uri): Promise<string[]> {
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    const text = new TextDecoder().decode(bytes.subarray(0, 65536));
    const first = text.split('\n').find((l) => l.trim() !== '') ?? '';
    return headerColumns(first);
  } catch {
    return [];
  }
}

async function askOptions(data: vscode.Uri, context: vscode.ExtensionContext): Promise<TrainOptions | undefined> {
  const epochs = await vscode.window.showQuickPick<Pick<number | undefined>>(
    [
      { label: 'Automatic', description: 'default', detail: 'Up to the default budget; early stopping on the validation pairs decides.', value: undefined },
      { label: '10 epochs', description: 'quick look', value: 10 },
      { label: '30 epochs', value: 30 },
      { label: '100 epochs', description: 'large data sets', value: 100 },
    ],
    { title: 'Train Pair Model (1/4): epochs', ignoreFocusOut: true },
  );
  if (!epochs) return undefined;
  const seedPick = await vscode.window.showQuickPick<Pick<number | 'other' | undefined>>(
    [
      { label: 'Default seed', description: 'reproducible', value: undefined },
      { label: 'Seed 2', value: 2 },
      { label: 'Seed 3', value: 3 },
      { label: 'Other seed…', value: 'other' },
    ],
    { title: 'Train Pair Model (2/4): random seed (initialisation, split, generator sampling)', ignoreFocusOut: true },
  );
  if (!seedPick) return undefined;
  let seed = seedPick.value;
  if (seed === 'other') {
    const text = await vscode.window.showInputBox({
      title: 'Train Pair Model (2/4): random seed',
      prompt: 'A whole number',
      ignoreFocusOut: true,
      validateInput: (v) => {
        const p = parseSeed(v);
        return 'error' in p ? p.error : undefined;
      },
    });
    if (text === undefined) return undefined;
    const p = parseSeed(text);
    seed = 'value' in p ? p.value : undefined;
  }
  const columns = await readHeader(data);
  const others = columns.filter((c) => !['seq_a', 'seq_b', 'label', 'a', 'b', 'sequence_a', 'sequence_b'].includes(c.toLowerCase()));
  const group = await vscode.window.showQuickPick<Pick<string | undefined>>(
    [
      { label: 'seq_a', description: 'default', detail: 'Pairs that share the first sequence (the guide / miRNA) stay in one split.', value: undefined },
      ...others.map((c) => ({ label: c, description: 'column', detail: `Pairs with the same ${c} stay in one split.`, value: c })),
    ],
    { title: 'Train Pair Model (3/4): group the train/validation/test split by', ignoreFocusOut: true },
  );
  if (!group) return undefined;
  const name = await askModelName(context, data, 'Train Pair Model (4/4): model name', 'pairs');
  if (!name) return undefined;
  return { ...(epochs.value !== undefined ? { epochs: epochs.value } : {}), ...(seed !== undefined ? { seed } : {}), ...(group.value ? { group: group.value } : {}), name };
}

const f3 = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : 'n/a');

function metricsLine(name: string, m: PairMetricsSummary): string {
  return `  ${name.padEnd(28)} AUROC ${f3(m.auroc)}  AUPRC ${f3(m.auprc)}  accuracy ${f3(m.accuracy)}  F1 ${f3(m.f1)}`;
}

/** The one-line result for the notification: the classifier beside the best baseline. */
export function trainingHeadline(s: PairTrainingSummary): string {
  const best = [...s.baselines].sort((x, y) => y.test.auroc - x.test.auroc)[0];
  const baseline = best ? ` (best baseline, ${best.name}: AUROC ${f3(best.test.auroc)}, AUPRC ${f3(best.test.auprc)})` : '';
  return `test AUROC ${f3(s.test.auroc)}, AUPRC ${f3(s.test.auprc)}${baseline}`;
}

export async function trainPairModel(
  context: vscode.ExtensionContext,
  client: BasepairClient,
  output: vscode.OutputChannel,
  preset: TrainPairsPreset = {},
): Promise<PairTrainingSummary | undefined> {
  const lc = await client.runningOrExplain();
  if (!lc) return undefined;
  const data = preset.data ? (typeof preset.data === 'string' ? vscode.Uri.file(preset.data) : preset.data) : await pickDataFile(PAIR_EXTENSIONS, 'Train on these pairs', 'Pairs (TSV/CSV with seq_a, seq_b, label)');
  if (!data) return undefined;
  const options = preset.name ? { ...preset, name: preset.name } : await askOptions(data, context);
  if (!options) return undefined;
  const out = vscode.Uri.joinPath(modelsFolder(context), options.name);
  const jobId = `pairs-train-${Date.now()}-${++counter}`;
  const workDoneToken = `basepair-${jobId}`;
  const params: TrainPairsParams = {
    jobId,
    data: data.fsPath,
    out: out.fsPath,
    ...(options.epochs !== undefined ? { epochs: options.epochs } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.group ? { group: options.group } : {}),
    ...(preset.skipBad ? { skipBad: true } : {}),
    workDoneToken,
  };
  output.appendLine(`train pairs: ${data.fsPath} -> ${out.fsPath}${options.epochs ? `, ${options.epochs} epochs` : ''}${options.seed !== undefined ? `, seed ${options.seed}` : ''}, grouped by ${options.group ?? 'seq_a'}`);
  try {
    const s = await runJob(lc, `Basepair: training pair model ${options.name}`, workDoneToken, (token) => lc.sendRequest(TrainPairsRequest, params, token));
    output.appendLine(`train pairs: ${s.name}: ${s.sizes.train} train / ${s.sizes.valid} validation / ${s.sizes.test} test pairs, ${s.epochsRun} epochs, ${s.seconds.toFixed(1)} s, threshold ${f3(s.threshold)}${s.skipped ? `, ${s.skipped} bad rows skipped` : ''}`);
    output.appendLine(metricsLine('classifier (test)', s.test));
    for (const b of s.baselines) output.appendLine(metricsLine(`baseline: ${b.name}`, b.test));
    output.appendLine(`  model: ${s.modelDir}`);
    const generate = 'Generate Pairs';
    const show = 'Show Output';
    void vscode.window.showInformationMessage(`Basepair: pair model ${s.name} trained: ${trainingHeadline(s)}.`, generate, show).then((answer) => {
      if (answer === generate) void vscode.commands.executeCommand('basepair.generatePairs', { modelDir: s.modelDir });
      else if (answer === show) output.show(true);
    });
    return s;
  } catch (err) {
    if (err instanceof JobCancelled) {
      output.appendLine(`train pairs: ${options.name}: cancelled`);
      return undefined;
    }
    const message = errorMessage(err);
    output.appendLine(`train pairs: ${message}`);
    void vscode.window.showErrorMessage(`Basepair: pair model training failed: ${message}`);
    return undefined;
  }
}

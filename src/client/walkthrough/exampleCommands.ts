// Commands behind the Getting Started walkthrough, working on the examples bundled in the installed
// extension (context.extensionUri/examples): open an example, train the example regressor (a fixed,
// quick preset without questions, then made the active model) and train the example pair model.
// Each sets a context key when it succeeded, which completes its walkthrough step.
import * as vscode from 'vscode';
import type { TrainingReport } from '../../protocol';

/** The examples the walkthrough (and "Basepair: Open Example") can open. */
export const EXAMPLES = {
  mirna: { file: 'examples/mirna.fasta', label: 'miRNAs (FASTA)', detail: 'Ten human mature miRNAs from miRBase.' },
  structures: { file: 'examples/structures.dbn', label: 'Structures (dot-bracket)', detail: 'tRNA-Phe and RNAfold results with their energies.' },
  problems: { file: 'examples/problems.fasta', label: 'A FASTA file with problems', detail: 'Diagnostics and their quick fixes.' },
  heldOut: { file: 'examples/openvaccine/held-out.fasta', label: 'OpenVaccine held-out sequences', detail: 'Test-split constructs with their measured degradation: hover them for predictions.' },
  degradation: { file: 'examples/openvaccine/degradation.tsv', label: 'OpenVaccine degradation data (TSV)', detail: '3,122 mRNA constructs with structure and measured degradation.' },
  pairs: { file: 'examples/pairs/revcomp.tsv', label: 'Sequence pairs (TSV)', detail: 'Synthetic pairs labelled by reverse complementarity.' },
} as const;

export type ExampleName = keyof typeof EXAMPLES;

/** The walkthrough's regressor: the full OpenVaccine example, given structures, few epochs (about a minute). */
export const EXAMPLE_REGRESSOR = { name: 'openvaccine-example', arch: 'default', structure: 'given', folds: 1, epochs: 10 } as const;
export const EXAMPLE_PAIR_MODEL = 'revcomp-example';

export const REGRESSOR_TRAINED_KEY = 'basepair.walkthrough.regressorTrained';

function exampleUri(context: vscode.ExtensionContext, name: ExampleName): vscode.Uri {
  return vscode.Uri.joinPath(context.extensionUri, EXAMPLES[name].file);
}

async function openExample(context: vscode.ExtensionContext, name?: string): Promise<vscode.TextEditor | undefined> {
  let key: ExampleName | undefined = name && name in EXAMPLES ? (name as ExampleName) : undefined;
  if (name && !key) {
    void vscode.window.showErrorMessage(`Basepair: there is no example named "${name}".`);
    return undefined;
  }
  if (!key) {
    const pick = await vscode.window.showQuickPick(
      (Object.keys(EXAMPLES) as ExampleName[]).map((k) => ({ label: EXAMPLES[k].label, detail: EXAMPLES[k].detail, key: k })),
      { title: 'Basepair: open an example' },
    );
    key = pick?.key;
  }
  if (!key) return undefined;
  const doc = await vscode.workspace.openTextDocument(exampleUri(context, key));
  return vscode.window.showTextDocument(doc, { preview: false });
}

async function trainExampleRegressor(context: vscode.ExtensionContext): Promise<TrainingReport | undefined> {
  await openExample(context, 'degradation');
  const report = await vscode.commands.executeCommand<TrainingReport | undefined>('basepair.trainRegressor', {
    data: exampleUri(context, 'degradation').fsPath,
    ...EXAMPLE_REGRESSOR,
  });
  if (!report) return undefined;
  await vscode.commands.executeCommand('basepair.selectActiveModel', report.modelDir);
  await vscode.commands.executeCommand('setContext', REGRESSOR_TRAINED_KEY, true);
  return report;
}

/** Delegates to "Basepair: Train Pair Model" with the bundled pairs example. */
async function trainExamplePairModel(context: vscode.ExtensionContext): Promise<unknown> {
  const commands = await vscode.commands.getCommands(true);
  if (!commands.includes('basepair.trainPairModel')) {
    void vscode.window.showWarningMessage('Basepair: pair models are not available in this version.');
    return undefined;
  }
  await openExample(context, 'pairs');
  return vscode.commands.executeCommand('basepair.trainPairModel', { data: exampleUri(context, 'pairs').fsPath, name: EXAMPLE_PAIR_MODEL });
}

export function registerExampleCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('basepair.openExample', (name?: string) => openExample(context, name)),
    vscode.commands.registerCommand('basepair.trainExampleRegressor', () => trainExampleRegressor(context)),
    vscode.commands.registerCommand('basepair.trainExamplePairModel', () => trainExamplePairModel(context)),
  );
}

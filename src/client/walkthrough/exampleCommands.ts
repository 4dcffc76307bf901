// Commands behind the Getting Started walkthrough, working on the examples bundled in the installed
// extension (context.extensionUri/examples): open an example, fold it, train the example regressor (a fixed,
// quick preset without questions, then made the active model), train the example pair model and
// generate pairs with it.
// Each sets a context key when it succeeded, which completes its walkthrough step.
import * as vscode from 'vscode';
import type { TrainingReport } from '../../protocol/editor';

/** The examples the walkthrough (and "Basepair: Open Example") can open. */
export const EXAMPLES = {
  mirna: { file: 'examples/mirna.fasta', label: 'miRNAs (FASTA)', detail: 'Human mature miRNAs (miRBase) and a let-7 target site.' },
  structures: { file: 'examples/structures.dbn', label: 'Structures (dot-bracket)', detail: 'tRNA-Phe and RNAfold results with their energies.' },
  problems: { file: 'examples/problems.fasta', label: 'A FASTA file with problems', detail: 'Diagnostics and their quick fixes.' },
  heldOut: { file: 'examples/openvaccine/held-out.fasta', label: 'OpenVaccine held-out sequences', detail: 'Test-split constructs with their measured degradation: hover them for predictions.' },
  degradation: { file: 'examples/openvaccine/degradation.tsv', label: 'OpenVaccine degradation data (TSV)', detail: '3,122 mRNA constructs with structure and measured degradation.' },
  pairs: { file: 'examples/pairs/revcomp.tsv', label: 'Sequence pairs (TSV)', detail: 'Synthetic pairs labelled by reverse complementarity.' },
} as const;

export type ExampleName = keyof typeof EXAMPLES;

/** The walkthrough's regressor: the full OpenVaccine example, given structures, few epochs (about a minute). */
export const EXAMPLE_REGRESSOR = { name: 'openvaccine-example', arch: 'default', structure: 'given', folds: 1, epochs: 10 } as const;
/** The walkthrough's pair model and generation run (small: seconds, not minutes). */
export const EXAMPLE_PAIR_MODEL = { name: 'revcomp-example', epochs: 8 } as const;
export const EXAMPLE_GENERATION = { count: 200, mode: 'sample' } as const;

export const FOLDED_KEY = 'basepair.walkthrough.folded';
export const REGRESSOR_TRAINED_KEY = 'basepair.walkthrough.regressorTrained';
export const PAIR_MODEL_TRAINED_KEY = 'basepair.walkthrough.pairModelTrained';
export const PAIRS_GENERATED_KEY = 'basepair.walkthrough.pairsGenerated';
const PAIR_MODEL_STATE = 'basepair.walkthrough.pairModelDir';

function exampleUri(context: vscode.ExtensionContext, name: ExampleName): vscode.Uri {
  return vscode.Uri.joinPath(context.extensionUri, EXAMPLES[name].file);
}

/** `beside`: open to the side of the active editor (the walkthrough passes it, so it stays visible). */
export interface WhereOptions {
  beside?: boolean;
}

async function openExample(context: vscode.ExtensionContext, name?: string, where: WhereOptions = {}): Promise<vscode.TextEditor | undefined> {
  let key: ExampleName | undefined = typeof name === 'string' && Object.hasOwn(EXAMPLES, name) ? (name as ExampleName) : undefined;
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
  return vscode.window.showTextDocument(doc, { preview: false, ...(where.beside ? { viewColumn: vscode.ViewColumn.Beside } : {}) });
}

const isSequenceEditor = (e: vscode.TextEditor | undefined): e is vscode.TextEditor =>
  e !== undefined && (e.document.languageId === 'fasta' || e.document.languageId === 'dot-bracket');

/**
 * "Fold Sequences" on the active FASTA / dot-bracket editor, else on a visible one (the walkthrough
 * has the focus when its button is clicked), else on the structures example.
 */
async function foldExample(context: vscode.ExtensionContext, where: WhereOptions = {}): Promise<unknown> {
  const visible = isSequenceEditor(vscode.window.activeTextEditor) ? vscode.window.activeTextEditor : vscode.window.visibleTextEditors.find(isSequenceEditor);
  if (visible) await vscode.window.showTextDocument(visible.document, visible.viewColumn);
  else await openExample(context, 'structures', where);
  const folded = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('basepair.foldSequences');
  // A context key, not onCommand: completing the step re-renders the walkthrough and takes the
  // focus, which must not happen before the result has opened beside it.
  if (folded) await vscode.commands.executeCommand('setContext', FOLDED_KEY, true);
  return folded;
}

async function trainExampleRegressor(context: vscode.ExtensionContext, where: WhereOptions = {}): Promise<TrainingReport | undefined> {
  await openExample(context, 'degradation', where);
  const report = await vscode.commands.executeCommand<TrainingReport | undefined>('basepair.trainRegressor', {
    data: exampleUri(context, 'degradation').fsPath,
    ...EXAMPLE_REGRESSOR,
  });
  if (!report) return undefined;
  await vscode.commands.executeCommand('basepair.selectActiveModel', report.modelDir);
  await vscode.commands.executeCommand('setContext', REGRESSOR_TRAINED_KEY, true);
  return report;
}

async function hasCommand(id: string): Promise<boolean> {
  if ((await vscode.commands.getCommands(true)).includes(id)) return true;
  void vscode.window.showWarningMessage('Basepair: pair models are not available in this version.');
  return false;
}

/** "Basepair: Train Pair Model" on the bundled pairs example, without questions. */
async function trainExamplePairModel(context: vscode.ExtensionContext, where: WhereOptions = {}): Promise<{ modelDir: string } | undefined> {
  if (!(await hasCommand('basepair.trainPairModel'))) return undefined;
  await openExample(context, 'pairs', where);
  const summary = await vscode.commands.executeCommand<{ modelDir: string } | undefined>('basepair.trainPairModel', {
    data: exampleUri(context, 'pairs').fsPath,
    ...EXAMPLE_PAIR_MODEL,
  });
  if (!summary) return undefined;
  await context.workspaceState.update(PAIR_MODEL_STATE, summary.modelDir);
  await vscode.commands.executeCommand('setContext', PAIR_MODEL_TRAINED_KEY, true);
  return summary;
}

/** "Basepair: Generate Pairs" with the walkthrough's pair model (asks for a model when there is none). */
async function generateExamplePairs(context: vscode.ExtensionContext): Promise<unknown> {
  if (!(await hasCommand('basepair.generatePairs'))) return undefined;
  const modelDir = context.workspaceState.get<string>(PAIR_MODEL_STATE);
  const result = await vscode.commands.executeCommand('basepair.generatePairs', modelDir ? { modelDir, ...EXAMPLE_GENERATION } : {});
  if (result) await vscode.commands.executeCommand('setContext', PAIRS_GENERATED_KEY, true);
  return result;
}

export function registerExampleCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('basepair.openExample', (name?: string, where?: WhereOptions) => openExample(context, name, where)),
    vscode.commands.registerCommand('basepair.foldExample', (where?: WhereOptions) => foldExample(context, where)),
    vscode.commands.registerCommand('basepair.trainExampleRegressor', (where?: WhereOptions) => trainExampleRegressor(context, where)),
    vscode.commands.registerCommand('basepair.trainExamplePairModel', (where?: WhereOptions) => trainExamplePairModel(context, where)),
    vscode.commands.registerCommand('basepair.generateExamplePairs', () => generateExamplePairs(context)),
  );
}

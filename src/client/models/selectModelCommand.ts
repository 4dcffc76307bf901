// "Basepair: Select Active Model": the models of the models folder (with target, architecture and
// test Spearman from their cards), another folder through a dialog, or none.
import * as vscode from 'vscode';
import type { ActiveModelController } from './activeModel';
import { listModels, modelsFolder, readCard } from './modelsFolder';

type Choice = vscode.QuickPickItem & { dir?: vscode.Uri; action?: 'browse' | 'none' };

/** `dir`: a model directory to activate, null for no active model, undefined to ask. */
export async function selectActiveModel(context: vscode.ExtensionContext, activeModel: ActiveModelController, dir?: string | null): Promise<void> {
  if (dir !== undefined) {
    await activeModel.set(dir);
    return;
  }
  const models = await listModels(context);
  const items: Choice[] = models.map((m) => ({
    label: m.name,
    description: `${m.targetName} · ${m.arch}${m.spearman !== undefined ? ` · test Spearman ${m.spearman.toFixed(3)}` : ''}`,
    detail: m.createdAt ? `trained ${m.createdAt.replace('T', ' ').slice(0, 16)}` : undefined,
    dir: m.dir,
    picked: activeModel.active?.dir === m.dir.fsPath,
  }));
  items.push({ label: '$(folder-opened) Browse…', description: 'a model directory elsewhere', action: 'browse' });
  if (activeModel.active) items.push({ label: '$(circle-slash) No active model', action: 'none' });
  const pick = await vscode.window.showQuickPick(items, {
    title: 'Basepair: active model',
    placeHolder: models.length ? 'Model for hovers and Predict' : `No models in ${modelsFolder(context).fsPath} yet: train one or browse`,
  });
  if (!pick) return;
  if (pick.action === 'none') await activeModel.set(null);
  else if (pick.action === 'browse') {
    const chosen = await vscode.window.showOpenDialog({ canSelectFiles: false, canSelectFolders: true, openLabel: 'Use this model' });
    if (!chosen?.[0]) return;
    if (!(await readCard(chosen[0]))) {
      void vscode.window.showErrorMessage(`Basepair: ${chosen[0].fsPath} has no readable card.json: not a Basepair model directory.`);
      return;
    }
    await activeModel.set(chosen[0].fsPath);
  } else if (pick.dir) await activeModel.set(pick.dir.fsPath);
}

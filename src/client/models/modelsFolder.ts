// Where models live and what is there: the `basepair.models.folder` setting (default
// `.basepair/models`, relative to the first workspace folder; the extension's storage when no
// folder is open), and the saved models in it, read from their card.json.
import * as path from 'node:path';
import * as vscode from 'vscode';

export interface ModelEntry {
  dir: vscode.Uri;
  name: string;
  targetName: string;
  arch: string;
  createdAt: string;
  spearman?: number;
}

export function modelsFolder(context: vscode.ExtensionContext): vscode.Uri {
  const setting = vscode.workspace.getConfiguration('basepair').get<string>('models.folder') || '.basepair/models';
  if (setting.startsWith('/') || /^[A-Za-z]:[\\/]/.test(setting)) return vscode.Uri.file(setting);
  const ws = vscode.workspace.workspaceFolders?.[0];
  return ws ? vscode.Uri.joinPath(ws.uri, setting) : vscode.Uri.joinPath(context.globalStorageUri, 'models');
}

interface CardFields {
  task?: string;
  targetName?: string;
  createdAt?: string;
  architecture?: { name?: string };
  metrics?: Record<string, { spearman?: number }>;
}

/** The card of a regressor directory, or undefined when it has none that parses (or is another task's). */
export async function readCard(dir: vscode.Uri): Promise<ModelEntry | undefined> {
  try {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, 'card.json'));
    const card = JSON.parse(new TextDecoder().decode(bytes)) as CardFields;
    if (card.task !== undefined && card.task !== 'regression') return undefined;
    const m = card.metrics?.['test'] ?? card.metrics?.['valid'];
    return {
      dir,
      name: dir.path.split('/').pop() ?? dir.path,
      targetName: card.targetName ?? 'target',
      arch: card.architecture?.name ?? '?',
      createdAt: card.createdAt ?? '',
      ...(m?.spearman !== undefined ? { spearman: m.spearman } : {}),
    };
  } catch {
    return undefined;
  }
}

/** The model directories of the models folder that `read` accepts, newest first. */
export async function listModelDirs<T extends { createdAt: string }>(
  context: vscode.ExtensionContext,
  read: (dir: vscode.Uri) => Promise<T | undefined>,
): Promise<T[]> {
  const folder = modelsFolder(context);
  let entries: [string, vscode.FileType][] = [];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch {
    return [];
  }
  const found = await Promise.all(
    entries.filter(([name, type]) => type === vscode.FileType.Directory && !name.startsWith('.')).map(([name]) => read(vscode.Uri.joinPath(folder, name))),
  );
  return found.filter((m): m is Awaited<T> => m !== undefined).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Saved regressors in the models folder, newest first. */
export function listModels(context: vscode.ExtensionContext): Promise<ModelEntry[]> {
  return listModelDirs(context, readCard);
}

/** Asks for the name of a new model (a folder of the models folder), proposing `<data file stem>-<suffix>`. */
export async function askModelName(context: vscode.ExtensionContext, data: vscode.Uri, title: string, suffix: string): Promise<string | undefined> {
  const base = path.basename(data.fsPath).replace(/\.[^.]+$/, '');
  return vscode.window.showInputBox({
    title,
    prompt: `Saved under ${modelsFolder(context).fsPath}`,
    value: `${base}-${suffix}`,
    ignoreFocusOut: true,
    validateInput: (v) => (/^[\w.-]+$/.test(v) && !v.startsWith('.') ? undefined : 'Letters, digits, - _ and . only'),
  });
}

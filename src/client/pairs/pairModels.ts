// Pair models of the models folder (card.json with task 'pairs'), newest first, with what the
// Generate Pairs pickers show: test AUROC, lengths seen, whether a generator is there.
import * as vscode from 'vscode';
import { listModelDirs } from '../models/modelsFolder';

export interface PairModelEntry {
  dir: vscode.Uri;
  name: string;
  createdAt: string;
  auroc?: number;
  lengths?: { a: { min: number; max: number }; b: { min: number; max: number } };
  hasGenerator: boolean;
}

interface PairCardFields {
  task?: string;
  createdAt?: string;
  metrics?: { test?: { auroc?: number }; valid?: { auroc?: number } };
  lengths?: { a?: { min?: number; max?: number }; b?: { min?: number; max?: number } };
  generator?: unknown;
}

function range(r: { min?: number; max?: number } | undefined): { min: number; max: number } | undefined {
  return r && typeof r.min === 'number' && typeof r.max === 'number' ? { min: r.min, max: r.max } : undefined;
}

/** The pair model in `dir`, or undefined when it has no card.json of task 'pairs'. */
export async function readPairModel(dir: vscode.Uri): Promise<PairModelEntry | undefined> {
  try {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, 'card.json'));
    const card = JSON.parse(new TextDecoder().decode(bytes)) as PairCardFields;
    if (card.task !== 'pairs') return undefined;
    const auroc = card.metrics?.test?.auroc ?? card.metrics?.valid?.auroc;
    const a = range(card.lengths?.a);
    const b = range(card.lengths?.b);
    return {
      dir,
      name: dir.path.split('/').pop() ?? dir.path,
      createdAt: card.createdAt ?? '',
      ...(typeof auroc === 'number' ? { auroc } : {}),
      ...(a && b ? { lengths: { a, b } } : {}),
      hasGenerator: card.generator !== undefined,
    };
  } catch {
    return undefined;
  }
}

export function listPairModels(context: vscode.ExtensionContext): Promise<PairModelEntry[]> {
  return listModelDirs(context, readPairModel);
}

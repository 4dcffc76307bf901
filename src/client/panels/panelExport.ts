// Saves a file a panel produced (SVG, PNG, TSV, FASTA) where the user chooses: a save dialog that starts
// next to the document the panel shows, then workspace.fs.writeFile (works for remote workspaces).
import * as path from 'node:path';
import * as vscode from 'vscode';

const FILTERS: Record<string, Record<string, string[]>> = {
  '.svg': { 'SVG image': ['svg'] },
  '.png': { 'PNG image': ['png'] },
  '.tsv': { 'Tab-separated values': ['tsv'] },
  '.fasta': { FASTA: ['fasta', 'fa'] },
};

export interface PanelFile {
  fileName: string;
  content: string;
  encoding: 'utf8' | 'base64';
}

/** Folder to offer first: the document's own folder, else the first workspace folder. */
function startFolder(documentUri: vscode.Uri | undefined): vscode.Uri | undefined {
  if (documentUri && documentUri.scheme !== 'untitled') return vscode.Uri.joinPath(documentUri, '..');
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

/** Asks where to save and writes the file; returns its uri, or undefined when cancelled. */
export async function savePanelFile(file: PanelFile, documentUri: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  const name = path.basename(file.fileName).replace(/[^\w.-]+/g, '_') || 'export';
  const folder = startFolder(documentUri);
  const target = await vscode.window.showSaveDialog({
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}),
    filters: FILTERS[path.extname(name).toLowerCase()] ?? {},
    saveLabel: 'Export',
    title: `Basepair: export ${name}`,
  });
  if (!target) return undefined;
  const bytes = file.encoding === 'base64' ? Buffer.from(file.content, 'base64') : Buffer.from(file.content, 'utf8');
  await vscode.workspace.fs.writeFile(target, bytes);
  vscode.window.setStatusBarMessage(`Basepair: saved ${path.basename(target.path)}`, 4000);
  return target;
}

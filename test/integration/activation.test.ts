// Integration test (runs inside a real VS Code extension host, see test/integration/index.ts):
// opening a sequence file activates the Basepair extension, files get the right language ids,
// and the extension's commands are registered.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from './support';

const EXTENSION_ID = 'basepair.basepair';

suite('activation', () => {
  let dir: string;

  suiteSetup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-activation-'));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function open(name: string, text: string): Promise<vscode.TextDocument> {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(doc);
    return doc;
  }

  test('the extension is installed in the host and not active before a sequence file is opened', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded in the extension host`);
    // activationEvents are onLanguage only: unless a test file that ran earlier opened a sequence
    // document, nothing should have started it yet.
    const sequenceDocOpen = vscode.workspace.textDocuments.some(
      (d) => d.languageId === 'fasta' || d.languageId === 'dot-bracket',
    );
    if (!sequenceDocOpen) assert.equal(ext.isActive, false, 'activated without a FASTA/dot-bracket document');
  });

  test('opening a .fasta file gives language "fasta" and activates the extension', async () => {
    const doc = await open('sample.fasta', '>seq1 demo\nACGUACGUAAGGCCUUAGCA\n');
    assert.equal(doc.languageId, 'fasta');
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    await waitFor('the extension to activate', () => ext.isActive);
    assert.equal(ext.isActive, true);
  });

  test('every FASTA extension maps to "fasta"', async () => {
    for (const ext of ['.fa', '.fna', '.ffn', '.frn', '.fas', '.seq']) {
      const doc = await open(`x${ext}`, '>s\nACGT\n');
      assert.equal(doc.languageId, 'fasta', `${ext} should open as fasta`);
    }
  });

  test('a .dbn file gets language "dot-bracket" (also .db and .vienna)', async () => {
    for (const ext of ['.dbn', '.db', '.vienna']) {
      const doc = await open(`hairpin${ext}`, '>hp\nGGGGAAACCCC\n((((...)))) (-3.40)\n');
      assert.equal(doc.languageId, 'dot-bracket', `${ext} should open as dot-bracket`);
    }
  });

  test('the commands basepair.showOutput and basepair.restartServer are registered', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    await ext.activate();
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['basepair.showOutput', 'basepair.restartServer']) {
      assert.ok(commands.includes(id), `command ${id} is not registered`);
    }
  });

  test('basepair.showOutput runs without error', async () => {
    await vscode.commands.executeCommand('basepair.showOutput');
  });
});

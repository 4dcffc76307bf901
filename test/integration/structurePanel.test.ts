// Integration test in a real VS Code host: the "Show structure" code lens above each record (with
// [uri, header position] as arguments; gone when basepair.structure.codeLens is off), the command
// "Basepair: Show Structure" on the record under the cursor, the panel following the cursor to
// another record, and a readable failure for a record that cannot be folded.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BasepairApi } from '../../src/client/extension';
import { waitFor } from './support';
import { limit } from '../support/timeLimits';

const TEXT = [
  '>first a hairpin',
  'GGGGAAAACCCC',
  '((((....))))',
  '>second tRNA-like',
  'GCGGAUUUAGCUCAGUUGGGAGAGCGCCAGACUGAAGAUCUGGAGGUCCUGUGUUCGAUCCACAGAAUUCGCACCA',
  '(((((((..((((........)))).(((((.......))))).....(((((.......))))))))))))....',
  '>third no structure line',
  'AAACUUACUGGUGUAGCUAGCUCGUAGAACGUCCCCAAGAAUUGACA',
  '',
].join('\n');

function api(): BasepairApi {
  const ext = vscode.extensions.getExtension<BasepairApi>('basepair.basepair');
  assert.ok(ext?.isActive, 'the extension is not active');
  return ext.exports;
}

suite('structure panel', () => {
  let dir: string;
  let doc: vscode.TextDocument;

  suiteSetup(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-structure-'));
    const file = path.join(dir, 'records.dbn');
    fs.writeFileSync(file, TEXT);
    doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    await waitFor('the extension to activate', () => vscode.extensions.getExtension('basepair.basepair')?.isActive);
    await api().ready;
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('basepair').update('structure.codeLens', undefined, vscode.ConfigurationTarget.Global);
    api().structurePanel()?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const lenses = async () => (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri)) ?? [];

  test('a "Show structure" code lens above each record runs basepair.showStructure with [uri, position]', async () => {
    const found = await waitFor('three code lenses', async () => {
      const l = await lenses();
      return l.length === 3 ? l : undefined;
    });
    assert.deepEqual(
      found.map((l) => [l.range.start.line, l.command?.title, l.command?.command]),
      [
        [0, 'Show structure', 'basepair.showStructure'],
        [3, 'Show structure', 'basepair.showStructure'],
        [6, 'Show structure', 'basepair.showStructure'],
      ],
    );
    for (const [k, line] of [0, 3, 6].entries()) {
      const args = found[k].command?.arguments as [string, { line: number; character: number }];
      assert.equal(args[0], doc.uri.toString());
      assert.deepEqual({ line: args[1].line, character: args[1].character }, { line, character: 0 });
    }
  });

  test('the code lens command opens the panel on its record', async function () {
    this.timeout(limit(60000));
    const lens = (await lenses())[1];
    const shown = await vscode.commands.executeCommand<{ id: string; sequence: string; structureSource: string; pairs: number[] } | undefined>(
      lens.command!.command,
      ...(lens.command!.arguments ?? []),
    );
    assert.ok(shown, 'nothing shown');
    assert.equal(shown.id, 'second');
    assert.equal(shown.sequence.length, 76);
    assert.equal(shown.structureSource, 'file');
    assert.ok(shown.pairs.length > 0 && shown.pairs.length % 3 === 0);
    const panelTab = () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('basepair.structure'));
    // the tab title reaches the workbench asynchronously
    await waitFor('the panel tab titled "Structure: second"', () => panelTab()?.label === 'Structure: second');
    assert.equal(api().structurePanel()?.shownRecord?.id, 'second');
  });

  test('"Basepair: Show Structure" shows the record under the cursor (MFE when the file has no structure)', async function () {
    this.timeout(limit(60000));
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    editor.selection = new vscode.Selection(7, 10, 7, 10);
    const shown = await vscode.commands.executeCommand<{ id: string; structureSource: string; structure: string } | undefined>('basepair.showStructure');
    assert.equal(shown?.id, 'third');
    assert.equal(shown?.structureSource, 'mfe');
    assert.equal(shown?.structure, '.......(((((...)))))..........(((..........))).');
    // one panel, reused
    const panels = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
    assert.equal(panels.length, 1);
  });

  test('the panel follows the cursor to another record', async function () {
    this.timeout(limit(60000));
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    editor.selection = new vscode.Selection(1, 3, 1, 3);
    await waitFor('the panel to show "first"', () => api().structurePanel()?.shownRecord?.id === 'first', 30000);
    editor.selection = new vscode.Selection(4, 3, 4, 3);
    await waitFor('the panel to show "second"', () => api().structurePanel()?.shownRecord?.id === 'second', 30000);
  });

  test('a record that cannot be folded gives a message, not an exception', async function () {
    this.timeout(limit(60000));
    const bad = await vscode.workspace.openTextDocument({ language: 'fasta', content: '>bad\nACGXUU\n' });
    const shown = await vscode.commands.executeCommand('basepair.showStructure', bad.uri.toString(), { line: 1, character: 2 });
    assert.equal(shown, undefined);
    assert.equal(api().structurePanel()?.shownRecord, undefined);
  });

  test('the code lenses disappear when basepair.structure.codeLens is off', async () => {
    await vscode.workspace.getConfiguration('basepair').update('structure.codeLens', false, vscode.ConfigurationTarget.Global);
    await waitFor('no code lenses', async () => (await lenses()).length === 0);
    await vscode.workspace.getConfiguration('basepair').update('structure.codeLens', undefined, vscode.ConfigurationTarget.Global);
    await waitFor('the code lenses back', async () => (await lenses()).length === 3);
  });
});

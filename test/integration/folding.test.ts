// Integration test in a real VS Code host: hovering a record folds it (MFE as ViennaRNA 2.7.1) in
// the server's compute process, records above basepair.fold.maxHoverLength are not folded, and
// "Basepair: Fold Sequences" opens RNAfold-style dot-bracket output for the open file.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from './support';

// short_0002 of the ViennaRNA reference: RNAfold 2.7.1 gives this structure at -3.30 kcal/mol.
const SEQ = 'AAACUUACUGGUGUAGCUAGCUCGUAGAACGUCCCCAAGAAUUGACA';
const MFE = '.......(((((...)))))..........(((..........))).';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

suite('folding in the editor', () => {
  let dir: string;

  suiteSetup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-folding-'));
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('basepair').update('fold.maxHoverLength', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('basepair').update('fold.maxLength', undefined, vscode.ConfigurationTarget.Global);
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

  async function hoverOf(doc: vscode.TextDocument, pos: vscode.Position, expect: RegExp): Promise<string> {
    return waitFor(`a hover matching ${expect}`, async () => {
      const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos));
      return expect.test(text) ? text : undefined;
    });
  }

  test('hover on a record shows its MFE structure and energy', async () => {
    const doc = await open('fold-hover.fasta', `>short_0002\n${SEQ}\n`);
    const text = await hoverOf(doc, new vscode.Position(1, 5), /MFE/);
    assert.match(text, /\*\*MFE\*\* −3\.30 kcal\/mol \(Turner 2004, 37 °C, ViennaRNA 2\.7 model\)/);
    assert.ok(text.includes('```text\n' + MFE + '\n```'), text);
  });

  test('hover on a dot-bracket record also scores the structure in the file', async () => {
    const given = '.......(((((...))))).........................';
    const doc = await open('fold-hover.dbn', `>short_0002\n${SEQ}\n${given}..\n`);
    const text = await hoverOf(doc, new vscode.Position(0, 3), /structure in the file/);
    assert.match(text, /structure in the file: −\d+\.\d\d kcal\/mol/);
  });

  test('records longer than basepair.fold.maxHoverLength are not folded on hover', async () => {
    await vscode.workspace.getConfiguration('basepair').update('fold.maxHoverLength', 30, vscode.ConfigurationTarget.Global);
    const doc = await open('fold-long.fasta', `>long\n${SEQ}\n`);
    const text = await hoverOf(doc, new vscode.Position(1, 5), /Not folded on hover/);
    assert.match(text, /47 nt is above `basepair\.fold\.maxHoverLength` \(30\)/);
    await vscode.workspace.getConfiguration('basepair').update('fold.maxHoverLength', undefined, vscode.ConfigurationTarget.Global);
  });

  test('Fold Sequences opens the MFE structures as a dot-bracket document', async () => {
    await open('fold-all.fasta', `>short_0002 from the reference\n${SEQ.slice(0, 20)}\n${SEQ.slice(20)}\n>bad\nACGXU\n>hairpin\nGGGGAAAACCCC\n`);
    const folded = await vscode.commands.executeCommand<vscode.TextDocument>('basepair.foldSequences');
    assert.ok(folded, 'no document returned');
    assert.equal(folded.languageId, 'dot-bracket');
    assert.equal(
      folded.getText(),
      `>short_0002 from the reference\n${SEQ}\n${MFE} ( -3.30)\n>hairpin\nGGGGAAAACCCC\n((((....)))) ( -5.40)\n`,
    );
    assert.equal(vscode.window.activeTextEditor?.document, folded);
  });

  test('records above basepair.fold.maxLength are refused, then folded with the beam engine on request', async () => {
    await vscode.workspace.getConfiguration('basepair').update('fold.maxLength', 20, vscode.ConfigurationTarget.Global);
    const source = await open('fold-limit.fasta', `>long\n${SEQ}\n>hairpin\nGGGGAAAACCCC\n`);
    // The setting reaches the server through didChangeConfiguration: wait until the long record is refused.
    const refused = await waitFor('the long record refused', async () => {
      await vscode.window.showTextDocument(source);
      const d = await vscode.commands.executeCommand<vscode.TextDocument>('basepair.foldSequences');
      return d && !d.getText().includes('>long') ? d : undefined;
    });
    assert.equal(refused.getText(), '>hairpin\nGGGGAAAACCCC\n((((....)))) ( -5.40)\n');
    await vscode.window.showTextDocument(source);
    // What the "Fold with beam 100" button runs: 47 nt with beam 100 is the exact MFE.
    const beamed = await vscode.commands.executeCommand<vscode.TextDocument>('basepair.foldSequences', { beam: 100 });
    assert.ok(beamed, 'no document returned');
    assert.equal(beamed.getText(), `>long\n${SEQ}\n${MFE} ( -3.30)\n>hairpin\nGGGGAAAACCCC\n((((....)))) ( -5.40)\n`);
    await vscode.workspace.getConfiguration('basepair').update('fold.maxLength', undefined, vscode.ConfigurationTarget.Global);
  });
});

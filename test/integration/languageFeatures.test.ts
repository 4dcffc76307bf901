// Integration test in a real VS Code extension host: the language server's diagnostics (codes at
// exact ranges), hovers, outline, folding, bracket partners (definition + highlight) and a quick fix
// that edits the document, all through the public `vscode` API as the editor uses them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from './support';

const compact = (d: vscode.Diagnostic) =>
  `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${String(d.code)}`;

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')))
    .join('\n');
}

suite('language features (server through the real host)', () => {
  let dir: string;

  suiteSetup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-features-'));
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

  /** Diagnostics of the document once the server has published `count` of them. */
  function diagnosticsOf(doc: vscode.TextDocument, count: number): Promise<vscode.Diagnostic[]> {
    return waitFor(`${count} diagnostics on ${path.basename(doc.fileName)}`, () => {
      const ds = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'basepair');
      return ds.length === count ? ds : undefined;
    });
  }

  test('a malformed FASTA file gets the expected codes at the expected ranges', async () => {
    const doc = await open('bad.fasta', 'notes first\n>seq1 a\nACGUXACGU\nACGT\n>seq2 empty\n>seq1 again\nACGU\n');
    const ds = await diagnosticsOf(doc, 5);
    assert.deepEqual(ds.map(compact).sort(), ['1:1-1:12 BP010', '3:1-4:5 BP002', '3:5-3:6 BP001', '5:1-5:12 BP003', '6:1-6:12 BP004'].sort());
    const bp001 = ds.find((d) => d.code === 'BP001')!;
    assert.equal(bp001.severity, vscode.DiagnosticSeverity.Error);
    assert.match(bp001.message, /^'X' is not allowed in a nucleotide sequence/);
    assert.equal(ds.find((d) => d.code === 'BP004')!.severity, vscode.DiagnosticSeverity.Warning);
  });

  test('a malformed dot-bracket file gets structure codes (BP005-BP009)', async () => {
    const text = '>len\nGGGAAACCC\n((...))\n>unbal\nGGAAACCCGAA\n((...)))[..\n>nc\nAGGAAACCA\n(((...)))\n>tight\nGGAACC\n((..))\n>energy\nGGGAAACCC\n(((...))) (-1x.0)\n';
    const doc = await open('bad.dbn', text);
    assert.equal(doc.languageId, 'dot-bracket');
    const ds = await diagnosticsOf(doc, 6);
    assert.deepEqual(ds.map(compact).sort(), [
      '3:1-3:8 BP005', '6:8-6:9 BP006', '6:9-6:10 BP006', '9:1-9:2 BP007', '12:2-12:6 BP008', '15:11-15:18 BP009',
    ].sort());
    const bp007 = ds.find((d) => d.code === 'BP007')!;
    assert.equal(bp007.message, 'non-canonical base pair 1-9: A-A (canonical pairs: AU, GC, GU)');
    assert.equal(bp007.relatedInformation?.[0].location.range.start.character, 8);
  });

  test('a valid file gets no diagnostics, and fixing a problem clears it', async () => {
    const doc = await open('fixme.fasta', '>a\nACGU\n>b\nGG\n');
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((e) => e.insert(new vscode.Position(3, 1), 'Z'));
    const ds = await diagnosticsOf(doc, 1);
    assert.deepEqual(ds.map(compact), ['4:2-4:3 BP001']);
    await editor.edit((e) => e.delete(new vscode.Range(3, 1, 3, 2)));
    await diagnosticsOf(doc, 0);
  });

  test('hover on a sequence shows id, length, alphabet, GC and composition', async () => {
    const doc = await open('hover.fasta', '>seq1 demo record\nACGUACGUAAGGCCUUAGCA\n');
    const hovers = await waitFor('a hover', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(1, 10));
      return h.length ? h : undefined;
    });
    // the record summary, then (after a rule) the folding section of test/integration/folding.test.ts
    const [summary] = hoverText(hovers).split('\n\n---\n\n');
    assert.equal(summary, '**seq1** · 20 nt · RNA\n\ndemo record\n\nGC 50.0 % · A 6 · C 5 · G 5 · U 4\n\nposition 11: G');
  });

  test('hover and go to definition on a bracket reach its partner', async () => {
    const doc = await open('partner.dbn', '>hp\nGGGAAAUCC\n(((...))) (-1.20)\n');
    const hovers = await waitFor('a bracket hover', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(2, 1));
      return h.length ? h : undefined;
    });
    assert.equal(hoverText(hovers), 'position 2 pairs with 8: G-C');
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider', doc.uri, new vscode.Position(2, 0));
    assert.equal(defs.length, 1);
    const target = 'targetRange' in defs[0] ? defs[0].targetRange : defs[0].range;
    assert.deepEqual([target.start.line, target.start.character, target.end.character], [2, 8, 9]);
    const highlights = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>(
      'vscode.executeDocumentHighlights', doc.uri, new vscode.Position(2, 6));
    assert.deepEqual(highlights.map((h) => h.range.start.character).sort(), [2, 6]);
  });

  test('outline: one symbol per record with its length; folding ranges per record', async () => {
    const doc = await open('outline.fasta', '>first one\nACGU\nACGU\n>second\nGG&CC\n>third\nAC--GU\n');
    const symbols = await waitFor('document symbols', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
      return s?.length ? s : undefined;
    });
    assert.deepEqual(symbols.map((s) => [s.name, s.detail, s.range.start.line, s.range.end.line]), [
      ['first', '8 nt', 0, 2],
      ['second', '4 nt', 3, 4],
      ['third', '4 nt', 5, 6],
    ]);
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', doc.uri);
    assert.deepEqual(folds.map((f) => [f.start, f.end]), [[0, 2], [3, 4], [5, 6]]);
  });

  test('the quick fix for BP002 converts the record to RNA in the document', async () => {
    const doc = await open('quickfix.fasta', '>mixed\nACGUUU\nTTAGCU\n>other\nTTTT\n');
    const [d] = await diagnosticsOf(doc, 1);
    assert.equal(d.code, 'BP002');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === "Convert record 'mixed' to RNA (T → U)");
    assert.ok(fix?.edit, `quick fix not offered; got ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(doc.getText(), '>mixed\nACGUUU\nUUAGCU\n>other\nTTTT\n');
    await diagnosticsOf(doc, 0);
  });
});

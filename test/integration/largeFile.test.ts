// Integration test in a real VS Code host: huge FASTA files neither crash nor freeze the editor.
// Above 50 MB VS Code does not sync a document to extensions (TextModel MODEL_SYNC_LIMIT), so the
// server never sees it and other files keep their diagnostics; a 40 MB file of 400,000 records does
// reach the server, which answers with a capped outline (10,000 records + one summary symbol) and
// capped diagnostics (1,000 + BP011).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from './support';
import { limit } from '../support/timeLimits';

/** Writes `records` short records (every third with an invalid X) in 4 MB pieces. */
function writeFasta(file: string, records: number, width: number): number {
  const fd = fs.openSync(file, 'w');
  let bytes = 0;
  try {
    let chunk = '';
    const body = 'ACGU'.repeat(Math.ceil(width / 4)).slice(0, width);
    for (let i = 0; i < records; i++) {
      chunk += `>r${i}\n${i % 3 === 0 ? 'X' + body.slice(1) : body}\n`;
      if (chunk.length > 1 << 22) {
        bytes += fs.writeSync(fd, chunk);
        chunk = '';
      }
    }
    bytes += fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
  return bytes;
}

suite('huge FASTA files', () => {
  let dir: string;

  suiteSetup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-large-'));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a 60 MB FASTA opens, is not sent to the server, and other files keep working', async function () {
    this.timeout(limit(120_000));
    const big = path.join(dir, 'big.fasta');
    const bytes = writeFasta(big, 600_000, 90);
    assert.ok(bytes > 50 * 1024 * 1024, `${bytes} bytes`);
    await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(big));
    const small = path.join(dir, 'small.fasta');
    fs.writeFileSync(small, '>a\nACGXU\n');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(small));
    await vscode.window.showTextDocument(doc, { preview: false });
    const t0 = Date.now();
    const diags = await waitFor('diagnostics of the small file', () => {
      const d = vscode.languages.getDiagnostics(doc.uri);
      return d.length ? d : undefined;
    }, 60_000);
    assert.equal(diags[0].code, 'BP001');
    console.log(`    small file diagnostics ${Date.now() - t0} ms after opening a ${(bytes / 2 ** 20).toFixed(0)} MB file`);
    assert.deepEqual(vscode.languages.getDiagnostics(vscode.Uri.file(big)), []);
  });

  test('a 40 MB FASTA of 400,000 records gets a capped outline and capped diagnostics', async function () {
    this.timeout(limit(120_000));
    const file = path.join(dir, 'many.fasta');
    const bytes = writeFasta(file, 400_000, 90);
    assert.ok(bytes < 50 * 1024 * 1024);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(doc, { preview: false });
    const diags = await waitFor('diagnostics of the 40 MB file', () => {
      const d = vscode.languages.getDiagnostics(doc.uri);
      return d.length ? d : undefined;
    }, 90_000);
    assert.equal(diags.length, 1001);
    assert.match(diags[1000].message, /more problems in this file are not shown/);
    const t0 = Date.now();
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    console.log(`    outline of 400,000 records in ${Date.now() - t0} ms`);
    assert.equal(symbols.length, 10_001);
    assert.match(symbols[10_000].name, /390,000 more records/);
  });
});

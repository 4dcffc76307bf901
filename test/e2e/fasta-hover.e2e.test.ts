// e2e UI test: with the packaged extension installed in code-server, a .fasta file opens as FASTA
// and hovering its sequence shows the language server's record summary (id, length, composition).
// Leaves test-output/e2e/fasta-hover.png for a person to look at.
import * as assert from 'node:assert/strict';
import {
  editorLine,
  hoverLine,
  lapper,
  openWorkbench,
  quickOpen,
  screenshot,
  statusBarLanguage,
  waitForExplorerItem,
  waitForText,
  type Workbench,
  workbenchHooks,
} from './support';

const SEQUENCE = 'ACGUACGUAAGGCCUUAGCA'; // 20 nt, RNA

describe('FASTA hover in the workbench', function () {
  const lap = lapper();
  let wb: Workbench | undefined;

  before(async function () {
    wb = await openWorkbench({ files: { 'sample.fasta': `>seq1 demo\n${SEQUENCE}\n` }, log: lap });
    await waitForExplorerItem(wb.page, 'sample.fasta');
  });

  workbenchHooks('fasta-hover', () => wb);

  it('opens sample.fasta with language FASTA in the status bar', async function () {
    await quickOpen(wb!.page, 'sample.fasta', SEQUENCE);
    const mode = await waitForText(statusBarLanguage(wb!.page), (t) => t.includes('FASTA'), {
      what: 'the status bar language to be FASTA',
      timeoutMs: 30000,
    });
    lap(`language mode: ${mode}`);
    assert.match(mode, /FASTA/);
  });

  it('shows the record summary when hovering the sequence', async function () {
    await editorLine(wb!.page, SEQUENCE).waitFor();
    const text = await hoverLine(wb!.page, SEQUENCE, (t) => t.includes('seq1') && t.includes('20 nt'));
    lap(`hover: ${JSON.stringify(text)}`);
    assert.ok(text.includes('seq1'), text);
    assert.ok(text.includes('20 nt'), text);
    // first line of the hover: "**seq1** · 20 nt · RNA" (U and no T: an RNA record)
    assert.match(text.split('\n')[0] ?? '', /seq1.*20 nt.*RNA/);
    await wb!.page.waitForTimeout(400); // let the hover finish fading in before the picture
    const file = await screenshot(wb!.page, 'fasta-hover');
    lap(`screenshot ${file}`);
  });

  it('shows the record count and nucleotides of the file in the status bar', async function () {
    const item = wb!.page.locator('.statusbar-item', { hasText: 'nt' }).filter({ hasText: 'record' }).first();
    const text = await waitForText(item, (t) => t.includes('1 record'), { what: 'the Basepair status bar item', timeoutMs: 30000 });
    lap(`status bar: ${JSON.stringify(text)}`);
    assert.match(text, /1 record · 20 nt/);
  });

  it('made no request off loopback', function () {
    assert.deepEqual(wb!.external, []);
  });
});

// e2e UI test in the dark theme: the bundled examples open with colours, a bracket of a structure
// shows its partner on hover, and the problems of examples/problems.fasta reach the Problems panel.
// Leaves test-output/e2e/dot-bracket-hover.png and problems-panel.png for a person to look at.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { editorLine, lapper, openWorkbench, quickOpen, ROOT, screenshot, waitForExplorerItem, waitForText, type Workbench, workbenchHooks } from './support';
import { limit } from '../support/timeLimits';

const example = (name: string) => fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8');
const STRUCTURE = '(((((((..((((........)))).(((((.......))))).....(((((.......))))))))))))....';

describe('dot-bracket and diagnostics in the workbench (dark theme)', function () {
  const lap = lapper();
  let wb: Workbench | undefined;

  before(async function () {
    wb = await openWorkbench({
      files: { 'structures.dbn': example('structures.dbn'), 'problems.fasta': example('problems.fasta') },
      settings: { 'workbench.colorTheme': 'Default Dark Modern' },
      log: lap,
    });
    await waitForExplorerItem(wb.page, 'structures.dbn');
  });

  workbenchHooks('dot-bracket', () => wb);

  it('hovering the first bracket of the tRNA structure names its partner and the pair', async function () {
    const page = wb!.page;
    await quickOpen(page, 'structures.dbn', STRUCTURE);
    const tokens = editorLine(page, STRUCTURE).locator(':scope > span').first();
    let text = '';
    for (let i = 0; i < 30 && !text.includes('pairs with'); i++) {
      // The line is re-rendered when tokens and bracket colours arrive: retry until it has a box.
      const box = await tokens.boundingBox({ timeout: limit(2000) }).catch(() => null);
      if (!box) {
        await page.waitForTimeout(300);
        continue;
      }
      const charWidth = box.width / STRUCTURE.length;
      await page.mouse.move(1, 1);
      await page.mouse.move(box.x + charWidth * 0.5, box.y + box.height / 2); // first '('
      try {
        const hover = page.locator('.monaco-hover-content').first();
        await hover.waitFor({ state: 'visible', timeout: limit(2000) });
        text = await hover.innerText();
      } catch {
        text = '';
      }
    }
    lap(`hover: ${JSON.stringify(text)}`);
    assert.equal(text.trim(), 'position 1 pairs with 72: G-C');
    await page.waitForTimeout(400);
    lap(`screenshot ${await screenshot(page, 'dot-bracket-hover')}`);
  });

  it('shows the problems of problems.fasta in the Problems panel', async function () {
    const page = wb!.page;
    await page.mouse.move(1, 1);
    await quickOpen(page, 'problems.fasta', 'ACGUAC7UAAGG*CUUAGCA');
    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    const text = await waitForText(panel, (t) => t.includes('BP001') && t.includes('BP004'), {
      what: 'BP codes in the Problems panel',
      timeoutMs: 30000,
    });
    for (const code of ['BP001', 'BP002', 'BP004']) assert.ok(text.includes(code), `${code} missing in: ${text}`);
    assert.match(text, /'7' is not allowed in a nucleotide sequence/);
    lap(`screenshot ${await screenshot(page, 'problems-panel')}`);
  });

  it('made no request off loopback', function () {
    assert.deepEqual(wb!.external, []);
  });
});

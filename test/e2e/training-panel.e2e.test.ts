// e2e UI test: "Basepair: Train Regressor" from the palette on an OpenVaccine sample (quick picks +
// model name), the training panel following the job live, then its verdict, metrics table (model vs
// baselines) and charts. Leaves test-output/e2e/training-panel.png for a person to look at.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { editorLine, lapper, openWorkbench, quickOpen, ROOT, runCommand, screenshot, trainingFrame, waitForExplorerItem, type Workbench, workbenchHooks } from './support';
import { limit } from '../support/timeLimits';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

describe('training panel in the workbench', function () {
  const lap = lapper();
  let wb: Workbench | undefined;
  const rows = fs.readFileSync(path.join(ROOT, 'examples/openvaccine/degradation.tsv'), 'utf8').split('\n');

  before(async function () {
    wb = await openWorkbench({
      files: { 'ov-sample.tsv': rows.slice(0, 301).join('\n') + '\n' },
      settings: { 'workbench.colorTheme': 'Default Dark Modern' },
      log: lap,
    });
    await waitForExplorerItem(wb.page, 'ov-sample.tsv');
  });

  workbenchHooks('training', () => wb);

  it('trains from the palette and shows curves, metrics against baselines and the verdict', async function () {
    const page = wb!.page;
    await quickOpen(page, 'ov-sample.tsv', '00073f8be');
    await editorLine(page, '00073f8be').waitFor();
    await runCommand(page, 'Basepair: Train Regressor');
    for (const choice of ['Structure-aware (recommended)', 'Automatic', 'One model']) {
      await page.locator('.quick-input-list').getByText(choice, { exact: true }).first().click({ timeout: limit(30000) });
    }
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill('ov-e2e');
    await page.keyboard.press('Enter');
    lap('training started');
    const running = await trainingFrame(page, 'running', 120000);
    lap(`panel while running: ${JSON.stringify((await running.locator('header .status').innerText()).slice(0, 80))}`);
    const done = await trainingFrame(page, 'done', 300000);
    const verdict = await done.locator('.verdict h2').innerText();
    lap(`verdict: ${verdict}`);
    assert.match(verdict, /The model learns|No better than a baseline|No signal/);
    const table = await done.locator('.metrics table').innerText();
    assert.match(table, /model \(default\)/);
    assert.match(table, /baseline: ridge/);
    assert.match(table, /baseline: mean/);
    assert.equal(await done.locator('svg.loss-curves path[data-series]').count(), 2);
    assert.ok((await done.locator('svg.scatter circle').count()) > 10);
    assert.equal(await done.locator('header h1').innerText(), 'ov-e2e');
    // A clean picture: no toast over the panel, the panel's editor group using the window.
    await runCommand(page, 'Notifications: Clear All Notifications');
    await page.locator('.tab', { hasText: 'Basepair Training' }).first().click();
    await runCommand(page, 'View: Toggle Maximize Editor Group').catch(() => lap('could not maximize the editor group'));
    await sleep(1000);
    lap(`screenshot ${await screenshot(page, 'training-panel')}`);
  });

  it('made no request off loopback', function () {
    assert.deepEqual(wb!.external, []);
  });
});

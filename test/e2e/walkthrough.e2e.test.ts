// e2e UI test: the Getting Started walkthrough of the installed .vsix in code-server, clicked
// through like a new user: open the miRNA example, fold it, train the example regressor (the
// bundled OpenVaccine data, a fixed quick preset), hover a held-out sequence for its prediction;
// then, when this build has them, train the example pair model and generate pairs. Each step must
// be checked off by its completion event. Leaves test-output/e2e/walkthrough-*.png for a person.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { editorLine, hoverLine, lapper, openWorkbench, ROOT, runCommand, screenshot, trainingFrame, type Workbench, workbenchHooks } from './support';
import { limit } from '../support/timeLimits';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function step(page: Page, id: string): Locator {
  return page.locator(`button.getting-started-step[data-step-id$="${id}"]`).first();
}

/** Expands a walkthrough step (clicks its title) and clicks the button labelled `label`. */
async function runStep(page: Page, id: string, label: string): Promise<void> {
  await showWalkthrough(page);
  await step(page, id).click();
  await page.locator('.getting-started-step[aria-expanded="true"] .monaco-button', { hasText: label }).first().click({ timeout: limit(20000) });
}

/** Polls until the step is checked off (its completion event fired), keeping the walkthrough shown. */
async function waitChecked(page: Page, id: string, timeoutMs: number): Promise<void> {
  const t0 = Date.now();
  for (;;) {
    await showWalkthrough(page);
    if ((await step(page, id).getAttribute('aria-checked')) === 'true') return;
    if (Date.now() - t0 > limit(timeoutMs)) throw new Error(`step ${id} was not checked off within ${limit(timeoutMs)} ms`);
    await sleep(2000);
  }
}

/** Opens the walkthrough from the palette (as a user would) and waits for its steps. */
async function openWalkthrough(page: Page): Promise<void> {
  await runCommand(page, 'Welcome: Open Walkthrough...');
  await page.locator('.quick-input-list').getByText('Get Started with Basepair').first().click({ timeout: limit(30000) });
  await step(page, 'openExample').waitFor({ state: 'visible', timeout: limit(30000) });
}

/** Makes sure the walkthrough's steps can be clicked (the step commands open editors beside it). */
async function showWalkthrough(page: Page): Promise<void> {
  const enabled = page.locator('button.getting-started-step:not([disabled])').first();
  if (await enabled.isVisible()) return;
  await page.locator('.tab', { hasText: /Walkthrough|Welcome|Get Started/ }).first().click();
  try {
    await enabled.waitFor({ state: 'visible', timeout: limit(3000) });
  } catch {
    await openWalkthrough(page); // the welcome page went back to its start view
  }
}

function pairsInThisBuild(): boolean {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
  const ids = pkg.contributes.commands.map((c) => c.command);
  return ids.includes('basepair.trainPairModel') && ids.includes('basepair.generatePairs') && fs.existsSync(path.join(ROOT, 'examples/pairs/revcomp.tsv'));
}

describe('Getting Started walkthrough in the workbench', function () {
  const lap = lapper();
  let wb: Workbench | undefined;

  before(async function () {
    wb = await openWorkbench({ files: { 'notes.txt': 'my project\n' }, log: lap });
  });

  workbenchHooks('walkthrough', () => wb);

  it('opens from "Welcome: Open Walkthrough..." with its six steps', async function () {
    const page = wb!.page;
    await openWalkthrough(page);
    for (const id of ['openExample', 'fold', 'trainRegressor', 'hoverPrediction', 'trainPairModel', 'generatePairs']) {
      assert.equal(await step(page, id).count(), 1, `step ${id} missing`);
    }
    lap('walkthrough open');
  });

  it('open an example, fold it: both steps checked', async function () {
    const page = wb!.page;
    await runStep(page, 'openExample', 'Open the miRNA example');
    await editorLine(page, 'UGAGGUAGUAGGUUGUAUAGUU').waitFor({ timeout: limit(60000) });
    await waitChecked(page, 'openExample', 20000);
    lap(`example open: ${await screenshot(page, 'walkthrough-1-open')}`);
    await showWalkthrough(page);
    await runStep(page, 'fold', 'Fold Sequences');
    // the folded records open as a new dot-bracket document: structure lines end with the energy
    await page.locator('.monaco-editor .view-lines .view-line', { hasText: /\(\s*-?\d+\.\d\d\)\s*$/ }).first().waitFor({ timeout: limit(60000) });
    await waitChecked(page, 'fold', 20000);
    lap(`folded: ${await screenshot(page, 'walkthrough-2-fold')}`);
  });

  it('train the example regressor, hover a held-out sequence for its prediction: both steps checked', async function () {
    this.timeout(limit(900000));
    const page = wb!.page;
    await showWalkthrough(page);
    await runStep(page, 'trainRegressor', 'Train the Example Regressor');
    lap('training started');
    await waitChecked(page, 'trainRegressor', 840000);
    lap('trained');
    // the training panel with its verdict, for the person reading the artefacts
    for (const f of page.frames()) {
      if (await f.locator('#app[data-state="done"]').count().catch(() => 0)) {
        lap(`verdict: ${await f.locator('.verdict h2').innerText().catch(() => '?')}`);
      }
    }
    await runCommand(page, 'Notifications: Clear All Notifications').catch(() => undefined);
    await sleep(500);
    lap(`training panel: ${await screenshot(page, 'walkthrough-3-train')}`);
    await showWalkthrough(page);
    await runStep(page, 'hoverPrediction', 'Open the Held-out Sequences');
    const first = 'GGAAACGUCUAGCAAGAGCUAGACGAGG';
    await editorLine(page, first).waitFor({ timeout: limit(30000) });
    const text = await hoverLine(page, first, (t) => /predicted target/.test(t), { attempts: 40, at: 'start' });
    assert.match(text, /predicted target: -?\d+\.\d{3} \(model openvaccine-example\)/);
    await waitChecked(page, 'hoverPrediction', 20000);
    lap(`hover: ${await screenshot(page, 'walkthrough-4-hover')}`);
    await page.mouse.move(1, 1);
  });

  it('train the example pair model and generate pairs: both steps checked', async function () {
    if (!pairsInThisBuild()) this.skip();
    this.timeout(limit(900000));
    const page = wb!.page;
    await showWalkthrough(page);
    await runStep(page, 'trainPairModel', 'Train the Example Pair Model');
    await waitChecked(page, 'trainPairModel', 600000);
    lap('pair model trained');
    await runCommand(page, 'Notifications: Clear All Notifications').catch(() => undefined);
    // the training panel shows the pair job too: the classifier's and the generator's curves, the metrics table
    await runCommand(page, 'Basepair: Show Training Panel');
    const panel = await trainingFrame(page, 'done', 60000, 'revcomp-example');
    assert.deepEqual(await panel.locator('svg.loss-curves').evaluateAll((svgs) => svgs.map((s) => s.getAttribute('data-chart'))), ['classifier', 'generator']);
    assert.match(await panel.locator('.metrics table').innerText(), /classifier[\s\S]*baseline:/);
    await sleep(500);
    lap(`pair training: ${await screenshot(page, 'walkthrough-5-pair-training')}`);
    await showWalkthrough(page);
    await runStep(page, 'generatePairs', 'Generate Pairs');
    await waitChecked(page, 'generatePairs', 600000);
    await sleep(1000);
    lap(`pairs: ${await screenshot(page, 'walkthrough-6-pairs')}`);
  });

  it('made no request off loopback', function () {
    assert.deepEqual(wb!.external, []);
  });
});

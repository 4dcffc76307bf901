// e2e UI test of the pairs panel in code-server with the packaged .vsix: "Basepair: Show Pairs
// Panel" on test/fixtures/pairs/pairs-panel.tsv shows an HTML-looking id as literal text (no <img>,
// no dialog) and the duplex with its pairing marks; sorting by a column header, filtering (text,
// min score), copying a pair and exporting the pairs shown as TSV through VS Code's save dialog
// (the file equals the pure export of the fixture in that order); a 10,000-pair file renders only
// the rows in view and scrolls to its last pair; the panel comes back after a window reload;
// "Train Pair Model" and "Generate Pairs" run from the palette (quick picks, an input refused with
// its message) and the generated pairs fill the panel. Screenshots for a person to look at:
// test-output/e2e/pairs-panel.png (the fixture, by score), pairs-panel-10k.png, pairs-panel-generated.png.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { Random } from '../../src/core/random';
import { generatePairTask } from '../../src/core/synthetic/pairTask';
import { DEFAULT_VIEW } from '../../webview/pairs/messages';
import { pairsToTsv } from '../../webview/pairs/pairExport';
import { queryPairs } from '../../webview/pairs/pairQuery';
import { parsePairsFile } from '../../src/core/datasets/pairsTable';
import { lapper, openWorkbench, quickOpen, recordDialogs, ROOT, runCommand, screenshot, waitForExplorerItem, waitForText, type Workbench, workbenchHooks } from './support';
import { limit } from '../support/timeLimits';

const XSS_ID = '<img src=x onerror=alert(1)>';
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'pairs', 'pairs-panel.tsv');
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** 10,000 reverse-complement pairs with made-up scores and novelty flags; and its first A. */
function bigPairsFile(): { text: string; firstA: string } {
  const rng = new Random('pairs-panel-e2e');
  const records = generatePairTask({ positives: 5000, negatives: 5000, seed: 11, length: 26 });
  const lines = ['id\tseq_a\tseq_b\tscore\tnovel'];
  for (const r of records) {
    const score = r.label ? 0.7 + 0.3 * rng.uniform() : 0.4 * rng.uniform();
    lines.push(`${r.id}\t${r.a}\t${r.b}\t${score.toFixed(4)}\t${rng.bernoulli(0.9) ? 1 : 0}`);
  }
  return { text: lines.join('\n') + '\n', firstA: records[0]!.a };
}
const BIG = bigPairsFile();

/** The frame of the pairs panel once it shows a set titled `title`. */
async function pairsFrame(page: Page, title: string, timeoutMs = 60000, stale: ReadonlySet<Frame> = new Set()): Promise<Frame> {
  const t0 = Date.now();
  for (;;) {
    for (const f of page.frames()) {
      if (stale.has(f) || f.isDetached()) continue;
      try {
        const h1 = f.locator('#app[data-state="ready"] #set-title');
        if ((await h1.count()) && (await h1.innerText()) === title) return f;
      } catch {
        /* frame navigated away */
      }
    }
    if (Date.now() - t0 > limit(timeoutMs)) throw new Error(`no pairs panel showing ${title} after ${limit(timeoutMs)} ms`);
    await sleep(250);
  }
}

const idAt = (frame: Frame, position: number) => frame.locator(`.pair-row[data-position="${position}"] .c-id`).innerText();

describe('pairs panel in the workbench', function () {
  const lap = lapper();
  let wb: Workbench | undefined;
  const dialogs: string[] = [];

  before(async function () {
    wb = await openWorkbench({
      files: {
        'pairs-panel.tsv': fs.readFileSync(FIXTURE, 'utf8'),
        'rc-10k.tsv': BIG.text,
        'revcomp.tsv': fs.readFileSync(path.join(ROOT, 'examples', 'pairs', 'revcomp.tsv'), 'utf8'),
      },
      settings: { 'workbench.colorTheme': 'Default Dark Modern' },
      log: lap,
    });
    recordDialogs(wb.page, dialogs);
    await waitForExplorerItem(wb.page, 'pairs-panel.tsv');
  });

  workbenchHooks('pairs-panel', () => wb);

  it('shows the pairs of the open TSV, an HTML-looking id as literal text, without a dialog', async function () {
    const page = wb!.page;
    await quickOpen(page, 'pairs-panel.tsv', 'mir-1/site-a');
    await runCommand(page, 'Basepair: Show Pairs Panel');
    const frame = await pairsFrame(page, 'pairs-panel.tsv');
    lap('panel shown');
    assert.equal(await idAt(frame, 0), XSS_ID);
    assert.equal(await frame.locator('img').count(), 0);
    assert.equal(await frame.locator('.pair-row').count(), 5);
    // the duplex: A 5'->3', marks, B 3'->5' (B of "wobble" reversed: UUUUUUUUGGGG)
    const wobble = frame.locator('.pair-row', { has: frame.locator('.c-id', { hasText: /^wobble$/ }) }).locator('.c-duplex');
    assert.equal(await wobble.innerText(), "5' GGGGAAAACCCC 3'\n   ::::||||||||   \n3' UUUUUUUUGGGG 5'");
    assert.match(await frame.locator('#summary').innerText(), /pairs\s*5\s*mean score\s*0\.528/);
    await sleep(500);
    assert.deepEqual(dialogs, []);
  });

  it('sorts by a column, filters by text and minimum score, copies a pair and exports TSV', async function () {
    const page = wb!.page;
    const frame = await pairsFrame(page, 'pairs-panel.tsv');
    await frame.locator('button[data-sort="score"]').click();
    await frame.locator('[aria-sort="descending"] button[data-sort="score"]').waitFor();
    assert.deepEqual(await Promise.all([0, 1, 2, 3, 4].map((k) => idAt(frame, k))), ['mir-1/site-a', 'wobble', XSS_ID, 'mir-1/site-b', 'short-b']);
    await frame.locator('button[data-sort="score"]').click();
    await frame.locator('[aria-sort="ascending"] button[data-sort="score"]').waitFor();
    assert.equal(await idAt(frame, 0), 'mir-1/site-b');
    await frame.locator('#filter-text').fill('mir-1');
    await waitForText(frame.locator('#pair-count'), (t) => t === '2 of 5 pairs', { what: 'the count after the text filter' });
    assert.equal(await frame.locator('.pair-row').count(), 2);
    await frame.locator('#filter-text').fill('');
    await waitForText(frame.locator('#pair-count'), (t) => t === '5 pairs', { what: 'the count without filters' });
    await frame.locator('#filter-min-score').fill('0.5');
    await waitForText(frame.locator('#pair-count'), (t) => t === '2 of 5 pairs', { what: 'the count after the score filter' });
    assert.deepEqual(await Promise.all([0, 1].map((k) => idAt(frame, k))), ['wobble', 'mir-1/site-a']);
    // the picture: every pair, best score first
    await frame.locator('#filter-min-score').fill('');
    await waitForText(frame.locator('#pair-count'), (t) => t === '5 pairs', { what: 'all pairs again' });
    await frame.locator('button[data-sort="score"]').click();
    await frame.locator('[aria-sort="descending"] button[data-sort="score"]').waitFor();
    // copy a pair; export the pairs shown (in this order) through VS Code's save dialog
    await frame.locator('.pair-row[data-position="0"] button.copy').click();
    await waitForText(frame.locator('#status'), (t) => t === 'Copied mir-1/site-a', { what: 'the copy status' });
    await frame.locator('button[data-action="export-tsv"]').click();
    await page.locator('.quick-input-widget input').waitFor({ timeout: limit(20000) });
    await page.waitForFunction(() => (document.querySelector('.quick-input-widget input') as HTMLInputElement | null)?.value.endsWith('pairs-panel-pairs.tsv'), undefined, { timeout: limit(20000) });
    await page.keyboard.press('Enter');
    const file = path.join(wb!.workspace, 'pairs-panel-pairs.tsv');
    for (let t = 0; t < 100 && !fs.existsSync(file); t++) await sleep(200);
    assert.ok(fs.existsSync(file), `${file} was not written`);
    const rows = parsePairsFile(fs.readFileSync(FIXTURE, 'utf8'), FIXTURE);
    const expected = pairsToTsv(queryPairs(rows, { ...DEFAULT_VIEW, sort: 'score', descending: true }).map((i) => rows[i]!));
    assert.equal(fs.readFileSync(file, 'utf8'), expected);
    // the panel alone in the editor area, no toast, no tooltip
    await page.locator('.part.sidebar .title-label').first().click(); // focus the workbench, not the webview
    await runCommand(page, 'Notifications: Clear All Notifications');
    await page.locator('.tab', { hasText: 'Pairs: pairs-panel.tsv' }).first().click();
    await runCommand(page, 'View: Close Editors in Other Groups').catch(() => lap('could not close the other editor group'));
    await page.mouse.move(700, 880);
    await sleep(1000);
    lap(`screenshot ${await screenshot(page, 'pairs-panel')}`);
  });

  it('keeps 10,000 pairs fast: only the rows in view exist, and the last one scrolls into view', async function () {
    const page = wb!.page;
    await page.locator('.part.sidebar .title-label').first().click(); // focus the workbench, not the webview
    await quickOpen(page, 'rc-10k.tsv', BIG.firstA);
    await runCommand(page, 'Basepair: Show Pairs Panel');
    const frame = await pairsFrame(page, 'rc-10k.tsv', 90000);
    assert.equal(await frame.locator('#pair-count').innerText(), '10,000 pairs');
    const inDom = await frame.locator('.pair-row').count();
    lap(`${inDom} rows in the DOM for 10,000 pairs`);
    assert.ok(inDom > 5 && inDom < 100, `${inDom} rows rendered`);
    await frame.locator('.pair-scroller').evaluate((e) => (e.scrollTop = e.scrollHeight));
    await frame.locator('.pair-row[data-position="9999"]').waitFor({ timeout: limit(10000) });
    assert.equal(await frame.locator('.pair-row[data-position="9999"] .c-index').innerText(), '10000');
    await frame.locator('.pair-scroller').evaluate((e) => (e.scrollTop = 0));
    await frame.locator('button[data-sort="score"]').click();
    await frame.locator('#filter-novel').check();
    await waitForText(frame.locator('#pair-count'), (t) => /^[\d,]+ of 10,000 pairs$/.test(t), { what: 'the novel-only count' });
    await runCommand(page, 'Notifications: Clear All Notifications');
    await page.mouse.move(700, 880);
    await sleep(1000);
    lap(`screenshot ${await screenshot(page, 'pairs-panel-10k')}`);
  });

  it('comes back after a window reload (webview panel serializer)', async function () {
    const page = wb!.page;
    await page.locator('.part.sidebar .title-label').first().click(); // focus the workbench, not the webview
    // the panel of the window before the reload can still answer for a moment: only a new frame counts
    const stale = new Set(page.frames());
    await runCommand(page, 'Developer: Reload Window');
    const frame = await pairsFrame(page, 'rc-10k.tsv', 120000, stale);
    await page.locator('.monaco-workbench').waitFor({ timeout: limit(60000) });
    lap('panel restored after the reload');
    // the view (novel only, sorted by score) is kept
    await waitForText(frame.locator('#pair-count'), (t) => /^[\d,]+ of 10,000 pairs$/.test(t), { what: 'the restored filter' });
    assert.equal(await frame.locator('#filter-novel').isChecked(), true);
    assert.deepEqual(dialogs, []);
  });

  it('trains a pair model and generates pairs from the palette (quick picks, validated inputs)', async function () {
    const page = wb!.page;
    const pick = (label: string) => page.locator('.quick-input-list').getByText(label, { exact: true }).first().click({ timeout: limit(30000) });
    const input = page.locator('.quick-input-widget input');
    await page.locator('.part.sidebar .title-label').first().click(); // focus the workbench, not the webview
    await quickOpen(page, 'revcomp.tsv', 'CTTTGCCAATCGCGCGCATTCAAGAG');
    await runCommand(page, 'Basepair: Train Pair Model');
    for (const choice of ['10 epochs', 'Default seed', 'seq_a']) await pick(choice);
    await input.fill('rc-e2e');
    await page.keyboard.press('Enter');
    lap('training started');
    await page.locator('.notifications-toasts', { hasText: 'pair model rc-e2e trained' }).waitFor({ timeout: limit(300000) });
    const toast = await page.locator('.notifications-toasts', { hasText: 'pair model rc-e2e trained' }).innerText();
    lap(`trained: ${/pair model rc-e2e trained: [^\n]*/.exec(toast)?.[0] ?? toast}`);
    assert.match(toast, /test AUROC \d\.\d{3}, AUPRC \d\.\d{3} \(best baseline, .+: AUROC \d\.\d{3}/);
    await runCommand(page, 'Notifications: Clear All Notifications');

    await runCommand(page, 'Basepair: Generate Pairs');
    await pick('rc-e2e');
    await input.fill('lots');
    await page.locator('.quick-input-message', { hasText: 'Type a whole number of pairs' }).waitFor();
    await input.fill('300');
    await page.keyboard.press('Enter');
    await pick('Sample');
    await pick('GC range');
    await input.fill('0.7:0.3');
    await page.locator('.quick-input-message', { hasText: 'MIN (0.7) is larger than MAX (0.3)' }).waitFor();
    await input.fill('0.3:0.7');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'GC 0.3:0.7' }).first().waitFor();
    await page.keyboard.press('Enter'); // "Generate" is the first item
    lap('generation started');
    const frame = await pairsFrame(page, 'rc-e2e', 300000);
    const summary = await frame.locator('#summary').innerText();
    lap(`generated: ${summary.replace(/\s+/g, ' ')}`);
    assert.match(summary, /generated pairs \(sample\)/);
    assert.match(summary, /kept \/ drawn\s*[\d,]+ \/ [\d,]+/);
    assert.match(summary, /constraints\s*GC 0\.3–0\.7/);
    assert.ok((await frame.locator('.pair-row').count()) > 0);
    await runCommand(page, 'Notifications: Clear All Notifications');
    await page.locator('.tab', { hasText: 'Pairs: rc-e2e' }).first().click();
    await runCommand(page, 'View: Close Editors in Other Groups').catch(() => undefined);
    await page.mouse.move(700, 880);
    await sleep(1000);
    lap(`screenshot ${await screenshot(page, 'pairs-panel-generated')}`);
  });

  it('made no request off loopback', function () {
    assert.deepEqual(wb!.external, []);
  });
});

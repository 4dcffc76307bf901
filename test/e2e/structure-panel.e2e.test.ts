// e2e UI test of the structure panel in code-server with the packaged .vsix: the code lens over
// the tRNA record of examples/structures.dbn opens the panel; hovering a base in the 2D drawing
// highlights it in all views; screenshots of each view in the dark and the light theme go to
// test-output/e2e/structure-*.png for a person to check; the exported arc-diagram SVG opens in
// Chromium with one path per arc; an id that looks like HTML stays text; the panel comes back after
// a window reload; a 1,000-nt record renders all three views. The panel lives in nested iframes (webview host + content): found via page.frames().
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { Random } from '../../src/core/random';
import { mfe } from '../../src/core/structure';
import { lapper, openWorkbench, OUTPUT_DIR, quickOpen, recordDialogs, ROOT, runCommand, screenshot, waitForExplorerItem, type Workbench, workbenchHooks } from './support';
import { limit } from '../support/timeLimits';

const TRNA_STRUCTURE = '(((((((..((((........)))).(((((.......))))).....(((((.......))))))))))))....';
const XSS_ID = '<img src=x onerror=alert(1)>';

function longSequence(): string {
  const rng = new Random('structure-panel-e2e');
  let s = '';
  for (let k = 0; k < 1000; k++) s += 'ACGU'[rng.int(0, 4)];
  return s;
}
const LONG = longSequence();

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The frame that holds the structure panel's document (#app), once it is in `state`; never one of `stale`. */
async function panelFrame(page: Page, state = 'ready', timeoutMs = 60000, stale: ReadonlySet<Frame> = new Set()): Promise<Frame> {
  const t0 = Date.now();
  for (;;) {
    for (const f of page.frames()) {
      if (stale.has(f) || f.isDetached()) continue;
      try {
        if (await f.locator(`#app[data-state="${state}"] #view-dotplot`).count()) return f;
      } catch {
        /* frame navigated away */
      }
    }
    if (Date.now() - t0 > limit(timeoutMs)) throw new Error(`no structure panel in state ${state} after ${limit(timeoutMs)} ms`);
    await sleep(250);
  }
}

/** Waits until the panel's header shows `text` (the panel follows records as they change). */
async function panelShowing(page: Page, text: string, timeoutMs = 60000, stale: ReadonlySet<Frame> = new Set()): Promise<Frame> {
  const t0 = Date.now();
  for (;;) {
    const f = await panelFrame(page, 'ready', timeoutMs, stale);
    const header = await f.locator('#header').innerText().catch(() => '');
    if (header.includes(text)) return f;
    if (Date.now() - t0 > limit(timeoutMs)) throw new Error(`the panel does not show ${JSON.stringify(text)}; header: ${JSON.stringify(header)}`);
    await sleep(250);
  }
}


/**
 * Screenshots of the three views (test-output/e2e/structure-<view>-<theme>.png), each scrolled into
 * view and hovered at base k (its pair's cell in the dot plot) so that the highlight shows.
 */
async function viewShots(page: Page, frame: Frame, theme: string, k: number, partner: number, n: number): Promise<string[]> {
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  const out: string[] = [];
  for (const v of ['dotplot', 'drawing', 'arcs']) {
    const view = frame.locator(`#view-${v}`);
    await view.scrollIntoViewIfNeeded();
    if (v === 'dotplot') {
      // the cell of the pair (row k, column partner); nudged by a cell if rounding lands next to it
      const box = (await frame.locator('#dotplot canvas').boundingBox())!;
      const cell = (box.width - 46 - 10) / n; // PLOT_LEFT and PAD of dotPlotDraw.ts / dotPlotView.ts
      const want = new RegExp(`^[ACGU]${k + 1} – [ACGU]${partner + 1} · p = `);
      let info = '';
      search: for (const dy of [0, -1, 1]) {
        for (const dx of [0, -1, 1]) {
          await page.mouse.move(box.x + 46 + (partner + 0.5 + dx) * cell, box.y + 40 + (k + 0.5 + dy) * cell);
          await sleep(150);
          info = await frame.locator('#hover-info').innerText();
          if (want.test(info)) break search;
        }
      }
      assert.match(info, want, 'hovering the pair in the dot plot names it');
    } else {
      await frame.locator(`#${v} circle.base[data-pos="${k}"]`).hover();
    }
    await sleep(300);
    const file = path.join(OUTPUT_DIR, `structure-${v}-${theme}.png`);
    await view.screenshot({ path: file });
    out.push(file);
  }
  return out;
}

describe('structure panel in the workbench', function () {
  const lap = lapper();
  let wb: Workbench | undefined;
  const dialogs: string[] = [];

  before(async function () {
    wb = await openWorkbench({
      files: {
        'structures.dbn': fs.readFileSync(path.join(ROOT, 'examples', 'structures.dbn'), 'utf8'),
        'xss.dbn': `>${XSS_ID} injected header\nGGGGAAAACCCC\n((((....))))\n`,
        'long.fasta': `>long_1000 random 1,000 nt\n${LONG.match(/.{1,80}/g)!.join('\n')}\n`,
      },
      settings: { 'workbench.colorTheme': 'Default Dark Modern' },
      log: lap,
    });
    recordDialogs(wb.page, dialogs);
    await waitForExplorerItem(wb.page, 'structures.dbn');
  });

  workbenchHooks('structure-panel', () => wb);

  it('opens from the "Show structure" code lens over the tRNA record', async function () {
    const page = wb!.page;
    await quickOpen(page, 'structures.dbn', TRNA_STRUCTURE);
    const lens = page.locator('.monaco-editor .codelens-decoration a', { hasText: 'Show structure' }).first();
    await lens.waitFor({ timeout: limit(60000) });
    lap('code lens visible');
    await lens.click();
    const frame = await panelShowing(page, 'tRNA-Phe', 90000);
    lap(`panel ready (${await frame.locator('#app').getAttribute('data-render-ms')} ms to render)`);
    assert.equal(await frame.locator('#arcs path.arc').count(), 21);
    assert.equal(await frame.locator('#drawing circle.base').count(), 76);
    assert.equal(await frame.locator('#dotplot canvas').getAttribute('data-cells'), '76');
    const header = await frame.locator('#header').innerText();
    assert.match(header, /76 nt/);
    assert.match(header, /structure from the file/);
    assert.match(header, /MFE\s+−\d+\.\d\d kcal\/mol/);
    // attribution is unavailable until a regressor is trained or selected
    const attribution = frame.locator('button[data-mode="attribution"]');
    assert.equal(await attribution.isDisabled(), true);
    assert.match((await attribution.getAttribute('title')) ?? '', /Train or select a regressor/);
  });

  it('hovering a base highlights it in all three views; screenshots of each view (dark)', async function () {
    const page = wb!.page;
    const frame = await panelShowing(page, 'tRNA-Phe');
    await frame.locator('#drawing circle.base[data-pos="2"]').hover();
    await frame.locator('#hover-info', { hasText: 'G3' }).waitFor({ timeout: limit(10000) });
    const info = await frame.locator('#hover-info').innerText();
    lap(`hover: ${info}`);
    assert.match(info, /^G3 · pairs with C70 · p = [01]\.\d\d · P\(unpaired\) = /);
    // the same base is ringed in the arc diagram and its pair highlighted in both SVG views
    assert.equal(await frame.locator('#arcs path.arc.hl[data-i="2"][data-j="69"]').count(), 1);
    assert.equal(await frame.locator('#drawing line.pair.hl[data-i="2"][data-j="69"]').count(), 1);
    assert.equal(await frame.locator('#arcs circle.ring').first().evaluate((e) => (e as SVGElement).style.display), '');
    for (const f of await viewShots(page, frame, 'dark', 2, 69, 76)) lap(`screenshot ${path.relative(ROOT, f)}`);
    lap(`screenshot ${await screenshot(page, 'structure-panel-dark')}`);
  });

  it('exports the arc diagram as SVG that opens in Chromium with one path per arc', async function () {
    const page = wb!.page;
    const frame = await panelShowing(page, 'tRNA-Phe');
    await frame.locator('button[data-export="arcSvg"]').click();
    // VS Code's own (simple) save dialog, prefilled next to the document
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: limit(20000) });
    await page.waitForFunction(() => (document.querySelector('.quick-input-widget input') as HTMLInputElement | null)?.value.endsWith('tRNA-Phe-arcs.svg'), undefined, { timeout: limit(20000) });
    await page.keyboard.press('Enter');
    const file = path.join(wb!.workspace, 'tRNA-Phe-arcs.svg');
    for (let t = 0; t < 100 && !fs.existsSync(file); t++) await sleep(200);
    assert.ok(fs.existsSync(file), `${file} was not written`);
    fs.mkdirSync(OUTPUT_DIR, { recursive: true });
    fs.copyFileSync(file, path.join(OUTPUT_DIR, 'structure-arcs-export.svg'));
    const viewer = await page.context().newPage();
    try {
      await viewer.goto(`file://${file}`);
      const found = await viewer.evaluate(() => ({
        root: document.documentElement.nodeName,
        paths: document.querySelectorAll('path').length,
        arcs: document.querySelectorAll('path.arc').length,
        width: (document.documentElement as unknown as SVGSVGElement).getBoundingClientRect().width,
      }));
      lap(`exported SVG: ${JSON.stringify(found)}`);
      assert.equal(found.root, 'svg');
      assert.equal(found.paths, 21);
      assert.equal(found.arcs, 21);
      assert.ok(found.width > 100);
    } finally {
      await viewer.close();
    }
  });

  it('screenshots of each view in the light theme, coloured by unpaired probability', async function () {
    const page = wb!.page;
    // keys go to the workbench only when it has the focus (the export left it in the webview)
    await page.locator('.monaco-editor .view-lines .view-line', { hasText: 'GCGGAUUUAGCUCAGUUGG' }).first().click();
    await runCommand(page, 'Preferences: Color Theme');
    // the theme picker replaces the palette and lists every theme
    await page.locator('.quick-input-list').getByText(/^(Default )?Light Modern$/).first().click({ timeout: limit(20000) });
    const t0 = Date.now();
    let frame = await panelShowing(page, 'tRNA-Phe');
    while (!(await frame.locator('body.vscode-light').count())) {
      if (Date.now() - t0 > limit(30000)) throw new Error('the webview did not switch to the light theme');
      await sleep(250);
      frame = await panelShowing(page, 'tRNA-Phe');
    }
    await sleep(800); // the panel redraws on the next frame after the theme variables change
    await frame.locator('button[data-mode="unpaired"]').click();
    await frame.locator('#legend', { hasText: 'P(unpaired)' }).waitFor();
    await frame.locator('#drawing circle.base[data-pos="30"]').hover();
    await frame.locator('#hover-info', { hasText: 'A31' }).waitFor({ timeout: limit(10000) });
    for (const f of await viewShots(page, frame, 'light', 30, 38, 76)) lap(`screenshot ${path.relative(ROOT, f)}`);
    lap(`screenshot ${await screenshot(page, 'structure-panel-light')}`);
  });

  it('shows an id that looks like HTML as text and raises no dialog', async function () {
    const page = wb!.page;
    await quickOpen(page, 'xss.dbn', 'GGGGAAAACCCC');
    await page.locator('.monaco-editor .view-lines .view-line', { hasText: 'GGGGAAAACCCC' }).first().click();
    await runCommand(page, 'Basepair: Show Structure');
    // the id is the header's first word ('<img'); the rest is the description: both as text
    const frame = await panelShowing(page, 'injected header');
    assert.equal(await frame.locator('#header h1').innerText(), '<img');
    assert.equal(await frame.locator('#header .record-description').innerText(), 'src=x onerror=alert(1)> injected header');
    assert.equal(await frame.locator('img').count(), 0);
    const tab = page.locator('.tabs-container .tab', { hasText: 'Structure: <img' });
    assert.equal(await tab.count(), 1, 'the panel title shows the id as text');
    await sleep(500);
    assert.deepEqual(dialogs, []);
  });

  it('comes back after a window reload (webview panel serializer)', async function () {
    const page = wb!.page;
    await page.locator('.part.sidebar .title-label').first().click(); // focus the workbench, not the webview
    // the panel of the window before the reload can still answer for a moment: only a new frame counts
    const stale = new Set(page.frames());
    await runCommand(page, 'Developer: Reload Window');
    const frame = await panelShowing(page, 'injected header', 90000, stale);
    await page.locator('.monaco-workbench').waitFor({ timeout: limit(60000) });
    lap('panel restored after the reload');
    assert.equal(await frame.locator('#header h1').innerText(), '<img');
    assert.equal(await frame.locator('#drawing circle.base').count(), 12);
  });

  it('renders all three views of a 1,000-nt record', async function () {
    const page = wb!.page;
    await quickOpen(page, 'long.fasta', LONG.slice(0, 80));
    await page.locator('.monaco-editor .view-lines .view-line', { hasText: LONG.slice(80, 160) }).first().click();
    await runCommand(page, 'Basepair: Show Structure');
    const frame = await panelShowing(page, 'long_1000', 150000);
    const pairs = (mfe(LONG).structure.match(/\(/g) ?? []).length;
    lap(`1000 nt: ${pairs} pairs, rendered in ${await frame.locator('#app').getAttribute('data-render-ms')} ms`);
    assert.match(await frame.locator('#header').innerText(), /1000 nt/);
    assert.equal(await frame.locator('#dotplot canvas').getAttribute('data-cells'), '1000');
    assert.equal(await frame.locator('#arcs path.arc').count(), pairs);
    assert.equal(await frame.locator('#drawing circle.base').count(), 1000);
    // the dot plot canvas has drawn cells (not just the background)
    const inked = await frame.locator('#dotplot canvas').evaluate((c) => {
      const canvas = c as HTMLCanvasElement;
      const d = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const bg = [d[0], d[1], d[2]];
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - bg[0]) + Math.abs(d[i + 1] - bg[1]) + Math.abs(d[i + 2] - bg[2]) > 60) n++;
      return n;
    });
    assert.ok(inked > 1000, `only ${inked} pixels drawn on the dot plot`);
    await frame.locator('#view-drawing').screenshot({ path: path.join(OUTPUT_DIR, 'structure-1000nt-drawing.png') });
    lap(`screenshot ${await screenshot(page, 'structure-panel-1000nt')}`);
  });

  it('made no request off loopback', function () {
    assert.deepEqual(wb!.external, []);
  });
});

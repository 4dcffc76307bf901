// Shared helpers of the e2e (UI) tests: a throw-away code-server with the packaged .vsix installed
// through its own CLI, a workspace with the given files, headless Chromium on the workbench, and
// small Playwright helpers (quick open, polling for text, hover with retries, screenshots).
// The .vsix comes from `npm run package` (basepair-<version>.vsix in the repo root).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import * as h from '../support/harness';
import { limit } from '../support/timeLimits';

export const ROOT = path.resolve(__dirname, '..', '..');
export const OUTPUT_DIR = path.join(ROOT, 'test-output', 'e2e');
export const EXTENSION_ID = 'basepair.basepair';

export function packageVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** Path of the packaged extension; BASEPAIR_VSIX overrides. Throws when it was not built. */
export function vsixPath(): string {
  const vsix = process.env.BASEPAIR_VSIX || path.join(ROOT, `basepair-${packageVersion()}.vsix`);
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} not found: build it with \`npm run package\``);
  return vsix;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Progress lines with seconds since the first line (for reading CI logs; never asserted). */
export function lapper(): (msg: string) => void {
  let t0: number | undefined;
  return (msg) => {
    t0 ??= Date.now();
    console.log(`      [${((Date.now() - t0) / 1000).toFixed(1)} s] ${msg}`);
  };
}

export interface Workbench {
  home: string;
  workspace: string;
  cs: h.CodeServer;
  browser: h.Browser;
  page: Page;
  /** Every request that left loopback (should stay empty). */
  external: string[];
  /** Workbench console errors, kept for failure reports. */
  consoleErrors: string[];
  /** Screenshot + code-server log into test-output/e2e/ (for a failed test). */
  saveFailureArtifacts(name: string): Promise<void>;
  close(): Promise<void>;
}

export interface WorkbenchOptions {
  /** Files written into the workspace folder: relative path -> content. */
  files?: Record<string, string>;
  /** Install the packaged .vsix (default true). */
  installVsix?: boolean;
  settings?: Record<string, unknown>;
  log?: (msg: string) => void;
}

/** A temp workspace + code-server (with the .vsix installed) + Chromium showing the workbench. */
export async function openWorkbench(opts: WorkbenchOptions = {}): Promise<Workbench> {
  const log = opts.log ?? (() => {});
  const home = h.mkTmp('bp-e2e-');
  const workspace = path.join(home, 'workspace');
  const extensionsDir = path.join(home, 'extensions');
  const userDataDir = path.join(home, 'user-data');
  fs.mkdirSync(workspace);
  for (const [rel, text] of Object.entries(opts.files ?? {})) {
    fs.mkdirSync(path.dirname(path.join(workspace, rel)), { recursive: true });
    fs.writeFileSync(path.join(workspace, rel), text);
  }
  let cs: h.CodeServer | undefined;
  let browser: h.Browser | undefined;
  try {
    if (opts.installVsix !== false) {
      const vsix = vsixPath();
      await h.codeServerCli(
        ['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix],
        { home },
      );
      log(`installed ${path.basename(vsix)}`);
    }
    cs = await h.startCodeServer({ home, extensionsDir, userDataDir, ...(opts.settings ? { settings: opts.settings } : {}) });
    log(`code-server listening on ${cs.base}`);
    browser = await h.launchChromium();
    const page = browser.page;
    const external = h.trackExternalRequests(page);
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    await page.goto(h.workbenchUrl(cs, { folder: workspace }), { timeout: limit(120000) });
    await page.locator('.monaco-workbench').waitFor({ timeout: limit(60000) });
    log('workbench loaded');
    const csRef = cs;
    const browserRef = browser;
    return {
      home,
      workspace,
      cs,
      browser,
      page,
      external,
      consoleErrors,
      async saveFailureArtifacts(name: string) {
        fs.mkdirSync(OUTPUT_DIR, { recursive: true });
        const safe = name.replace(/[^\w.-]+/g, '_').slice(0, 100);
        await page.screenshot({ path: path.join(OUTPUT_DIR, `${safe}.failure.png`) }).catch(() => {});
        try {
          fs.copyFileSync(csRef.logFile, path.join(OUTPUT_DIR, `${safe}.code-server.log`));
        } catch {
          /* no log */
        }
        if (consoleErrors.length) {
          fs.writeFileSync(path.join(OUTPUT_DIR, `${safe}.console-errors.txt`), consoleErrors.join('\n'));
        }
      },
      async close() {
        await browserRef.close();
        await csRef.stop();
        h.rmTmp(home);
      },
    };
  } catch (e) {
    if (browser) await browser.close();
    if (cs) await cs.stop();
    h.rmTmp(home);
    throw e;
  }
}

/** Poll a locator's innerText until `ok(text)`; returns the last text. Throws with it on timeout. */
export async function waitForText(
  locator: Locator,
  ok: (text: string) => boolean,
  { timeoutMs = 20000, what = 'text' }: { timeoutMs?: number; what?: string } = {},
): Promise<string> {
  const t0 = Date.now();
  let text = '';
  for (;;) {
    try {
      text = await locator.innerText({ timeout: limit(1000) });
    } catch {
      text = '';
    }
    if (ok(text)) return text;
    if (Date.now() - t0 > limit(timeoutMs)) throw new Error(`timed out waiting for ${what}; last text: ${JSON.stringify(text)}`);
    await sleep(200);
  }
}

/** Wait until the explorer lists `name` (the workspace is indexed and shown). */
export async function waitForExplorerItem(page: Page, name: string): Promise<void> {
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().waitFor({ timeout: limit(30000) });
}

/** Open a workspace file through Quick Open (Ctrl+P) and wait until its editor shows `expectLine`. */
export async function quickOpen(page: Page, name: string, expectLine: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await editorLine(page, expectLine).waitFor({ timeout: limit(30000) });
}

/** The rendered editor line containing `text`. */
export function editorLine(page: Page, text: string): Locator {
  return page.locator('.monaco-editor .view-lines .view-line', { hasText: text }).first();
}

/** The status-bar language indicator ("FASTA", "Plain Text", ...). */
export function statusBarLanguage(page: Page): Locator {
  return page.locator('[id="status.editor.mode"]');
}

/**
 * Registers a suite's workbench hooks: after a failed test, a screenshot and the logs under
 * "<name> <test title>"; after the suite, the workbench closed. Call inside describe().
 */
export function workbenchHooks(name: string, workbench: () => Workbench | undefined): void {
  afterEach(async function () {
    const wb = workbench();
    if (this.currentTest?.state === 'failed' && wb) await wb.saveFailureArtifacts(`${name} ${this.currentTest.title}`);
  });

  after(async function () {
    await workbench()?.close();
  });
}

/**
 * Hover the editor line containing `lineText` and return the hover's text once `ok(text)` holds.
 * `at: 'middle'` (default) hovers the middle of the line's rendered text; `'start'` hovers near the
 * start of the line (for narrow editors, where the middle of a long line can be scrolled out of view).
 * Retries (mouse out and back in), because the first hover can come before the extension and its
 * language server are ready, and because the line's box is missing while the editor re-renders
 * (code lenses arriving shift the lines).
 */
export async function hoverLine(
  page: Page,
  lineText: string,
  ok: (text: string) => boolean,
  { attempts = 30, at = 'middle' }: { attempts?: number; at?: 'middle' | 'start' } = {},
): Promise<string> {
  // view-line > span (all tokens of the line): its box is the rendered text, not the full width.
  const target = at === 'middle' ? editorLine(page, lineText).locator(':scope > span').first() : editorLine(page, lineText);
  let text = '';
  let seen = false;
  for (let i = 0; i < attempts; i++) {
    const box = await target.boundingBox().catch(() => null);
    if (!box) {
      await sleep(500);
      continue;
    }
    seen = true;
    await page.mouse.move(1, 1);
    await page.mouse.move(at === 'middle' ? box.x + box.width / 2 : box.x + 40, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover-content').first();
    try {
      await hover.waitFor({ state: 'visible', timeout: limit(2000) });
      text = await hover.innerText();
    } catch {
      text = '';
    }
    if (ok(text)) return text;
    await sleep(500);
  }
  if (!seen) throw new Error(`editor line "${lineText}" is not visible`);
  throw new Error(`no matching hover over "${lineText}" after ${attempts} attempts; last hover text: ${JSON.stringify(text)}`);
}

/** Save a screenshot to test-output/e2e/<name>.png (a CI artefact for people, never pixel-compared). */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  const file = path.join(OUTPUT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Runs a command from the palette, clicking the entry whose label is exactly `title`. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type(title);
  await page.locator('.quick-input-list').getByText(title, { exact: true }).first().click({ timeout: limit(20000) });
}

/** Collects (and dismisses) every dialog the page or its webviews open: a hostile id must raise none. */
export function recordDialogs(page: Page, into: string[]): void {
  page.on('dialog', (d) => {
    into.push(d.message());
    void d.dismiss();
  });
  page.context().on('dialog', (d) => {
    into.push(d.message());
    void d.dismiss().catch(() => {});
  });
}

/** The frame of the training panel once its #app is in `state` (and, with `title`, shows that job). */
export async function trainingFrame(page: Page, state: string, timeoutMs: number, title?: string): Promise<Frame> {
  const t0 = Date.now();
  for (;;) {
    for (const f of page.frames()) {
      try {
        const h1 = f.locator(`#app[data-state="${state}"] header h1`);
        if ((await h1.count()) && (title === undefined || (await h1.innerText()) === title)) return f;
      } catch {
        /* frame navigated away */
      }
    }
    if (Date.now() - t0 > limit(timeoutMs)) throw new Error(`no training panel in state ${state}${title ? ` showing ${title}` : ''} after ${limit(timeoutMs)} ms`);
    await sleep(500);
  }
}

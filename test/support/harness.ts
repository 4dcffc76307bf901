// Test-host harness shared by the integration shim and the e2e tests: starts a throw-away
// code-server (a real VS Code server + Node extension host) on 127.0.0.1 and a headless Debian
// Chromium driven by playwright-core. Fully offline. code-server and the Node 24 it runs on are
// installed by `npm run setup:host` (scripts/setup-test-host.sh) into
// ${BASEPAIR_TEST_HOST:-~/.cache/basepair-test-host}, described by host.json there.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

export const TEST_HOST_DIR = process.env.BASEPAIR_TEST_HOST || path.join(os.homedir(), '.cache', 'basepair-test-host');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Set BASEPAIR_KEEP_TMP=1 to keep code-server homes (logs, settings) and e2e workspaces for debugging. */
export const KEEP_TMP = process.env.BASEPAIR_KEEP_TMP === '1';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Not in the original recipe: containers often have a 64 MB /dev/shm, too small for Chromium.
  '--disable-dev-shm-usage',
];

/** User settings that keep the workbench quiet, deterministic and offline. */
export const DEFAULT_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
};

export interface TestHost {
  dir: string;
  node: string;
  nodeVersion: string;
  codeServerEntry: string;
  codeServerVersion: string;
}

let cachedHost: TestHost | undefined;

/** Where code-server and its Node live; throws a clear, actionable error when not installed. */
export function testHost(): TestHost {
  if (cachedHost) return cachedHost;
  const dir = TEST_HOST_DIR;
  const hint =
    `The VS Code test host is not installed in ${dir}.\n` +
    `Run \`npm run setup:host\` once (installs Node 24 + code-server from the npm registry; ` +
    `set BASEPAIR_TEST_HOST to use another directory).`;
  const file = path.join(dir, 'host.json');
  let raw: { node?: string; nodeVersion?: string; codeServerEntry?: string; codeServerVersion?: string };
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    throw new Error(`${hint}\n(missing or unreadable: ${file})`);
  }
  if (!raw.node || !raw.codeServerEntry) throw new Error(`${hint}\n(incomplete: ${file})`);
  const host: TestHost = {
    dir,
    node: path.resolve(dir, raw.node),
    nodeVersion: raw.nodeVersion ?? '?',
    codeServerEntry: path.resolve(dir, raw.codeServerEntry),
    codeServerVersion: raw.codeServerVersion ?? '?',
  };
  for (const f of [host.node, host.codeServerEntry]) {
    if (!fs.existsSync(f)) throw new Error(`${hint}\n(missing: ${f})`);
  }
  cachedHost = host;
  return host;
}

// What must not outlive this process even when it ends without the normal cleanup (Ctrl+C in
// mocha, an uncaught error): process groups of running code-servers and our temp dirs.
const liveGroups = new Set<number>();
const liveDirs = new Set<string>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const g of liveGroups) {
      try {
        process.kill(-g, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    if (KEEP_TMP) return;
    for (const d of liveDirs) {
      try {
        fs.rmSync(d, { recursive: true, force: true });
      } catch {
        /* best effort */
      }
    }
  });
}

/** A fresh temp dir under os.tmpdir(); remove it with rmTmp() (or it goes when the process exits). */
export function mkTmp(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  installExitHook();
  liveDirs.add(dir);
  return dir;
}

export function rmTmp(dir: string | undefined): void {
  if (!dir) return;
  if (KEEP_TMP) {
    console.log(`[harness] BASEPAIR_KEEP_TMP=1: kept ${dir}`);
    return;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  liveDirs.delete(dir);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Merge DEFAULT_SETTINGS (+ extra) into <userDataDir>/User/settings.json. */
export function writeSettings(userDataDir: string, extra: Record<string, unknown> = {}): void {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'settings.json');
  let cur: Record<string, unknown> = {};
  if (fs.existsSync(file)) {
    try {
      cur = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      /* keep defaults */
    }
  }
  fs.writeFileSync(file, JSON.stringify({ ...DEFAULT_SETTINGS, ...cur, ...extra }, null, 2));
}

function httpOk(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(1000, () => {
      req.destroy();
      resolve(false);
    });
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Environment for a code-server process whose config, logs, caches and temp files stay in `home`. */
function codeServerEnv(home: string, extraEnv: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const tmp = path.join(home, 'tmp');
  fs.mkdirSync(tmp, { recursive: true });
  return {
    ...process.env,
    ...extraEnv,
    // No gallery -> no requests to open-vsx.org, from the server or from the browser.
    EXTENSIONS_GALLERY: '{}',
    // code-server writes config.yaml (with a password) to XDG_CONFIG_HOME, logs to XDG_DATA_HOME,
    // VS Code a deviceid to XDG_CACHE_HOME: keep all of it out of $HOME.
    XDG_CONFIG_HOME: path.join(home, 'xdg-config'),
    XDG_DATA_HOME: path.join(home, 'xdg-data'),
    XDG_CACHE_HOME: path.join(home, 'xdg-cache'),
    // IPC sockets and temp files of code-server and the extension host (inherited): removed with home.
    TMPDIR: tmp,
  };
}

function tail(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Run code-server once as a CLI (e.g. `--install-extension x.vsix`) and return its output. */
export function codeServerCli(args: string[], opts: { home?: string } = {}): Promise<string> {
  const host = testHost();
  const ownHome = !opts.home;
  const home = opts.home ?? mkTmp('bp-cs-cli-');
  return new Promise<string>((resolve, reject) => {
    const p = spawn(host.node, [host.codeServerEntry, ...args], {
      env: codeServerEnv(home),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d));
    p.stderr.on('data', (d: Buffer) => (out += d));
    p.on('error', reject);
    p.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`code-server ${args.join(' ')} exited ${code}:\n${out}`)),
    );
  }).finally(() => {
    if (ownHome) rmTmp(home);
  });
}

export interface StartOptions {
  /** Folder for XDG dirs, TMPDIR and code-server.log; a temp dir (removed by stop()) when omitted. */
  home?: string;
  userDataDir?: string;
  extensionsDir?: string;
  /** Extra user settings merged over DEFAULT_SETTINGS. */
  settings?: Record<string, unknown>;
  /** Needed for ?payload=[["extensionDevelopmentPath",..],["extensionTestsPath",..]] (integration). */
  smokeTestDriver?: boolean;
  extraArgs?: string[];
  env?: Record<string, string | undefined>;
  port?: number;
  startTimeoutMs?: number;
}

export interface CodeServer {
  port: number;
  base: string;
  authority: string;
  home: string;
  userDataDir: string;
  extensionsDir: string;
  logFile: string;
  pid: number;
  startupMs: number;
  /** Kill the whole process group (server, extension host, pty host, file watcher). */
  stop(): Promise<void>;
}

/** Start code-server bound to 127.0.0.1 on a free port, in its own process group. */
export async function startCodeServer(opts: StartOptions = {}): Promise<CodeServer> {
  const host = testHost();
  const ownHome = !opts.home;
  const home = opts.home ?? mkTmp('bp-cs-');
  const userDataDir = opts.userDataDir ?? path.join(home, 'user-data');
  const extensionsDir = opts.extensionsDir ?? path.join(home, 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  writeSettings(userDataDir, opts.settings);
  const port = opts.port ?? (await freePort());
  const args = [
    host.codeServerEntry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    // Lets a built workbench honour the extension-development payload. Side effect: notification
    // toasts are suppressed (they still reach the Notifications center).
    ...(opts.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...(opts.extraArgs ?? []),
  ];
  const logFile = path.join(home, 'code-server.log');
  const logFd = fs.openSync(logFile, 'a');
  const proc = spawn(host.node, args, {
    env: codeServerEnv(home, opts.env),
    stdio: ['ignore', logFd, logFd],
    detached: true, // own process group: stop() kills the extension host, pty host and watcher too
  });
  fs.closeSync(logFd);
  const pid = proc.pid;
  if (pid === undefined) throw new Error(`could not spawn ${host.node}`);
  installExitHook();
  liveGroups.add(pid);

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    const alive = () => {
      try {
        process.kill(-pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    const deadline = Date.now() + 5000;
    while (alive() && Date.now() < deadline) await sleep(100);
    if (alive()) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        /* gone */
      }
      const hard = Date.now() + 2000;
      while (alive() && Date.now() < hard) await sleep(50);
    }
    liveGroups.delete(pid);
    if (ownHome) rmTmp(home);
  };

  const t0 = Date.now();
  const base = `http://127.0.0.1:${port}`;
  const timeout = opts.startTimeoutMs ?? 60000;
  for (;;) {
    if (await httpOk(`${base}/healthz`)) break;
    if (proc.exitCode !== null || Date.now() - t0 > timeout) {
      const why = proc.exitCode !== null ? `exited early (${proc.exitCode})` : `did not start within ${timeout} ms`;
      const log = tail(logFile);
      await stop();
      throw new Error(`code-server ${why}. Last log lines:\n${log}`);
    }
    await sleep(100);
  }
  return {
    port,
    base,
    authority: `127.0.0.1:${port}`,
    home,
    userDataDir,
    extensionsDir,
    logFile,
    pid,
    startupMs: Date.now() - t0,
    stop,
  };
}

export interface WorkbenchOptions {
  folder?: string;
  devPaths?: string[];
  testsPath?: string;
  extensionEnv?: Record<string, string>;
}

/** Workbench URL for a folder, optionally with an extension-development / tests payload. */
export function workbenchUrl(cs: Pick<CodeServer, 'authority' | 'base'>, o: WorkbenchOptions = {}): string {
  const q: string[] = [o.folder ? `folder=${encodeURIComponent(o.folder)}` : 'ew=true'];
  const payload: [string, string][] = [];
  for (const p of o.devPaths ?? []) {
    payload.push(['extensionDevelopmentPath', `vscode-remote://${cs.authority}${path.resolve(p)}`]);
  }
  if (o.testsPath) payload.push(['extensionTestsPath', `vscode-remote://${cs.authority}${path.resolve(o.testsPath)}`]);
  if (o.extensionEnv) payload.push(['extensionEnvironment', JSON.stringify(o.extensionEnv)]);
  if (payload.length) q.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `${cs.base}/?${q.join('&')}`;
}

export interface Browser {
  ctx: BrowserContext;
  page: Page;
  userDataDir: string;
  close(): Promise<void>;
}

/** Headless Debian Chromium (CHROMIUM_PATH overrides /usr/bin/chromium) with its own profile dir. */
export async function launchChromium(
  opts: { userDataDir?: string; viewport?: { width: number; height: number } } = {},
): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
  const ownDir = !opts.userDataDir;
  const userDataDir = opts.userDataDir ?? mkTmp('bp-chromium-');
  const tmp = path.join(userDataDir, 'tmp');
  fs.mkdirSync(tmp, { recursive: true });
  const { chromium } = await import('playwright-core');
  const ctx = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: opts.viewport ?? { width: 1400, height: 900 },
    args: CHROMIUM_ARGS,
    // Otherwise Chromium writes ~/.cache/dconf, ~/.config/chromium/Crash Reports and /tmp/.org.chromium.*.
    env: {
      ...process.env,
      XDG_CACHE_HOME: path.join(userDataDir, 'xdg-cache'),
      XDG_CONFIG_HOME: path.join(userDataDir, 'xdg-config'),
      TMPDIR: tmp,
    },
  });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await ctx.close().catch(() => {});
    if (ownDir) rmTmp(userDataDir);
  };
  return { ctx, page, userDataDir, close };
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * Webview resources have https://*.vscode-resource.vscode-cdn.net URLs that the webview's service
 * worker answers from the extension host: they never reach the network (panels could not load
 * offline otherwise), so they do not count as leaving loopback.
 */
function isWebviewResource(u: URL): boolean {
  return u.hostname.endsWith('.vscode-resource.vscode-cdn.net');
}

/** Records every http(s)/ws(s) request of the page's browser context that leaves loopback. */
export function trackExternalRequests(page: Page): string[] {
  const external: string[] = [];
  const check = (url: string) => {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return;
    }
    if (['http:', 'https:', 'ws:', 'wss:'].includes(u.protocol) && !LOOPBACK.has(u.hostname) && !isWebviewResource(u)) external.push(url);
  };
  // Context level: covers the page, its (out-of-process) iframes such as webviews, and workers.
  page.context().on('request', (r) => check(r.url()));
  page.on('websocket', (ws) => check(ws.url()));
  return external;
}

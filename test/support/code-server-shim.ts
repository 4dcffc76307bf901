// A stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }).
// Bundled by `node esbuild.mjs --tests` to dist-test/support/code-server-shim.js (executable).
// It understands the arguments test-electron passes (--extensionDevelopmentPath=,
// --extensionTestsPath=, --user-data-dir=, --extensions-dir=, a folder to open), starts code-server
// on 127.0.0.1 plus headless Chromium, runs the tests in code-server's Node extension host and exits
// with the tests' exit code (0 = all passed). The workbench's console output (the extension host's
// console included) goes to $BASEPAIR_WORKBENCH_LOG when set, else to stdout/stderr; the test
// runner's own lines travel through the suite's report file (test/integration/index.ts).
// Env: SHIM_TIMEOUT_MS (default limit(15 min): the whole run; when it fires, the message names the
// test that was running), SHIM_VERBOSE=1 (URL, timings, unfiltered workbench log).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import * as h from './harness';
import { limit } from './timeLimits';

// Workbench chatter that the smoke-test driver forwards through codeAutomationLog.
const NOISE =
  /^(Resolving connection token|Resolved connection token|Creating a socket|\[reconnection-grace-time\]|Ignoring fetching additional builtin|\[Service Worker\]|\[AgentHost|\[AccountPolicyGate\]|Updating additional builtin|Started initializing|Completed initializing|Creation of workbench contribution)/;
const TIMEOUT_MS = Number(process.env.SHIM_TIMEOUT_MS) || limit(15 * 60_000);
const WORKBENCH_LOG = process.env.BASEPAIR_WORKBENCH_LOG;

/** The test running now, from the suite's summary file (see test/integration/index.ts). */
function runningTest(): string | undefined {
  try {
    const file = process.env.BASEPAIR_TEST_SUMMARY;
    return file ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { running?: string }).running : undefined;
  } catch {
    return undefined;
  }
}
const VERBOSE = process.env.SHIM_VERBOSE === '1';

interface ShimArgs {
  devPaths: string[];
  folder?: string;
  testsPath?: string;
  userDataDir?: string;
  extensionsDir?: string;
}

function parseArgs(argv: string[]): ShimArgs {
  const o: ShimArgs = { devPaths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
    if (!m) {
      if (!o.folder) o.folder = path.resolve(a);
      continue;
    }
    const k = m[1];
    const inline = m[2];
    const val = (): string => (inline !== undefined ? inline : (argv[++i] ?? ''));
    if (k === 'extensionDevelopmentPath') o.devPaths.push(path.resolve(val()));
    else if (k === 'extensionTestsPath') o.testsPath = path.resolve(val());
    else if (k === 'user-data-dir') o.userDataDir = path.resolve(val());
    else if (k === 'extensions-dir') o.extensionsDir = path.resolve(val());
    // everything else (--no-sandbox, --disable-updates, --skip-welcome, ...) is Electron-only: ignored
  }
  return o;
}

async function main(): Promise<number> {
  const o = parseArgs(process.argv.slice(2));
  if (!o.testsPath) throw new Error('code-server-shim: --extensionTestsPath is required');
  const t0 = Date.now();
  // The extension host inherits code-server's environment, so runTests' extensionTestsEnv (merged
  // into this process's env by test-electron) reaches the tests as it would in Electron.
  const cs = await h.startCodeServer({
    smokeTestDriver: true,
    ...(o.userDataDir ? { userDataDir: o.userDataDir } : {}),
    ...(o.extensionsDir ? { extensionsDir: o.extensionsDir } : {}),
  });
  let browser: h.Browser | undefined;
  let code = 1;
  let timer: NodeJS.Timeout | undefined;
  const onSignal = () => {
    // Ctrl+C from runTests: shut code-server's process group down before going.
    void cs.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    browser = await h.launchChromium();
    const { page } = browser;
    let resolveExit!: (c: number) => void;
    const exited = new Promise<number>((r) => (resolveExit = r));
    await page.exposeFunction('codeAutomationExit', (c: number) => resolveExit(Number(c)));
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
      const line = util.format(...(Array.isArray(args) ? args : [args]));
      if (WORKBENCH_LOG) fs.appendFileSync(WORKBENCH_LOG, `[${type}] ${line}\n`);
      else if (VERBOSE || type === 'error' || !NOISE.test(line)) (type === 'error' || type === 'warn' ? process.stderr : process.stdout).write(line + '\n');
    });
    page.on('crash', () => resolveExit(1));
    const url = h.workbenchUrl(cs, {
      devPaths: o.devPaths,
      testsPath: o.testsPath,
      ...(o.folder ? { folder: o.folder } : {}),
    });
    if (VERBOSE) console.log(`[shim] ${url} (code-server up in ${cs.startupMs} ms)`);
    await page.goto(url, { timeout: 120000 });
    const timeout = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), TIMEOUT_MS)));
    const r = await Promise.race([exited, timeout]);
    if (r === 'timeout') {
      const running = runningTest();
      console.error(`[shim] the tests did not finish within ${Math.round(TIMEOUT_MS / 1000)} s (SHIM_TIMEOUT_MS)${running ? `; running: "${running}"` : ''}`);
      code = 1;
    } else {
      code = r;
    }
    if (VERBOSE) console.log(`[shim] exit ${code} after ${Date.now() - t0} ms`);
  } finally {
    if (timer) clearTimeout(timer);
    if (browser) await browser.close();
    if (code !== 0) {
      // Keep the evidence: code-server's own log tells why an extension failed to load.
      if (WORKBENCH_LOG) {
        try {
          fs.appendFileSync(WORKBENCH_LOG, `\n[shim] code-server log (${cs.logFile}):\n${fs.readFileSync(cs.logFile, 'utf8')}`);
        } catch {
          /* no log */
        }
      } else {
        console.error(`[shim] code-server log (${cs.logFile}), last lines:`);
        try {
          console.error(fs.readFileSync(cs.logFile, 'utf8').split('\n').slice(-30).join('\n'));
        } catch {
          /* no log */
        }
      }
    }
    await cs.stop();
  }
  return code;
}

main().then(
  (c) => process.exit(c),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);

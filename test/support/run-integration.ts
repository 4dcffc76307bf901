// Integration-test driver (`node dist-test/support/run-integration.js`, built by
// `node esbuild.mjs --tests`): runs test/integration/*.test.ts (bundled into dist-test/integration)
// inside a real VS Code extension host through the unmodified @vscode/test-electron runTests(),
// whose vscodeExecutablePath is our code-server shim, so nothing is downloaded.
// Prints the spec reporter's lines as they come (the suite writes them to a report file), then
// `integration: N passing, M failing`; a run cut short (host crash, the shim's time limit) counts the
// test that was running as failing and names it. The workbench's console output goes to
// test-output/logs/integration-workbench.log. Exit code 1 if anything failed or the run broke.
// Env: BASEPAIR_TEST_GREP=<regexp> runs only matching tests; BASEPAIR_KEEP_TMP=1 keeps the temp dir.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

interface Summary {
  passes: number;
  failures: number;
  pending: number;
  running?: string;
  finished?: boolean;
}

/** Prints what the suite appends to `file`, every 200 ms, until stop() (which prints the rest). */
function follow(file: string): { stop(): void } {
  let offset = 0;
  const flush = () => {
    let size: number;
    try {
      size = fs.statSync(file).size;
    } catch {
      return;
    }
    if (size <= offset) return;
    const fd = fs.openSync(file, 'r');
    const buf = Buffer.alloc(size - offset);
    fs.readSync(fd, buf, 0, buf.length, offset);
    fs.closeSync(fd);
    offset = size;
    process.stdout.write(buf);
  };
  const timer = setInterval(flush, 200);
  return {
    stop() {
      clearInterval(timer);
      flush();
    },
  };
}

async function main(): Promise<number> {
  const root = path.resolve(__dirname, '..', '..');
  const shim = path.join(root, 'dist-test', 'support', 'code-server-shim.js');
  const testsPath = path.join(root, 'dist-test', 'integration', 'index.js');
  for (const [f, what] of [
    [shim, 'the code-server shim'],
    [testsPath, 'the integration suite'],
    [path.join(root, 'dist', 'extension.js'), 'the extension'],
  ] as const) {
    if (!fs.existsSync(f)) {
      console.error(`integration: ${what} is not built (${path.relative(root, f)}); run \`node esbuild.mjs --tests\``);
      return 1;
    }
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-integration-'));
  const workspace = path.join(tmp, 'workspace');
  const fixtures = path.join(root, 'test', 'fixtures', 'workspace');
  if (fs.existsSync(fixtures)) fs.cpSync(fixtures, workspace, { recursive: true });
  else fs.mkdirSync(workspace);
  const summaryFile = path.join(tmp, 'summary.json');
  const reportFile = path.join(tmp, 'report.txt');
  const logDir = path.join(root, 'test-output', 'logs');
  fs.mkdirSync(logDir, { recursive: true });
  const workbenchLog = path.join(logDir, 'integration-workbench.log');
  fs.writeFileSync(workbenchLog, '');
  const report = follow(reportFile);

  let code: number;
  try {
    code = await runTests({
      vscodeExecutablePath: shim,
      extensionDevelopmentPath: root,
      extensionTestsPath: testsPath,
      launchArgs: [
        workspace,
        // Fresh profile per run (test-electron's default is a persistent ./.vscode-test).
        `--user-data-dir=${path.join(tmp, 'user-data')}`,
        `--extensions-dir=${path.join(tmp, 'extensions')}`,
      ],
      extensionTestsEnv: {
        BASEPAIR_TEST_SUMMARY: summaryFile,
        BASEPAIR_TEST_REPORT: reportFile,
        BASEPAIR_WORKBENCH_LOG: workbenchLog,
        BASEPAIR_TEST_GREP: process.env.BASEPAIR_TEST_GREP ?? '',
      },
    });
  } catch (e) {
    // test-electron rejects with TestRunFailedError(code) on a non-zero exit.
    const c = (e as { code?: unknown }).code;
    code = typeof c === 'number' ? c : 1;
  }
  report.stop();

  let summary: Summary | undefined;
  try {
    summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8')) as Summary;
  } catch {
    summary = undefined;
  }
  if (process.env.BASEPAIR_KEEP_TMP === '1') console.log(`integration: temp dir kept: ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });

  if (!summary) {
    console.log(`integration: 0 passing, 1 failing (the suite never started; host exit code ${code}; see ${path.relative(root, workbenchLog)})`);
    return 1;
  }
  const pending = summary.pending ? `, ${summary.pending} pending` : '';
  if (!summary.finished) {
    // cut short: what ran is counted, and the test that was running counts as failing
    const where = summary.running ? `while running "${summary.running}"` : 'between two tests';
    console.log(`integration: ${summary.passes} passing, ${summary.failures + 1} failing${pending} (the run stopped ${where}; host exit code ${code}; see ${path.relative(root, workbenchLog)})`);
    return 1;
  }
  console.log(`integration: ${summary.passes} passing, ${summary.failures} failing${pending}`);
  if (code !== 0 && summary.failures === 0) console.log(`integration: but the host exited with code ${code}`);
  return summary.failures > 0 || code !== 0 ? 1 : 0;
}

main().then(
  (c) => process.exit(c),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);

// Entry point of the integration suite inside the VS Code extension host (test-electron contract:
// the host require()s dist-test/integration/index.js and awaits run()). Runs every *.test.js next
// to it with mocha (tdd UI: suite/test), so adding test/integration/<name>.test.ts is all it takes
// to add tests. The spec reporter's lines go to $BASEPAIR_TEST_REPORT (run-integration prints them as
// they come; the workbench's own console chatter stays in its log). A JSON summary in
// $BASEPAIR_TEST_SUMMARY is rewritten after every test, with the test running now, so that a run cut
// short still says what passed and where it stopped. Rejects when a test failed (the host exits
// non-zero).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha from 'mocha';
import { limit } from '../support/timeLimits';

interface FailedTest {
  title: string;
  error: string;
}

export interface IntegrationSummary {
  passes: number;
  failures: number;
  pending: number;
  files: string[];
  failed: FailedTest[];
  /** Full title of the test (or hook) running now; absent between tests. */
  running?: string;
  /** True once mocha has finished the whole run. */
  finished: boolean;
}

export function run(): Promise<void> {
  const grep = process.env.BASEPAIR_TEST_GREP;
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    reporter: 'spec',
    // Language-server round trips in a cold host (x the suites' time scale); tests can raise it.
    timeout: limit(30000),
    ...(grep ? { grep: new RegExp(grep) } : {}),
  });
  const dir = __dirname;
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(dir, f));

  const report = process.env.BASEPAIR_TEST_REPORT;
  if (report) {
    // the reporter's output (Base.consoleLog: every line of spec and the epilogue) into the report file
    Mocha.reporters.Base.consoleLog = (...args: unknown[]) => fs.appendFileSync(report, util.format(...args) + '\n');
  }
  const summary: IntegrationSummary = { passes: 0, failures: 0, pending: 0, files, failed: [], finished: false };
  const writeSummary = () => {
    const file = process.env.BASEPAIR_TEST_SUMMARY;
    if (file) fs.writeFileSync(file, JSON.stringify(summary, null, 2));
  };

  return new Promise<void>((resolve, reject) => {
    if (files.length === 0) {
      summary.failures = 1;
      summary.failed.push({ title: '(suite loader)', error: `no *.test.js files in ${dir}` });
      writeSummary();
      reject(new Error(`no integration tests found in ${dir}`));
      return;
    }
    let runner: Mocha.Runner;
    try {
      runner = mocha.run((failures) => {
        summary.failures = failures;
        summary.finished = true;
        delete summary.running;
        writeSummary();
        if (summary.failed.length > 0) {
          // The spec reporter printed the stacks above; this recap is what to look for in a long log.
          const log = Mocha.reporters.Base.consoleLog;
          log(`\n${summary.failed.length} integration test(s) failed:`);
          for (const f of summary.failed) log(`  x ${f.title}: ${f.error.split('\n')[0]}`);
        }
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
    } catch (e) {
      // e.g. a test file that throws while loading
      summary.failures = 1;
      summary.failed.push({ title: '(suite loader)', error: String((e as Error)?.stack ?? e) });
      writeSummary();
      reject(e);
      return;
    }
    runner.on('test', (t) => {
      summary.running = t.fullTitle();
      writeSummary();
    });
    runner.on('hook', (h) => {
      summary.running = h.fullTitle();
      writeSummary();
    });
    runner.on('pass', () => summary.passes++);
    runner.on('pending', () => summary.pending++);
    runner.on('fail', (t, err: unknown) => {
      const e = err as { stack?: string } | undefined;
      summary.failures++;
      summary.failed.push({ title: t.fullTitle(), error: String(e?.stack ?? err) });
    });
    runner.on('hook end', () => {
      delete summary.running;
    });
    runner.on('test end', () => {
      delete summary.running;
      writeSummary();
    });
  });
}

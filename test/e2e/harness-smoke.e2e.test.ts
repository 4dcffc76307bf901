// e2e smoke test of the test host itself: code-server (from `npm run setup:host`) runs, installs the
// packaged .vsix offline with its own CLI, and serves a workbench that headless Chromium loads with
// the workspace folder open, without any request leaving loopback.
import * as assert from 'node:assert/strict';
import * as h from '../support/harness';
import { EXTENSION_ID, lapper, openWorkbench, packageVersion, waitForExplorerItem, type Workbench, workbenchHooks } from './support';

describe('e2e harness smoke', function () {
  const lap = lapper();
  let wb: Workbench | undefined;

  before(async function () {
    wb = await openWorkbench({ files: { 'notes.txt': 'hello\n', 'sample.fasta': '>seq1\nACGU\n' }, log: lap });
  });

  workbenchHooks('harness-smoke', () => wb);

  it('runs the code-server version recorded by setup:host', async function () {
    const out = await h.codeServerCli(['--version']);
    const host = h.testHost();
    assert.match(out, new RegExp(`^${host.codeServerVersion.replace(/\./g, '\\.')} `, 'm'));
  });

  it('installed the packaged extension offline into its extensions dir', async function () {
    const out = await h.codeServerCli(['--extensions-dir', wb!.cs.extensionsDir, '--list-extensions', '--show-versions']);
    assert.ok(out.split('\n').includes(`${EXTENSION_ID}@${packageVersion()}`), `not listed:\n${out}`);
  });

  it('serves a workbench with the workspace folder open', async function () {
    await waitForExplorerItem(wb!.page, 'sample.fasta');
    await waitForExplorerItem(wb!.page, 'notes.txt');
  });

  it('made no request off loopback', function () {
    assert.deepEqual(wb!.external, []);
  });
});

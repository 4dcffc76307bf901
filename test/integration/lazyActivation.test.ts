// Integration test in a real VS Code host: activation is lazy and light. The extension and the
// language server bundles contain no TF.js, activating loads none into the extension host, no job
// process starts, and activate() -> language server running is measured (the extension logs it;
// bench/activation/run.ts collects it through BASEPAIR_BENCH_OUT). Never asserts a duration.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { descendants } from './processes';
import { waitFor } from './support';
import { limit } from '../support/timeLimits';

interface Api {
  ready: Promise<void>;
  activationMs(): number | undefined;
}

const TFJS = /@tensorflow|tfjs/;

function rssKb(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

suite('activation is lazy: no TF.js outside job and compute processes', function () {
  this.timeout(limit(120000));

  test('activation timing: opening a FASTA file activates the extension and starts the language server', async () => {
    const ext = vscode.extensions.getExtension('basepair.basepair')!;
    const wasActive = ext.isActive;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-lazy-'));
    try {
      const file = path.join(dir, 'first.fasta');
      fs.writeFileSync(file, '>first\nGGGAAACCCAUGCUAGCUAGCUAGCUAGGCAUCGAUCG\n');
      const t0 = performance.now();
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(file)));
      await waitFor('the extension to activate', () => ext.isActive, 60000);
      const openToActive = performance.now() - t0;
      const api = ext.exports as Api;
      await api.ready;
      const openToReady = performance.now() - t0;
      const activationMs = await waitFor('the activation time', () => api.activationMs(), 10000);
      const server = descendants(/dist\/server\.js/)[0];
      const result = {
        firstActivation: !wasActive,
        activationMs,
        openToActiveMs: Math.round(openToActive),
        openToServerReadyMs: Math.round(openToReady),
        serverRssKb: server ? rssKb(server.pid) : undefined,
        extensionHostRssKb: rssKb(process.pid),
        node: process.version,
        vscode: vscode.version,
      };
      console.log(`      activation: ${JSON.stringify(result)}`);
      const out = process.env.BASEPAIR_BENCH_OUT;
      if (out) fs.writeFileSync(out, JSON.stringify(result, null, 2));
      assert.ok(activationMs > 0);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the extension and language server bundles contain no TF.js; the job and compute processes run the one bundle that does', () => {
    const dist = path.join(vscode.extensions.getExtension('basepair.basepair')!.extensionPath, 'dist');
    for (const f of ['extension.js', 'server.js']) {
      const text = fs.readFileSync(path.join(dist, f), 'utf8');
      assert.ok(!TFJS.test(text), `${f} mentions TF.js: ${TFJS.exec(text)?.[0]}`);
    }
    assert.ok(TFJS.test(fs.readFileSync(path.join(dist, 'basepair.js'), 'utf8')), 'basepair.js has no TF.js');
    for (const [f, role] of [['job.js', 'job'], ['compute.js', 'compute'], ['gradientWorker.js', 'gradient-worker']]) {
      assert.equal(fs.readFileSync(path.join(dist, f!), 'utf8').match(/require\('\.\/basepair\.js'\)\.start\('([a-z-]+)'\)/)?.[1], role, `${f} starts the ${role} role of basepair.js`);
    }
  });

  test('the active extension host has loaded no TF.js module, and no job process runs', async () => {
    const ext = vscode.extensions.getExtension('basepair.basepair')!;
    await ((await ext.activate()) as Api).ready;
    const loaded = Object.keys(require.cache).filter((k) => TFJS.test(k));
    assert.deepEqual(loaded, []);
    assert.equal(descendants(/dist\/server\.js/).length, 1, 'one language server');
    assert.deepEqual(descendants(/dist\/job\.js/), [], 'a job process runs without a job');
  });
});

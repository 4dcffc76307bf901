// Integration tests of fault tolerance in a real VS Code host: SIGKILL of a training job mid-epoch
// (the job fails with the reason, the server and editor stay up, the model directory is the
// previous complete model or absent, never partial), of the compute process (a new one starts on
// the next request: hover and fold still work) and of the language server (the client restarts it,
// counted against its limit, and everything works again).
import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { descendants, isAlive } from './processes';
import { waitFor } from './support';
import { limit } from '../support/timeLimits';
import { MAX_RESTARTS, RESTART_WINDOW_MS } from '../../src/client/serverRestartPolicy';

type TrainingEvent =
  | { jobId: string; kind: 'started'; task: string; params: { out: string } }
  | { jobId: string; kind: 'progress'; task: string; progress: { phase: string } }
  | { jobId: string; kind: 'done' }
  | { jobId: string; kind: 'failed'; message: string; cancelled: boolean };

interface Api {
  ready: Promise<void>;
  onTrainingEvent(listener: (e: TrainingEvent) => void): vscode.Disposable;
  serverRestarts(): number;
}

const SERVER = /dist\/server\.js/;
const COMPUTE = /dist\/compute\.js/;
const JOB = /dist\/job\.js/;

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

/** A random 40-nt RNA: a fresh sequence misses the server's fold cache, so the compute process must answer. */
function randomRna(): string {
  return Array.from({ length: 40 }, () => 'ACGU'[crypto.randomInt(4)]).join('');
}

function digest(dir: string): string {
  const h = crypto.createHash('sha256');
  for (const f of fs.readdirSync(dir).sort()) h.update(f).update(fs.readFileSync(path.join(dir, f)));
  return h.digest('hex');
}

suite('faults: killed processes', function () {
  this.timeout(limit(240000));
  let dir: string;
  let models: string;
  let data: string;
  let api: Api;

  suiteSetup(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-faults-'));
    models = path.join(dir, 'models');
    const ext = vscode.extensions.getExtension('basepair.basepair')!;
    api = (await ext.activate()) as Api;
    await api.ready;
    await vscode.workspace.getConfiguration('basepair').update('models.folder', models, vscode.ConfigurationTarget.Global);
    const lines = fs.readFileSync(path.join(ext.extensionPath, 'examples/openvaccine/degradation.tsv'), 'utf8').split('\n');
    data = path.join(dir, 'ov200.tsv');
    fs.writeFileSync(data, lines.slice(0, 201).join('\n') + '\n');
  });

  suiteTeardown(async () => {
    // a test that failed with the server stopped must not take the later suites down with it
    if (descendants(SERVER).length === 0) await vscode.commands.executeCommand('basepair.restartServer');
    await vscode.workspace.getConfiguration('basepair').update('models.folder', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function openFasta(name: string, seq: string): Promise<vscode.TextDocument> {
    const file = path.join(dir, name);
    fs.writeFileSync(file, `>${name}\n${seq}\n`);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(doc);
    return doc;
  }

  /** A hover with the record line and its MFE (folded by the compute process). */
  async function hoverWithFold(name: string): Promise<string> {
    const doc = await openFasta(name, randomRna());
    return waitFor(`a hover with MFE on ${name}`, async () => {
      const t = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(1, 3)));
      return /\*\*MFE\*\*/.test(t) ? t : undefined;
    }, 60000);
  }

  /**
   * Starts training `name` for many epochs, SIGKILLs its job process once the first epoch is done
   * (so mid-epoch), and returns the command's result and the failed event.
   */
  async function trainAndKill(name: string): Promise<{ result: unknown; failed: TrainingEvent & { kind: 'failed' } }> {
    const out = path.join(models, name);
    let jobId: string | undefined;
    let epochs = 0;
    let failed: (TrainingEvent & { kind: 'failed' }) | undefined;
    const sub = api.onTrainingEvent((e) => {
      if (e.kind === 'started' && e.params.out === out) jobId = e.jobId;
      if (e.jobId !== jobId) return;
      if (e.kind === 'progress' && e.progress.phase === 'training') epochs++;
      if (e.kind === 'failed') failed = e;
    });
    try {
      const result = vscode.commands.executeCommand('basepair.trainRegressor', {
        data, arch: 'default', structure: 'given', folds: 1, epochs: 200, name,
      });
      await waitFor('the first epoch', () => epochs >= 1, 120000);
      const jobs = descendants(JOB);
      assert.equal(jobs.length, 1, `expected one job process, found ${JSON.stringify(jobs)}`);
      process.kill(jobs[0]!.pid, 'SIGKILL');
      const r = await result;
      const f = await waitFor('the failed event', () => failed, 10000);
      return { result: r, failed: f };
    } finally {
      sub.dispose();
    }
  }

  test('SIGKILL of a training job mid-epoch: the job fails with the reason, no model directory is left', async () => {
    const { result, failed } = await trainAndKill('killed-new');
    assert.equal(result, undefined);
    assert.equal(failed.cancelled, false);
    assert.match(failed.message, /job process ended unexpectedly \(SIGKILL\)/);
    assert.ok(!fs.existsSync(path.join(models, 'killed-new')), 'a model directory was left');
    assert.deepEqual(fs.existsSync(models) ? fs.readdirSync(models) : [], [], 'temporary directories were left');
    // the server and its compute process still answer
    assert.match(await hoverWithFold('after-job-kill.fasta'), /\*\*MFE\*\*/);
  });

  test('SIGKILL of a job retraining an existing model: the previous complete model stays as it was', async () => {
    const report = await vscode.commands.executeCommand<{ modelDir: string } | undefined>('basepair.trainRegressor', {
      data, arch: 'default', structure: 'given', folds: 1, epochs: 2, name: 'kept',
    });
    assert.ok(report, 'the first training failed');
    const before = digest(report.modelDir);
    const { result, failed } = await trainAndKill('kept');
    assert.equal(result, undefined);
    assert.match(failed.message, /SIGKILL/);
    assert.deepEqual(fs.readdirSync(models), ['kept'], 'temporary directories were left');
    assert.deepEqual(fs.readdirSync(report.modelDir).sort(), ['card.json', 'model.json', 'weights.bin']);
    assert.equal(digest(report.modelDir), before, 'the previous model changed');
  });

  test('SIGKILL of a pair-model training job: it fails, and leaves no model directory and no temporary directory', async function () {
    if (!(await vscode.commands.getCommands(true)).includes('basepair.trainPairModel')) this.skip();
    const ext = vscode.extensions.getExtension('basepair.basepair')!;
    // killed once the classifier trains (its first progress event), not after a fixed delay
    let training = false;
    const sub = api.onTrainingEvent((e) => {
      if (e.kind === 'progress' && e.task === 'pairs' && e.progress.phase === 'classifier') training = true;
    });
    try {
      const result = vscode.commands.executeCommand('basepair.trainPairModel', {
        data: path.join(ext.extensionPath, 'examples/pairs/revcomp.tsv'), name: 'pairs-killed', epochs: 200,
      });
      await waitFor('the pair classifier to train', () => training, 120000);
      const jobs = descendants(JOB);
      assert.equal(jobs.length, 1, `expected one job process, found ${JSON.stringify(jobs)}`);
      process.kill(jobs[0]!.pid, 'SIGKILL');
      assert.equal(await result, undefined);
    } finally {
      sub.dispose();
    }
    assert.ok(!fs.existsSync(path.join(models, 'pairs-killed')), 'a model directory was left');
    assert.deepEqual(fs.readdirSync(models).filter((n) => n.startsWith('.')), [], 'temporary directories were left');
  });

  test('SIGKILL of the compute process: a new one starts on the next request, hover and fold work', async () => {
    await hoverWithFold('warm.fasta');
    const [old] = descendants(COMPUTE);
    assert.ok(old, 'no compute process found');
    process.kill(old.pid, 'SIGKILL');
    await waitFor('the compute process to end', () => !isAlive(old.pid));
    assert.match(await hoverWithFold('after-compute-kill.fasta'), /\*\*MFE\*\*/);
    const now = descendants(COMPUTE);
    assert.equal(now.length, 1);
    assert.notEqual(now[0]!.pid, old.pid);
    await openFasta('fold-after-kill.fasta', randomRna());
    const folded = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('basepair.foldSequences');
    assert.ok(folded, 'fold returned nothing');
    assert.equal(folded.languageId, 'dot-bracket');
    assert.match(folded.getText(), /^[.()]{40} \(\s*-?\d+\.\d\d\)$/m);
  });

  test('SIGKILL of the language server: the client restarts it (counted against its limit), features work again', async () => {
    const servers = descendants(SERVER);
    assert.equal(servers.length, 1, `expected one language server, found ${JSON.stringify(servers)}`);
    const old = servers[0]!;
    const oldCompute = descendants(COMPUTE, old.pid);
    const restarts = api.serverRestarts();
    process.kill(old.pid, 'SIGKILL');
    await waitFor('the automatic restart', () => api.serverRestarts() === restarts + 1, 30000);
    const fresh = await waitFor('a new language server', () => descendants(SERVER).find((p) => p.pid !== old.pid), 30000);
    assert.ok(fresh);
    assert.match(await hoverWithFold('after-server-kill.fasta'), /\*\*MFE\*\*/);
    // the dead server's compute process ended with it (no orphans)
    for (const c of oldCompute) await waitFor(`old compute process ${c.pid} to end`, () => !isAlive(c.pid), 10000);
    // training works after the restart too (the training panel's events are wired to the new server)
    const events: string[] = [];
    const sub = api.onTrainingEvent((e) => events.push(e.kind));
    try {
      const report = await vscode.commands.executeCommand<{ modelDir: string } | undefined>('basepair.trainRegressor', {
        data, arch: 'default', structure: 'given', folds: 1, epochs: 1, name: 'after-restart',
      });
      assert.ok(report, 'training after the restart failed');
      assert.ok(events.includes('started') && events.includes('done'), `training events after the restart: ${events.join(', ')}`);
    } finally {
      sub.dispose();
    }
  });

  test('a language server that keeps dying is restarted at most 5 times in 3 minutes, then "Restart Language Server" brings it back', async function () {
    this.timeout(limit(180000));
    // a manual restart starts a new window, so the earlier tests' kills do not count
    await vscode.commands.executeCommand('basepair.restartServer');
    assert.equal(api.serverRestarts(), 0);
    await hoverWithFold('restart-start.fasta');
    const kills: number[] = [];
    for (let k = 0; k < 10; k++) {
      const [server] = descendants(SERVER);
      if (!server) break;
      const before = api.serverRestarts();
      kills.push(Date.now());
      process.kill(server.pid, 'SIGKILL');
      await waitFor(`server ${server.pid} to end`, () => !isAlive(server.pid), 10000);
      // the close handler runs as soon as the IPC channel closes: no count increase = refused
      const restarted = await waitFor('a restart', () => api.serverRestarts() > before, 10000).then(() => true, () => false);
      if (!restarted) break;
      // wait until the restarted server is ready before killing it again
      await hoverWithFold(`restart-${k}.fasta`);
    }
    // the policy counts the stops of the last 3 minutes: when all six kills fell inside one window
    // (always, unless the machine is very slow), exactly 5 were restarted and the sixth was refused
    const span = kills[kills.length - 1]! - kills[0]!;
    if (span < RESTART_WINDOW_MS - 10000) assert.equal(api.serverRestarts(), MAX_RESTARTS, `restarts within the window (kills over ${span} ms)`);
    else assert.ok(api.serverRestarts() >= MAX_RESTARTS && api.serverRestarts() < kills.length, `restarts ${api.serverRestarts()} for ${kills.length} kills over ${span} ms`);
    assert.deepEqual(descendants(SERVER), [], 'the server was restarted past the limit');
    await vscode.commands.executeCommand('basepair.restartServer');
    assert.equal(descendants(SERVER).length, 1, JSON.stringify(descendants(SERVER)));
    assert.equal(api.serverRestarts(), 0, 'a manual restart starts a new window');
    assert.match(await hoverWithFold('after-manual-restart.fasta'), /\*\*MFE\*\*/);
  });
});

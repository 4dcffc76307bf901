// Integration test in a real VS Code host: "Basepair: Train Regressor" trains in a job process and
// writes a model directory, the training panel opens, hovers are answered while a model trains (the
// job is its own process: a hover comes back even while the job process is stopped), the trained model
// becomes active (status bar, hover prediction) and "Basepair: Predict" predicts the records of an
// open file. Asserts no durations: the hover latencies are written to $BASEPAIR_BENCH_OUT for
// bench/hover-while-training/run.ts.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { descendants } from './processes';
import { waitFor } from './support';
import { limit } from '../support/timeLimits';

type TrainingEvent =
  | { jobId: string; kind: 'started'; params: { out: string } }
  | { jobId: string; kind: 'progress'; progress: { phase: string } }
  | { jobId: string; kind: 'done' | 'failed' };

const SERVER = /dist\/server\.js/;
const COMPUTE = /dist\/compute\.js/;
const JOB = /dist\/job\.js/;

interface Api {
  ready: Promise<void>;
  onTrainingEvent(listener: (e: TrainingEvent) => void): vscode.Disposable;
  trainingPanel(): unknown;
  activeModel(): { active?: { dir: string; name: string; targetName: string } };
}

interface Report {
  modelDir: string;
  name: string;
  sizes: { train: number; valid: number; test: number };
  verdict: { kind: string; headline: string };
  metrics: { test?: { spearman: number } };
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

/** The first `n` rows of the bundled OpenVaccine example. */
function sample(n: number, to: string): string {
  const ext = vscode.extensions.getExtension('basepair.basepair')!;
  const lines = fs.readFileSync(path.join(ext.extensionPath, 'examples/openvaccine/degradation.tsv'), 'utf8').split('\n');
  fs.writeFileSync(to, lines.slice(0, n + 1).join('\n') + '\n');
  return to;
}

suite('training a regressor in the editor', function () {
  this.timeout(limit(240000));
  let dir: string;
  let api: Api;
  let report: Report | undefined;

  suiteSetup(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-training-'));
    const ext = vscode.extensions.getExtension('basepair.basepair')!;
    api = (await ext.activate()) as Api;
    await api.ready;
    await vscode.workspace.getConfiguration('basepair').update('models.folder', path.join(dir, 'models'), vscode.ConfigurationTarget.Global);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('basepair.selectActiveModel', null).then(undefined, () => undefined);
    await vscode.workspace.getConfiguration('basepair').update('models.folder', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('hovers are answered while a model trains, even with the job process stopped, and training writes a complete model directory', async () => {
    const data = sample(300, path.join(dir, 'ov300.tsv'));
    const fasta = path.join(dir, 'hover.fasta');
    fs.writeFileSync(fasta, '>r1\nGGAAAGUACGACUUGAGUACGGAAAACGUACCAACUCGAUUAAAAUGG\n');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(fasta));
    await vscode.window.showTextDocument(doc);
    const out = path.join(dir, 'models', 'ov300');
    let jobId: string | undefined;
    let epochs = 0;
    const sub = api.onTrainingEvent((e) => {
      if (e.kind === 'started' && e.params.out === out) jobId = e.jobId;
      if (e.jobId === jobId && e.kind === 'progress' && e.progress.phase === 'training') epochs++;
    });
    let finished = false;
    const training = vscode.commands.executeCommand<Report | undefined>('basepair.trainRegressor', {
      data, arch: 'default', structure: 'given', folds: 1, name: 'ov300',
    }).then((r) => {
      finished = true;
      return r;
    });
    const hover = async () => hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(1, 4)));
    try {
      await waitFor('the training panel', () => api.trainingPanel() ?? undefined, 30000);
      await waitFor('the first epoch', () => epochs >= 1, 120000);
      // the job trains in its own process, apart from the language server and its compute process
      const jobs = descendants(JOB);
      assert.equal(jobs.length, 1, `expected one job process, found ${JSON.stringify(jobs)}`);
      const job = jobs[0]!;
      const others = [...descendants(SERVER), ...descendants(COMPUTE)].map((p) => p.pid);
      assert.ok(others.length >= 1 && !others.includes(job.pid), `job ${job.pid} vs server/compute ${others.join(', ')}`);
      // with the job process stopped, training cannot advance: a hover that waited for it would
      // never come back
      process.kill(job.pid, 'SIGSTOP');
      try {
        const epochsBefore = epochs;
        assert.match(await hover(), /\*\*r1\*\* · 48 nt · RNA/);
        assert.equal(epochs, epochsBefore, 'the stopped job reported an epoch');
        assert.ok(!finished, 'training ended while its process was stopped');
      } finally {
        process.kill(job.pid, 'SIGCONT');
      }
      // and while it trains (the latencies are for the bench, not asserted)
      const latencies: number[] = [];
      for (let k = 0; k < 3; k++) {
        const t0 = Date.now();
        assert.match(await hover(), /\*\*r1\*\* · 48 nt · RNA/);
        latencies.push(Date.now() - t0);
        await new Promise((r) => setTimeout(r, 300));
      }
      const bench = process.env.BASEPAIR_BENCH_OUT;
      if (bench) fs.writeFileSync(bench, JSON.stringify({ hoverLatenciesMs: latencies, trainingStillRunning: !finished, loadavg: os.loadavg() }, null, 2));
    } finally {
      sub.dispose();
    }
    report = await training;
    assert.ok(report, 'no report');
    assert.equal(report.name, 'ov300');
    assert.deepEqual(fs.readdirSync(report.modelDir).sort(), ['card.json', 'model.json', 'weights.bin']);
    const card = JSON.parse(fs.readFileSync(path.join(report.modelDir, 'card.json'), 'utf8'));
    assert.equal(card.targetName, 'target');
    assert.equal(card.structureSource, 'given');
    assert.equal(report.sizes.train + report.sizes.valid + report.sizes.test, 300);
    assert.ok(['learns', 'no better than baseline', 'no signal'].includes(report.verdict.kind));
    // nothing but the model directory in the models folder (no temp dirs left)
    assert.deepEqual(fs.readdirSync(path.join(dir, 'models')), ['ov300']);
  });

  test('the trained model becomes active: hover shows its prediction, Predict gives one value per record', async () => {
    assert.ok(report, 'needs the model of the previous test');
    await vscode.commands.executeCommand('basepair.selectActiveModel', report.modelDir);
    assert.equal(api.activeModel().active?.name, 'ov300');
    const fasta = path.join(dir, 'predict.fasta');
    fs.writeFileSync(fasta, '>a\nGGAAAGUACGACUUGAGUACGGAAAACGUACCAACUCGAUUAAAAUGG\n>b\nGGAAACGGGUUCCGCGGAUUGCUGCUAAUAAGAGUAAUCUCUAAAUG\n');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(fasta));
    await vscode.window.showTextDocument(doc);
    const text = await waitFor('a hover with a prediction', async () => {
      const t = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(1, 2)));
      return /predicted target/.test(t) ? t : undefined;
    });
    assert.match(text, /predicted target: \*\*-?\d+\.\d{3}\*\* \(model ov300\)/);
    const result = await vscode.commands.executeCommand<{ rows: { id: string; line: number; prediction: number }[] }>('basepair.predict', 'tsv');
    assert.deepEqual(result.rows.map((r) => [r.id, r.line]), [['a', 1], ['b', 3]]);
    for (const r of result.rows) assert.ok(Number.isFinite(r.prediction));
    const tsv = vscode.window.activeTextEditor!.document.getText().split('\n');
    assert.equal(tsv[0], 'id\tline\ttarget');
    assert.equal(tsv[1].split('\t')[0], 'a');
  });

  test('bad data fails the job with the file and line, and writes nothing', async () => {
    const bad = path.join(dir, 'bad.tsv');
    fs.writeFileSync(bad, 'id\tsequence\ttarget\nx1\tACGU\t0.5\nx2\tACXU\t0.7\n');
    const r = await vscode.commands.executeCommand<Report | undefined>('basepair.trainRegressor', {
      data: bad, arch: 'default', structure: 'mfe', folds: 1, name: 'bad',
    });
    assert.equal(r, undefined);
    assert.ok(!fs.existsSync(path.join(dir, 'models', 'bad')));
  });
});

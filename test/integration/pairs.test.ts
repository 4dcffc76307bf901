// Integration test in a real VS Code host for issue 5's front end: "Basepair: Show Pairs Panel" on
// a pairs file (the webview draws it; an HTML-looking id stays data), "open as document" from the
// panel, a file without seq_a/seq_b refused, then "Basepair: Train Pair Model" on a synthetic
// reverse-complement task (classifier metrics beside baselines, a model directory with card.json
// task 'pairs', its training events for the training panel) and "Basepair: Generate Pairs" in sample and design mode, shown in the panel, with
// the design constraints holding in every pair. The last three need the server's pair handlers.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BasepairApi } from '../../src/client/extension';
import type { GenerationSummary, PairTrainingSummary, TrainingEvent } from '../../src/protocol/editor';
import { generatePairTask } from '../../src/core/synthetic/pairTask';
import type { PairSet } from '../../webview/pairs/messages';
import { waitFor } from './support';
import { limit } from '../support/timeLimits';

const XSS_ID = '<img src=x onerror=alert(1)>';

function api(): BasepairApi {
  const ext = vscode.extensions.getExtension<BasepairApi>('basepair.basepair');
  assert.ok(ext?.isActive, 'the extension is not active');
  return ext.exports;
}

function fixture(name: string): string {
  const ext = vscode.extensions.getExtension('basepair.basepair')!;
  return path.join(ext.extensionPath, 'test', 'fixtures', 'pairs', name);
}

function longestRun(s: string): number {
  let best = 0;
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    run = i > 0 && s[i] === s[i - 1] ? run + 1 : 1;
    best = Math.max(best, run);
  }
  return best;
}

const gc = (s: string) => [...s].filter((c) => c === 'G' || c === 'C').length / s.length;

async function rendered(rows: number): Promise<void> {
  await waitFor(`the pairs panel to draw ${rows} pairs`, () => api().pairsPanel()?.rendered?.rows === rows, 30000);
}

suite('pairs: panel and commands', function () {
  this.timeout(limit(300000));
  let dir: string;
  let model: PairTrainingSummary | undefined;

  suiteSetup(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-pairs-'));
    const ext = vscode.extensions.getExtension<BasepairApi>('basepair.basepair')!;
    await (await ext.activate()).ready;
    await vscode.workspace.getConfiguration('basepair').update('models.folder', path.join(dir, 'models'), vscode.ConfigurationTarget.Global);
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('basepair').update('models.folder', undefined, vscode.ConfigurationTarget.Global);
    api().pairsPanel()?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('Show Pairs Panel shows the pairs of the open TSV, ids as given', async () => {
    const file = path.join(dir, 'pairs-panel.tsv');
    fs.copyFileSync(fixture('pairs-panel.tsv'), file);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(file)));
    const set = await vscode.commands.executeCommand<PairSet | undefined>('basepair.showPairs');
    assert.ok(set, 'no pair set');
    assert.equal(set.title, 'pairs-panel.tsv');
    assert.deepEqual(set.rows.map((r) => r.id), [XSS_ID, 'mir-1/site-a', 'mir-1/site-b', 'wobble', 'short-b']);
    await rendered(5);
    assert.equal(api().pairsPanel()?.rendered?.shown, 5);
  });

  test('"Open as document" opens the pairs shown as TSV', async () => {
    const panel = api().pairsPanel();
    assert.ok(panel);
    panel.requestAction('openDocument');
    const doc = await waitFor('an untitled TSV document', () => {
      const d = vscode.window.activeTextEditor?.document;
      return d?.isUntitled && d.getText().startsWith('id\tseq_a') ? d : undefined;
    });
    const lines = doc.getText().trimEnd().split('\n');
    assert.equal(lines[0], 'id\tseq_a\tseq_b\tscore\tgc_a\tgc_b\tlabel');
    assert.equal(lines[1], `${XSS_ID}\tACGUACGUACGU\tACGUACGUACGU\t0.42\t0.5\t0.5\t1`);
    assert.equal(lines.length, 6);
    // and that document can be shown in the panel again
    const again = await vscode.commands.executeCommand<PairSet | undefined>('basepair.showPairs');
    assert.equal(again?.rows.length, 5);
  });

  test('a file without seq_a / seq_b is refused (nothing shown)', async () => {
    const bad = path.join(dir, 'not-pairs.tsv');
    fs.writeFileSync(bad, 'id\tsequence\ttarget\nx\tACGU\t1\n');
    const set = await vscode.commands.executeCommand<PairSet | undefined>('basepair.showPairs', bad);
    assert.equal(set, undefined);
  });

  test('Train Pair Model trains a classifier and reports it beside the baselines', async () => {
    const records = generatePairTask({ positives: 300, negatives: 300, seed: 7, length: 26 });
    const data = path.join(dir, 'rc26.tsv');
    fs.writeFileSync(data, ['id\tseq_a\tseq_b\tlabel', ...records.map((r) => `${r.id}\t${r.a}\t${r.b}\t${r.label}`)].join('\n') + '\n');
    const events: TrainingEvent[] = [];
    const sub = api().onTrainingEvent((e) => events.push(e));
    try {
      model = await vscode.commands.executeCommand<PairTrainingSummary | undefined>('basepair.trainPairModel', { data, name: 'rc26', epochs: 5, seed: 1 });
    } finally {
      sub.dispose();
    }
    assert.ok(model, 'training failed (see the Basepair output)');
    // the training panel's events: started, an epoch end per classifier and generator epoch, done
    const job = events.filter((e) => e.jobId === events.find((x) => x.kind === 'started' && x.params.out === model!.modelDir)?.jobId);
    assert.deepEqual([job[0]?.kind, job[0]?.kind === 'started' && job[0].task, job[job.length - 1]?.kind], ['started', 'pairs', 'done']);
    const epochEnds = (phase: string) =>
      job.filter((e) => e.kind === 'progress' && e.task === 'pairs' && e.progress.phase === phase && 'trainLoss' in e.progress).length;
    const done = job[job.length - 1];
    assert.ok(done?.kind === 'done' && done.task === 'pairs');
    assert.equal(epochEnds('classifier'), model.epochsRun);
    assert.equal(done.report.history.length, model.epochsRun);
    assert.ok(done.report.generator, 'no generator in the done event');
    assert.equal(epochEnds('generator'), done.report.generator.epochsRun);
    assert.equal(model.name, 'rc26');
    assert.equal(model.sizes.train + model.sizes.valid + model.sizes.test, 600);
    assert.ok(model.test.auroc >= 0 && model.test.auroc <= 1);
    assert.ok(model.baselines.length > 0);
    const card = JSON.parse(fs.readFileSync(path.join(model.modelDir, 'card.json'), 'utf8')) as { task: string };
    assert.equal(card.task, 'pairs');
  });

  test('Generate Pairs (sample) shows the generated pairs in the panel', async () => {
    assert.ok(model, 'needs the model of the previous test');
    const s = await vscode.commands.executeCommand<GenerationSummary | undefined>('basepair.generatePairs', { modelDir: model.modelDir, count: 100, mode: 'sample', seed: 3 });
    assert.ok(s, 'generation failed (see the Basepair output)');
    assert.equal(s.mode, 'sample');
    assert.ok(s.pairs.length > 0 && s.pairs.length <= 100);
    assert.ok(s.drawn >= s.pairs.length);
    for (const v of [s.metrics.validity, s.metrics.uniqueness, s.metrics.novelty]) assert.ok(v >= 0 && v <= 1);
    for (const p of s.pairs) assert.ok(p.score >= s.threshold, `${p.id} scored ${p.score} < threshold ${s.threshold}`);
    await rendered(s.pairs.length);
    assert.equal(api().pairsPanel()?.shownSet?.source.kind, 'generation');
  });

  test('Generate Pairs (design) keeps the GC range and the homopolymer limit in every pair', async () => {
    assert.ok(model, 'needs the model of the training test');
    const s = await vscode.commands.executeCommand<GenerationSummary | undefined>('basepair.generatePairs', {
      modelDir: model.modelDir, count: 50, mode: 'design', gc: [0.4, 0.6], maxHomopolymer: 3, seed: 5,
    });
    assert.ok(s, 'generation failed (see the Basepair output)');
    assert.ok(s.pairs.length > 0);
    for (const p of s.pairs) {
      for (const seq of [p.a, p.b]) {
        assert.ok(gc(seq) >= 0.4 - 1e-9 && gc(seq) <= 0.6 + 1e-9, `${p.id}: GC ${gc(seq)} of ${seq}`);
        assert.ok(longestRun(seq) <= 3, `${p.id}: homopolymer in ${seq}`);
      }
    }
    await rendered(s.pairs.length);
  });
});

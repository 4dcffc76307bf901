// Integration test of concurrency in a real VS Code host: two training jobs at once, while hovers
// (folded by the compute process) and a "Fold Sequences" run, all complete correctly: both model
// directories complete and distinct, every hover with its MFE, every record folded.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { descendants } from './processes';
import { waitFor } from './support';
import { limit } from '../support/timeLimits';

interface Report {
  modelDir: string;
  name: string;
  sizes: { train: number; valid: number; test: number };
}

interface Api {
  ready: Promise<void>;
  onTrainingEvent(listener: (e: { jobId: string; kind: string; progress?: { phase: string } }) => void): vscode.Disposable;
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

suite('concurrency: two training jobs, hovers and a fold at once', function () {
  this.timeout(limit(300000));
  let dir: string;
  let models: string;
  let api: Api;

  suiteSetup(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-concurrency-'));
    models = path.join(dir, 'models');
    const ext = vscode.extensions.getExtension('basepair.basepair')!;
    api = (await ext.activate()) as Api;
    await api.ready;
    await vscode.workspace.getConfiguration('basepair').update('models.folder', models, vscode.ConfigurationTarget.Global);
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('basepair').update('models.folder', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('all of them complete correctly', async () => {
    const ext = vscode.extensions.getExtension('basepair.basepair')!;
    const lines = fs.readFileSync(path.join(ext.extensionPath, 'examples/openvaccine/degradation.tsv'), 'utf8').split('\n');
    const dataA = path.join(dir, 'a.tsv');
    const dataB = path.join(dir, 'b.tsv');
    fs.writeFileSync(dataA, lines.slice(0, 151).join('\n') + '\n');
    fs.writeFileSync(dataB, [lines[0], ...lines.slice(151, 301)].join('\n') + '\n');
    // 8 records of 60-90 nt for hovers and the fold
    const records = lines.slice(301, 309).map((l, i) => {
      const [id, seq] = l.split('\t');
      return { id: `r${i}-${id}`, seq: seq!.slice(0, 60 + 4 * i) };
    });
    const fasta = path.join(dir, 'many.fasta');
    fs.writeFileSync(fasta, records.map((r) => `>${r.id}\n${r.seq}\n`).join(''));
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(fasta));
    await vscode.window.showTextDocument(doc);

    let trainingEpochs = 0;
    const sub = api.onTrainingEvent((e) => {
      if (e.kind === 'progress' && e.progress?.phase === 'training') trainingEpochs++;
    });
    try {
      const a = vscode.commands.executeCommand<Report | undefined>('basepair.trainRegressor', { data: dataA, arch: 'default', structure: 'given', folds: 1, epochs: 3, name: 'job-a' });
      const b = vscode.commands.executeCommand<Report | undefined>('basepair.trainRegressor', { data: dataB, arch: 'sequence-only', structure: 'given', folds: 1, epochs: 3, name: 'job-b' });
      // both job processes run at the same time
      await waitFor('two job processes', () => descendants(/dist\/job\.js/).length === 2, 60000);
      await waitFor('training to be under way', () => trainingEpochs >= 1, 120000);
      // hovers on every record while both train, each folded (MFE) by the compute process
      for (let i = 0; i < records.length; i++) {
        const text = await waitFor(`hover on ${records[i]!.id}`, async () => {
          const t = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(2 * i + 1, 2)));
          return /\*\*MFE\*\*/.test(t) ? t : undefined;
        }, 60000);
        assert.match(text, new RegExp(`${records[i]!.seq.length} nt`));
      }
      await vscode.window.showTextDocument(doc);
      const folded = vscode.commands.executeCommand<vscode.TextDocument | undefined>('basepair.foldSequences');
      const [ra, rb, fd] = await Promise.all([a, b, folded]);
      assert.ok(ra && rb, 'a training job failed');
      assert.deepEqual([ra.name, rb.name], ['job-a', 'job-b']);
      for (const r of [ra, rb]) {
        assert.deepEqual(fs.readdirSync(r.modelDir).sort(), ['card.json', 'model.json', 'weights.bin']);
        assert.equal(r.sizes.train + r.sizes.valid + r.sizes.test, 150);
      }
      const cards = [ra, rb].map((r) => JSON.parse(fs.readFileSync(path.join(r.modelDir, 'card.json'), 'utf8')) as { architecture: { name: string } });
      assert.deepEqual(cards.map((c) => c.architecture.name), ['default', 'sequence-only']);
      assert.deepEqual(fs.readdirSync(models).sort(), ['job-a', 'job-b']);
      assert.ok(fd, 'the fold returned nothing');
      const structures = fd.getText().split('\n').filter((l) => /^[.()]+ \(\s*-?\d+\.\d\d\)$/.test(l));
      assert.equal(structures.length, records.length);
      records.forEach((r, i) => assert.equal(structures[i]!.indexOf(' '), r.seq.length));
    } finally {
      sub.dispose();
    }
  });
});

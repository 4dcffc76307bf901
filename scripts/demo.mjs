// `npm run demo`: the main jobs on the bundled examples with the `basepair` CLI: summarise and lint
// the sequence files, fold them as RNAfold would, then train the RNA regressor on the OpenVaccine
// degradation set (examples/openvaccine) and print its metrics beside the baselines, with the
// verdict; predict a few records with the trained model; then train the pair classifier + generator on
// the synthetic reverse-complement task (examples/pairs) and print the generator's report.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'dist/cli.js');
const examples = fs
  .readdirSync(path.join(root, 'examples'))
  .filter((f) => /\.(fa|fasta|fna|ffn|frn|fas|seq|db|dbn|vienna)$/.test(f))
  .sort()
  .map((f) => path.join('examples', f));

function run(title, args) {
  console.log(`\n=== ${title}\n$ basepair ${args.join(' ')}`);
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });
  return r.status ?? 1;
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'basepair-demo-'));
try {
  run('Summary of each example file', ['stats', ...examples]);
  const lintStatus = run('Problems found by the linter (examples/problems.fasta has deliberate mistakes)', ['lint', ...examples]);
  console.log(`(lint exit status ${lintStatus}: 1 = errors found, as expected for problems.fasta)`);
  run('Fold the structures file as RNAfold -p would (MFE, ensemble, centroid, MEA)', ['fold', '--pf', '--mea', 'examples/structures.dbn']);
  const model = path.join(work, 'openvaccine-default');
  const trained = run('Train the regressor on OpenVaccine degradation (3,122 RNAs, split column: train/valid/test)', [
    'train', 'regressor', 'examples/openvaccine/degradation.tsv', '--out', model, '--seed', '1',
  ]);
  if (trained !== 0) process.exitCode = trained;
  else {
    const few = path.join(work, 'few.tsv');
    const lines = fs.readFileSync(path.join(root, 'examples/openvaccine/degradation.tsv'), 'utf8').split('\n');
    fs.writeFileSync(few, ['id\tsequence\tstructure', ...lines.slice(1, 6).map((l) => l.split('\t').slice(0, 3).join('\t'))].join('\n') + '\n');
    run('Predict five records with the trained model', ['predict', model, few]);
  }
  const pairModel = path.join(work, 'revcomp-pairs');
  const pairsTrained = run('Train the pair classifier + generator on the synthetic reverse-complement task (examples/pairs/revcomp.tsv: 2,000 pairs, 26 nt, <= 2 mismatches)', [
    'train', 'pairs', 'examples/pairs/revcomp.tsv', '--out', pairModel, '--seed', '1', '--epochs', '6', '--generator-epochs', '5', '--revcomp-rule', '2',
  ]);
  if (pairsTrained !== 0) process.exitCode = pairsTrained;
  else {
    console.log('\n=== Generate 500 pairs (sample mode, every pair scored by the classifier); the report is on stderr, the first pairs below');
    console.log(`$ basepair generate ${pairModel} -n 500 --seed 1 --temperature 0.8`);
    const g = spawnSync(process.execPath, [cli, 'generate', pairModel, '-n', '500', '--seed', '1', '--temperature', '0.8'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
    console.log(g.stdout.split('\n').slice(0, 6).join('\n'));
    if (g.status !== 0) process.exitCode = g.status ?? 1;
  }
  console.log('\nOpen the examples in VS Code with the Basepair extension for the same checks, hovers, folding, the structure panel and training with live curves.');
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

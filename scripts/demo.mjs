// `npm run demo`: the main jobs on the bundled examples with the `basepair` CLI: summarise and lint
// the sequence files, fold them as RNAfold would, then train the RNA regressor on the OpenVaccine
// degradation set (examples/openvaccine) and print its metrics beside the baselines, with the
// verdict; predict the held-out records with the trained model; then train the pair classifier +
// generator on the synthetic reverse-complement task (examples/pairs) and print the generator's report.
// The models stay in .basepair/models/ of the clone (ignored by git; the editor's default models
// folder, so Select Active Model lists them), and the demo ends with the commands that use them.
// A rerun replaces only those two model directories.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'dist/cli.js');
const examples = fs
  .readdirSync(path.join(root, 'examples'))
  .filter((f) => /\.(fa|fasta|fna|ffn|frn|fas|seq|db|dbn|vienna)$/.test(f))
  .sort()
  .map((f) => path.join('examples', f));
const models = path.join('.basepair', 'models');
const regressor = path.join(models, 'openvaccine-demo');
const pairModel = path.join(models, 'revcomp-demo');
const heldOut = 'examples/openvaccine/held-out.fasta';

function run(title, args) {
  console.log(`\n=== ${title}\n$ basepair ${args.join(' ')}`);
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });
  return r.status ?? 1;
}

fs.mkdirSync(path.join(root, models), { recursive: true });
run('Summary of each example file', ['stats', ...examples]);
const lintStatus = run('Problems found by the linter (examples/problems.fasta has deliberate mistakes)', ['lint', ...examples]);
console.log(`(lint exit status ${lintStatus}: 1 = errors found, as expected for problems.fasta)`);
run('Fold the structures file as RNAfold -p would (MFE, ensemble, centroid, MEA)', ['fold', '--pf', '--mea', 'examples/structures.dbn']);
const trained = run('Train the regressor on OpenVaccine degradation (3,122 RNAs, split column: train/valid/test)', [
  'train', 'regressor', 'examples/openvaccine/degradation.tsv', '--out', regressor, '--seed', '1',
]);
if (trained !== 0) process.exitCode = trained;
else run(`Predict the held-out records (${heldOut}: test-split RNAs, measured values in the headers)`, ['predict', regressor, heldOut]);
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
if (trained === 0 || pairsTrained === 0) {
  console.log(`\n=== The trained models are in ${models}/ (kept; a rerun of the demo replaces them). Use them:`);
  if (trained === 0) console.log(`  npx basepair predict ${regressor} ${heldOut}          # or any FASTA / TSV of RNAs`);
  if (pairsTrained === 0) console.log(`  npx basepair generate ${pairModel} -n 20 --seed 2`);
  console.log(`  code .        # open this folder in VS Code with the extension (npm run package, then install the .vsix);`);
  console.log(`                # "Basepair: Select Active Model" lists ${path.basename(regressor)}: hover a record of ${heldOut} for its prediction`);
}

// `npm run demo`: the main job on the bundled examples. For now: lint every example file and
// summarise it with the `basepair` CLI (later steps fold, train and generate).
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

function run(title, args) {
  console.log(`\n=== ${title}\n$ basepair ${args.join(' ')}`);
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });
  return r.status ?? 1;
}

run('Summary of each example file', ['stats', ...examples]);
const lintStatus = run('Problems found by the linter (examples/problems.fasta has deliberate mistakes)', ['lint', ...examples]);
console.log(
  `\nlint exit status ${lintStatus} (1 = errors found, as expected for problems.fasta).` +
    '\nOpen these files in VS Code with the Basepair extension to see the same problems, hovers and quick fixes.',
);

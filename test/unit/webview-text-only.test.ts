// Every panel inserts user strings (ids, headers, sequences, file and model names) as text: no
// webview code may use an HTML sink. The UI tests check hostile ids in the structure and pairs panels
// end to end; this check covers every panel's code, including the training panel's, as it changes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const SINKS = [/\.innerHTML\b/, /\.outerHTML\b/, /insertAdjacentHTML/, /document\.write/, /\.html\(/, /createContextualFragment/, /DOMParser/];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('webviews: user strings as text', () => {
  const files = sourceFiles(path.join(ROOT, 'webview'));

  it('finds the code of every panel', () => {
    const panels = new Set(files.map((f) => path.relative(path.join(ROOT, 'webview'), f).split(path.sep)[0]));
    for (const panel of ['structure', 'training', 'pairs', 'shared']) assert.ok(panels.has(panel), `webview/${panel}`);
  });

  it('no panel uses an HTML sink (innerHTML, outerHTML, insertAdjacentHTML, document.write, d3 .html())', () => {
    const hits: string[] = [];
    for (const file of files) {
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (SINKS.some((re) => re.test(line))) hits.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    assert.deepEqual(hits, []);
  });
});

// A document with 100,000 records (what a 50 MB file can hold; VS Code does not sync larger files to
// the server): outline, folding ranges, code lenses and diagnostics are all capped, and the outline
// says how many records it leaves out.
import * as assert from 'node:assert/strict';
import { parseFile } from '../../src/core/formats/parse';
import { lintFile } from '../../src/core/lint/lint';
import { MAX_STRUCTURE_LENSES, structureCodeLenses } from '../../src/server/features/codeLens';
import { documentSymbols, foldingRanges, MAX_FOLDING_RANGES, MAX_OUTLINE_SYMBOLS } from '../../src/server/features/symbols';

describe('server features on 100,000 records are capped', () => {
  const parts: string[] = [];
  for (let i = 0; i < 100_000; i++) parts.push(`>r${i % 50_000}\nACGU${i % 3 === 0 ? 'X' : ''}\nGG\n`);
  const file = parseFile(parts.join(''), 'fasta');

  it('outline: the first records, then one symbol counting the rest', () => {
    const symbols = documentSymbols(file);
    assert.equal(symbols.length, MAX_OUTLINE_SYMBOLS + 1);
    const last = symbols[symbols.length - 1];
    assert.equal(last.name, `… 90,000 more records`);
    assert.match(last.detail ?? '', /outline capped at 10,000 records/);
    assert.equal(last.range.start.line, MAX_OUTLINE_SYMBOLS * 3);
    assert.equal(last.range.end.line, 100_000 * 3 - 1);
    assert.equal(documentSymbols(file, 5).length, 6);
    assert.equal(documentSymbols(parseFile('>a\nACGU\n', 'fasta')).length, 1, 'no summary when nothing is left out');
  });

  it('folding ranges, code lenses and diagnostics', () => {
    assert.equal(foldingRanges(file).length, MAX_FOLDING_RANGES);
    assert.equal(structureCodeLenses(file, 'file:///x.fa').length, MAX_STRUCTURE_LENSES);
    const lint = lintFile(file);
    assert.equal(lint.diagnostics.length, 1001);
    assert.equal(lint.diagnostics[1000].code, 'BP011');
    assert.ok(lint.total > 80_000, `total ${lint.total}`);
  });
});

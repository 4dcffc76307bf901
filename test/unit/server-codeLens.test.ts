// The "Show structure" code lens of the language server: one per record with a sequence, on the
// header line, running basepair.showStructure with [uri, header position]; switchable by setting.
import * as assert from 'node:assert/strict';
import { parseFile } from '../../src/core/formats/parse';
import { MAX_STRUCTURE_LENSES, SHOW_STRUCTURE_COMMAND, structureCodeLenses } from '../../src/server/features/codeLens';
import { DEFAULT_SETTINGS, readSettings } from '../../src/server/settings';

describe('server: structure code lens', () => {
  it('one lens per record, on its header, with the command and [uri, position]', () => {
    const file = parseFile('>a one\nGGGGAAAACCCC\n((((....))))\n\n>b\nACGU\n....\n>empty\n', 'dot-bracket');
    const lenses = structureCodeLenses(file, 'file:///w/x.dbn');
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command, l.command?.arguments]),
      [
        [0, 'Show structure', SHOW_STRUCTURE_COMMAND, ['file:///w/x.dbn', { line: 0, character: 0 }]],
        [4, 'Show structure', SHOW_STRUCTURE_COMMAND, ['file:///w/x.dbn', { line: 4, character: 0 }]],
      ],
    );
  });

  it('caps the number of lenses for very large files', () => {
    const file = parseFile(Array.from({ length: MAX_STRUCTURE_LENSES + 5 }, (_, k) => `>r${k}\nACGU\n`).join(''), 'fasta');
    assert.equal(structureCodeLenses(file, 'file:///big.fa').length, MAX_STRUCTURE_LENSES);
  });

  it('setting basepair.structure.codeLens (default on)', () => {
    assert.equal(DEFAULT_SETTINGS.structure.codeLens, true);
    assert.equal(readSettings({}).structure.codeLens, true);
    assert.equal(readSettings({ structure: { codeLens: false } }).structure.codeLens, false);
    assert.equal(readSettings({ structure: { codeLens: 'no' } }).structure.codeLens, true);
    assert.equal(readSettings({ fold: { maxLength: 10 } }).fold.maxLength, 10);
  });
});

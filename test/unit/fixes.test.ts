import * as assert from 'node:assert/strict';
import { parseFile } from '../../src/core/formats/parse';
import { convertRecord, deleteInvalidCharacters, rewrapRecord, upperCaseRecord } from '../../src/core/lint/fixes';
import { applyEdits, lint } from './helpers';

describe('quick-fix edits', () => {
  it('converts one record T->U keeping case, line ends and other records', () => {
    const text = '>a\r\nACGT\r\n\r\nttUu\r\n>b\r\nTTTT\r\n';
    const f = parseFile(text, 'fasta');
    const out = applyEdits(text, convertRecord(f, f.records[0], 'T->U'));
    assert.equal(out, '>a\r\nACGU\r\n\r\nuuUu\r\n>b\r\nTTTT\r\n');
    assert.deepEqual(lint(out), []);
  });

  it('converts U->T', () => {
    const text = '>a\nACGU\nuu\n';
    const f = parseFile(text, 'fasta');
    assert.equal(applyEdits(text, convertRecord(f, f.records[0], 'U->T')), '>a\nACGT\ntt\n');
  });

  it('returns no edit when there is nothing to change', () => {
    const f = parseFile('>a\nACGU\n', 'fasta');
    assert.deepEqual(convertRecord(f, f.records[0], 'T->U'), []);
    assert.deepEqual(upperCaseRecord(f, f.records[0]), []);
    assert.deepEqual(deleteInvalidCharacters(f, f.records[0]), []);
  });

  it('upper-cases a record but not its header', () => {
    const text = '>a lower header\nacgu\nnnRY\n';
    const f = parseFile(text, 'fasta');
    assert.equal(applyEdits(text, upperCaseRecord(f, f.records[0])), '>a lower header\nACGU\nNNRY\n');
  });

  it('deletes invalid characters in sequence and structure, keeping the energy', () => {
    const text = '>a\nGG1GA AACC*C\n(((..,.))) (-1.00)\n';
    const f = parseFile(text, 'dot-bracket');
    assert.equal(lint(text, 'dot-bracket').filter((d) => d.code === 'BP001').length, 4);
    const out = applyEdits(text, deleteInvalidCharacters(f, f.records[0]));
    assert.equal(out, '>a\nGGGAAACCC\n(((...))) (-1.00)\n');
    assert.deepEqual(lint(out, 'dot-bracket'), []);
  });

  it('rewraps a sequence to a width and joins it into one line', () => {
    const text = '>a\nACGUA\nCG\n\nUACGU\n>b\nA\n';
    const f = parseFile(text, 'fasta');
    assert.equal(applyEdits(text, rewrapRecord(f, f.records[0], 4)), '>a\nACGU\nACGU\nACGU\n>b\nA\n');
    assert.equal(applyEdits(text, rewrapRecord(f, f.records[0], 0)), '>a\nACGUACGUACGU\n>b\nA\n');
  });
});

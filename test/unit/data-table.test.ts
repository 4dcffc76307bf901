// Delimited-text reader: TSV/CSV, RFC 4180 quoting with embedded delimiters / newlines / quotes,
// BOM, CRLF and lone CR, blank lines, delimiter choice, line and column of every cell, and the
// exact DataError messages.
import * as assert from 'node:assert/strict';
import { DataError } from '../../src/core/datasets/errors';
import { delimiterFromName, readTable, sniffDelimiter } from '../../src/core/datasets/table';

const texts = (t: ReturnType<typeof readTable>) => t.rows.map((r) => r.cells.map((c) => c.text));

function dataError(fn: () => unknown): DataError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof DataError, `expected a DataError, got ${e}`);
    return e;
  }
  assert.fail('expected a DataError');
}

describe('readTable', () => {
  it('reads a TSV with its line numbers and cell columns', () => {
    const t = readTable('a\tb\n1\t2\n3\t4\n', 'x.tsv');
    assert.equal(t.delimiter, '\t');
    assert.deepEqual(t.names, ['a', 'b']);
    assert.deepEqual(texts(t), [['1', '2'], ['3', '4']]);
    assert.deepEqual(t.rows.map((r) => r.line), [2, 3]);
    assert.deepEqual(t.rows[1].cells.map((c) => [c.column, c.line, c.char]), [[1, 3, 1], [2, 3, 3]]);
  });

  it('handles RFC 4180 quoting: delimiters, doubled quotes and line breaks inside fields', () => {
    const text = 'id,seq,note\n"a,1",ACG,"say ""hi"""\n"b","GG\nCC",x\nc,U,"multi\r\nline\rfield"\nd,A,end\n';
    const t = readTable(text, 'x.csv');
    assert.deepEqual(texts(t), [['a,1', 'ACG', 'say "hi"'], ['b', 'GG\nCC', 'x'], ['c', 'U', 'multi\r\nline\rfield'], ['d', 'A', 'end']]);
    // Rows start on lines 2, 3, 5 and 8: the quoted fields span lines.
    assert.deepEqual(t.rows.map((r) => r.line), [2, 3, 5, 8]);
    // The cell after the two-line field sits on line 4, column 4 (after `CC",`).
    const x = t.rows[1].cells[2];
    assert.deepEqual([x.line, x.char, x.quoted], [4, 5, false]);
    assert.equal(t.rows[0].cells[0].quoted, true);
  });

  it('tolerates a BOM, CRLF, lone CR and blank lines, and keeps line numbers right', () => {
    const t = readTable('\uFEFFa\tb\r\n\r\n1\t2\r3\t4\r\n   \n\t\n5\t6', 'x.tsv');
    assert.deepEqual(t.names, ['a', 'b']);
    assert.deepEqual(texts(t), [['1', '2'], ['3', '4'], ['5', '6']]);
    assert.deepEqual(t.rows.map((r) => r.line), [3, 4, 7]);
    assert.equal(t.header.cells[0].char, 1, 'the BOM is not a column');
  });

  it('keeps empty cells and a trailing empty field; a row of delimiters only is blank', () => {
    const t = readTable('a,b,c\n,,\n1,,\n,2,\n', 'x.csv');
    assert.deepEqual(texts(t), [['1', '', ''], ['', '2', '']]);
    assert.deepEqual(t.rows.map((r) => r.line), [3, 4]);
  });

  it('keeps a row of quoted empty strings (not blank)', () => {
    const t = readTable('a,b\n"",""\n', 'x.csv');
    assert.deepEqual(texts(t), [['', '']]);
  });

  it('chooses the delimiter from the extension, else sniffs the header', () => {
    assert.equal(delimiterFromName('D.TSV'), '\t');
    assert.equal(delimiterFromName('d.tab'), '\t');
    assert.equal(delimiterFromName('d.csv'), ',');
    assert.equal(delimiterFromName('d.txt'), undefined);
    assert.equal(sniffDelimiter('a,b,c\n1\t2\t3\t4\n'), ',');
    assert.equal(sniffDelimiter('\n\na\tb,c\tx\n'), '\t');
    assert.equal(sniffDelimiter('"a\tb",c\n'), ',');
    assert.equal(sniffDelimiter('sequence\n'), '\t');
    assert.equal(readTable('a,b\n1,2\n', 'data.txt').delimiter, ',');
    assert.equal(readTable('a,b\n1,2\n', 'data.tsv').rows[0].cells[0].text, '1,2');
    assert.equal(readTable('a\tb\n1\t2\n', 'data.csv', { delimiter: '\t' }).delimiter, '\t');
  });

  it('reports ragged rows as DataErrors naming line and column', () => {
    assert.equal(dataError(() => readTable('a\tb\n1\t2\t3\n', 'd.tsv')).message,
      'd.tsv:2:5: the row has 3 fields but the header has 2 (extra delimiter or unquoted delimiter in a value?)');
    assert.equal(dataError(() => readTable('a,b,c\n1,2,3\n4,5\n', 'd.csv')).message, 'd.csv:3:4: the row has 2 fields but the header has 3');
    const kept = readTable('a,b\n1\n', 'd.csv', { allowRagged: true });
    assert.deepEqual(texts(kept), [['1']]);
  });

  it('reports quoting errors', () => {
    const open = dataError(() => readTable('a,b\n1,"abc\n2,3\n', 'd.csv'));
    assert.equal(open.message, 'd.csv:2:3: a quoted field is never closed (missing `"`)');
    assert.deepEqual([open.file, open.line, open.column], ['d.csv', 2, 3]);
    assert.equal(dataError(() => readTable('a,b\n"x"y,2\n', 'd.csv')).message, "d.csv:2:4: unexpected 'y' after the closing quote of a field");
    assert.deepEqual(texts(readTable('a,b\n"x"  ,2\n', 'd.csv')), [['x', '2']]);
  });

  it('rejects an empty file', () => {
    assert.equal(dataError(() => readTable('', 'e.tsv')).message, 'e.tsv:1: the file is empty: a header row is expected');
    assert.equal(dataError(() => readTable('\uFEFF\n \n\t\n', 'e.tsv')).message, 'e.tsv:1: the file is empty: a header row is expected');
  });

  it('keeps a bare quote inside an unquoted field as text', () => {
    assert.deepEqual(texts(readTable('a\tb\n5" long\tx\n', 'd.tsv')), [['5" long', 'x']]);
  });
});

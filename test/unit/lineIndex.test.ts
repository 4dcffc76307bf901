import * as assert from 'node:assert/strict';
import { LineIndex } from '../../src/core/text/lineIndex';

describe('LineIndex', () => {
  it('maps offsets to positions across LF, CRLF and a missing final newline', () => {
    const text = 'ab\r\ncd\n\nef';
    const idx = new LineIndex(text);
    assert.equal(idx.lineCount, 4);
    assert.deepEqual(idx.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(idx.positionAt(2), { line: 0, character: 2 }); // the \r
    assert.deepEqual(idx.positionAt(4), { line: 1, character: 0 });
    assert.deepEqual(idx.positionAt(7), { line: 2, character: 0 });
    assert.deepEqual(idx.positionAt(10), { line: 3, character: 2 });
    assert.deepEqual(idx.positionAt(99), { line: 3, character: 2 });
  });

  it('gives line content ends without the line break and clamps offsetAt to them', () => {
    const idx = new LineIndex('ab\r\ncd\n');
    assert.equal(idx.lineContentEnd(0), 2);
    assert.equal(idx.lineContentEnd(1), 6);
    assert.equal(idx.lineContentEnd(2), 7);
    assert.equal(idx.offsetAt({ line: 0, character: 50 }), 2);
    assert.equal(idx.offsetAt({ line: 1, character: 1 }), 5);
    assert.equal(idx.offsetAt({ line: 9, character: 0 }), 7);
  });

  it('grows past its initial capacity (many short lines)', () => {
    const text = 'A\n'.repeat(5000);
    const idx = new LineIndex(text);
    assert.equal(idx.lineCount, 5001);
    assert.equal(idx.lineAt(2 * 4321 + 1), 4321);
  });
});

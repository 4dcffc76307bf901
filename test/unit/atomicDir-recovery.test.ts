// Unit tests of recoverInterruptedWrite (src/ml/io/atomicDir.ts): what a writer process killed at
// each point of writeDirAtomically leaves behind is cleaned up so that the model directory is the
// previous complete one, the new complete one, or absent — never partial.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { recoverInterruptedWrite } from '../../src/core/files/atomicDir';

describe('recoverInterruptedWrite', () => {
  let root: string;
  const target = () => path.join(root, 'model');
  const write = (dir: string, files: Record<string, string>) => {
    fs.mkdirSync(dir, { recursive: true });
    for (const [f, t] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), t);
  };

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-atomic-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('killed while writing the temp dir: the temp dir goes, the previous model stays', async () => {
    write(target(), { 'card.json': 'old' });
    write(path.join(root, '.model.tmp-4242-abc'), { 'model.json': 'partial' });
    await recoverInterruptedWrite(target(), 4242);
    assert.deepEqual(fs.readdirSync(root), ['model']);
    assert.equal(fs.readFileSync(path.join(target(), 'card.json'), 'utf8'), 'old');
  });

  it('killed after moving the previous model aside: the previous model is put back', async () => {
    write(path.join(root, '.model.old-4242-x1'), { 'card.json': 'old' });
    write(path.join(root, '.model.tmp-4242-x2'), { 'card.json': 'new' });
    await recoverInterruptedWrite(target(), 4242);
    assert.deepEqual(fs.readdirSync(root), ['model']);
    assert.equal(fs.readFileSync(path.join(target(), 'card.json'), 'utf8'), 'old');
  });

  it('killed before removing the previous model: the new model stays, the old copy goes', async () => {
    write(target(), { 'card.json': 'new' });
    write(path.join(root, '.model.old-4242-x1'), { 'card.json': 'old' });
    await recoverInterruptedWrite(target(), 4242);
    assert.deepEqual(fs.readdirSync(root), ['model']);
    assert.equal(fs.readFileSync(path.join(target(), 'card.json'), 'utf8'), 'new');
  });

  it("leaves other processes' writes and other models alone; a missing folder is fine", async () => {
    write(path.join(root, '.model.tmp-7777-abc'), { 'x': '1' });
    write(path.join(root, 'other'), { 'x': '1' });
    await recoverInterruptedWrite(target(), 4242);
    assert.deepEqual(fs.readdirSync(root).sort(), ['.model.tmp-7777-abc', 'other']);
    await recoverInterruptedWrite(path.join(root, 'missing', 'model'), 4242);
  });
});

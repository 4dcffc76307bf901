// Writes a directory atomically: everything goes into a temporary sibling directory (same file system,
// so rename is atomic), which then replaces the target in one rename. A reader never sees a partial
// directory; on any failure (exception, cancellation) the temporary directory is removed and an existing
// target is left untouched. A writer killed mid-way is cleaned up by recoverInterruptedWrite.
import * as fs from 'node:fs';
import * as path from 'node:path';

function sibling(target: string, tag: string): string {
  const rand = Math.floor(Math.random() * 0x7fffffff).toString(36); // a name only, not a result
  return path.join(path.dirname(target), `.${path.basename(target)}.${tag}-${process.pid}-${rand}`);
}

/** Runs `write(tempDir)` and moves the result to `target` (replacing an existing directory). */
export async function writeDirAtomically(target: string, write: (tempDir: string) => Promise<void>): Promise<void> {
  const dir = path.resolve(target);
  await fs.promises.mkdir(path.dirname(dir), { recursive: true });
  const temp = sibling(dir, 'tmp');
  await fs.promises.mkdir(temp);
  try {
    await write(temp);
    let previous: string | undefined;
    if (fs.existsSync(dir)) {
      // rename(2) cannot replace a non-empty directory: move the old one aside first
      previous = sibling(dir, 'old');
      await fs.promises.rename(dir, previous);
    }
    try {
      await fs.promises.rename(temp, dir);
    } catch (err) {
      if (previous) await fs.promises.rename(previous, dir);
      throw err;
    }
    if (previous) await fs.promises.rm(previous, { recursive: true, force: true });
  } catch (err) {
    await fs.promises.rm(temp, { recursive: true, force: true });
    throw err;
  }
}

/**
 * Cleans up after a writer process `pid` that died inside writeDirAtomically (SIGKILL, crash): removes
 * its temporary directory and, when it died between moving the previous directory aside and moving
 * the new one in, puts the previous (complete) directory back. Afterwards `target` is the previous
 * complete directory, the new complete one, or absent — never partial.
 */
export async function recoverInterruptedWrite(target: string, pid: number): Promise<void> {
  const dir = path.resolve(target);
  const prefix = (tag: string) => `.${path.basename(dir)}.${tag}-${pid}-`;
  let names: string[];
  try {
    names = await fs.promises.readdir(path.dirname(dir));
  } catch {
    return; // no parent directory: nothing was written
  }
  const siblings = (tag: string) => names.filter((n) => n.startsWith(prefix(tag))).map((n) => path.join(path.dirname(dir), n));
  for (const temp of siblings('tmp')) await fs.promises.rm(temp, { recursive: true, force: true });
  const old = siblings('old');
  if (old.length > 0 && !fs.existsSync(dir)) await fs.promises.rename(old.shift()!, dir);
  for (const o of old) await fs.promises.rm(o, { recursive: true, force: true });
}

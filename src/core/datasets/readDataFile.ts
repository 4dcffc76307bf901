// Reads a whole data file as UTF-8 text ('-' = stdin), turning file-system failures into an
// UnreadableFileError that names the file: the one rule of the CLI, jobs and editor for a file that
// cannot be read (a one-line error, counted, exit status 1).
import * as fs from 'node:fs';
import { unreadable } from './errors';

export function readDataFile(file: string): string {
  try {
    return file === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw unreadable(file, err);
  }
}

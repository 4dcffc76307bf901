// The one error type of the data layer: a problem in a data file, located at a 1-based line (and
// character column when one cell is at fault). Its message is `file:line[:column]: what is wrong`,
// shown as is by the CLI and the editor (the form terminals and VS Code turn into links).
export type { SkippedRow } from '../../protocol/results';

export class DataError extends Error {
  override readonly name = 'DataError';

  constructor(
    readonly file: string,
    /** 1-based line in the file (the line where the offending row or record starts). */
    readonly line: number,
    /** What is wrong, without the location. */
    readonly reason: string,
    /** 1-based character column within `line`, when one cell or character is at fault. */
    readonly column?: number,
  ) {
    super(`${file}:${line}${column !== undefined ? `:${column}` : ''}: ${reason}`);
  }
}

/**
 * A data file that cannot be read at all (missing, a directory, no permission, too large). A
 * DataError without a line (line 0), so every handler of bad data handles it; its message is
 * `file: cannot read: why`.
 */
export class UnreadableFileError extends DataError {
  constructor(file: string, readonly why: string) {
    super(file, 0, `cannot read: ${why}`);
    this.message = `${file}: cannot read: ${why}`;
  }
}

/** The UnreadableFileError for a file-system error (ENOENT, EISDIR, ...), in words. */
export function unreadable(file: string, err: unknown): UnreadableFileError {
  const e = err as NodeJS.ErrnoException;
  const why =
    e.code === 'ENOENT' ? 'no such file'
    : e.code === 'EISDIR' ? 'is a directory'
    : e.code === 'EACCES' ? 'permission denied'
    : e.code === 'ERR_STRING_TOO_LONG' || e.code === 'ERR_FS_FILE_TOO_LARGE' ? 'too large to read into memory'
    : e.message;
  return new UnreadableFileError(file, why);
}

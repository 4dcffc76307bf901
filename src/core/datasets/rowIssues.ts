// Bookkeeping of bad rows for the loaders: with skipBad the row is skipped and its line and reason
// kept (nothing is dropped silently); without it the first bad row ends loading with a DataError.
// Also the duplicate-id check and the "no data" error.
import { cellPosition } from './columns';
import { DataError, type SkippedRow } from './errors';
import type { TableRow } from './table';

export class RowIssues {
  readonly skipped: SkippedRow[] = [];
  private readonly firstLineOfId = new Map<string, number>();

  constructor(
    readonly file: string,
    readonly skipBad: boolean,
  ) {}

  /** Reports a bad row: throws unless skipping. */
  /** A problem with character `index` of cell `col` of `row` (index -1: the cell; col -1: the row). */
  badCell(row: TableRow, col: number, index: number, reason: string): void {
    if (col < 0) return this.bad(row.line, reason);
    const p = cellPosition(row.cells[col]!, index);
    this.bad(row.line, reason, p.line === row.line ? p.column : undefined);
  }

  bad(line: number, reason: string, column?: number): void {
    if (!this.skipBad) throw new DataError(this.file, line, reason, column);
    this.skipped.push(column === undefined ? { line, reason } : { line, column, reason });
  }

  /** Reason when `id` was already used by an earlier kept row, else undefined (and registers it). */
  /**
   * The id of data row `k` (0-based): the trimmed text of its id cell (column idCol, named idName),
   * else `row<k + 1>`; a missing or repeated id gives the problem's message instead.
   */
  rowId(row: { line: number; cells: readonly { text: string }[] }, k: number, idCol: number, idName: string | undefined): { id: string } | { problem: string } {
    if (idCol < 0) return { id: `row${k + 1}` };
    const id = row.cells[idCol]!.text.trim();
    if (id === '') return { problem: `the ${idName} value is missing` };
    const dup = this.duplicateId(id, row.line);
    return dup ? { problem: dup } : { id };
  }

  duplicateId(id: string, line: number): string | undefined {
    const first = this.firstLineOfId.get(id);
    if (first !== undefined) return `duplicate id '${id}' (first used on line ${first})`;
    this.firstLineOfId.set(id, line);
    return undefined;
  }

  /** Throws when no record was kept. */
  requireRecords(count: number, emptyLine: number, what: string): void {
    if (count > 0) return;
    if (this.skipped.length === 0) throw new DataError(this.file, emptyLine, `no ${what}: the file has no data`);
    const first = this.skipped[0];
    throw new DataError(this.file, first.line, `no ${what} left: all ${this.skipped.length} were bad and skipped; the first: ${first.reason}`, first.column);
  }
}

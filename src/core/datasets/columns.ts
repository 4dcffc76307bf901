// Column selection for the table loaders: a role (sequence, target, ...) is found by the name the
// user chose (an error when missing) or by its default names (case-insensitive), and cell helpers
// turn a cell plus an index in its trimmed text into a file column for messages.
import { DataError } from './errors';
import { parseSplitName, unknownSplitReason, type SplitName, type SplitValueMap } from './splits';
import { findColumn, type Table, type TableCell, type TableRow } from './table';

/** How a role's column is chosen: a name, `false` to ignore it, or undefined for the defaults. */
export type ColumnChoice = string | false | undefined;

/** Index of a required column; DataError at the header line when absent. */
export function requiredColumn(table: Table, role: string, choice: string | undefined, defaults: readonly string[]): number {
  const names = choice !== undefined ? [choice] : defaults;
  const i = findColumn(table, names);
  if (i < 0) {
    const wanted = choice !== undefined ? `'${choice}'` : defaults.map((d) => `'${d}'`).join(' or ');
    throw new DataError(table.file, table.header.line, `no ${role} column: expected a column named ${wanted}; the columns are ${listNames(table.names)}`);
  }
  return i;
}

/** Index of an optional column: -1 when ignored or absent; an explicitly chosen name must exist. */
export function optionalColumn(table: Table, role: string, choice: ColumnChoice, defaults: readonly string[]): number {
  if (choice === false) return -1;
  if (choice !== undefined) return requiredColumn(table, role, choice, []);
  return findColumn(table, defaults);
}

function listNames(names: readonly string[]): string {
  const shown = names.slice(0, 12).map((n) => `'${n}'`).join(', ');
  return names.length > 12 ? `${shown}, ... (${names.length} in all)` : shown;
}

/** Trimmed text of a cell. */
export function cellValue(cell: TableCell): string {
  return cell.text.trim();
}

/** 1-based line and character column of the character at `index` of the cell's trimmed text
 *  (index -1: the cell itself). Falls back to the cell start when a line break intervenes. */
export function cellPosition(cell: TableCell, index: number): { line: number; column: number } {
  if (index < 0) return { line: cell.line, column: cell.char };
  const lead = cell.text.length - cell.text.trimStart().length;
  const before = cell.text.slice(0, lead + index);
  if (/[\r\n]/.test(before)) return { line: cell.line, column: cell.char };
  return { line: cell.line, column: cell.char + (cell.quoted ? 1 : 0) + lead + index };
}

/** The object without its undefined properties (column lists read well in JSON and logs). */
export function definedOnly<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Split part of a row; unknown labels are a fatal error (a wrong setting, not a bad row). */
export function splitCell(file: string, row: TableRow, col: number, name: string, extra: SplitValueMap | undefined): SplitName | undefined {
  const text = cellValue(row.cells[col]);
  if (text === '') return undefined;
  const split = parseSplitName(text, extra);
  if (split === undefined) {
    const p = cellPosition(row.cells[col], -1);
    throw new DataError(file, p.line, unknownSplitReason(text, name), p.column);
  }
  return split;
}

// Reader of delimited text tables (TSV and CSV) with a header row. RFC 4180 quoting (a field that
// starts with `"` may hold delimiters, line breaks and `""` for a quote) in both TSV and CSV; a BOM,
// CRLF / LF / lone CR line ends and blank lines are tolerated. Every row keeps the 1-based line
// where it starts and every cell its field number, line and character column, so that the loaders
// can name file:line:column. The only exception it throws is DataError.
import { DataError } from './errors';

export type Delimiter = '\t' | ',';

export interface TableCell {
  /** Cell text, quotes removed and `""` unescaped; not trimmed. */
  text: string;
  /** 1-based field number within the row. */
  column: number;
  /** 1-based line where the cell starts (differs from the row's for cells after a multi-line field). */
  line: number;
  /** 1-based character column of the cell's first character within `line`. */
  char: number;
  quoted: boolean;
}

export interface TableRow {
  /** 1-based line where the row starts. */
  line: number;
  cells: TableCell[];
}

export interface Table {
  file: string;
  delimiter: Delimiter;
  header: TableRow;
  /** Column names: header cells trimmed. */
  names: string[];
  /** Data rows in file order (blank lines dropped). */
  rows: TableRow[];
}

export interface ReadTableOptions {
  /** Overrides the delimiter chosen from the file extension or sniffed from the header. */
  delimiter?: Delimiter;
  /** Keep rows whose field count differs from the header's (the caller reports them); default: error. */
  allowRagged?: boolean;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** Delimiter from the file extension (.tsv/.tab: tab, .csv: comma), else undefined. */
export function delimiterFromName(file: string): Delimiter | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith('.tsv') || lower.endsWith('.tab')) return '\t';
  if (lower.endsWith('.csv')) return ',';
  return undefined;
}

/** Delimiter sniffed from the first non-blank line: tab when it has tabs (outside quotes) at least as
 *  often as commas, comma when it has commas, else tab (a one-column table). */
export function sniffDelimiter(text: string): Delimiter {
  let tabs = 0;
  let commas = 0;
  let inQuotes = false;
  let seen = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes && (c === LF || c === CR)) {
      if (seen) break;
    } else if (!inQuotes && c === 0x09) tabs++;
    else if (!inQuotes && c === 0x2c) commas++;
    if (c !== LF && c !== CR && c !== 0x20 && c !== 0xfeff) seen = true;
  }
  if (tabs > 0 && tabs >= commas) return '\t';
  return commas > 0 ? ',' : '\t';
}

/** Parses the whole text; the first non-blank row is the header. */
export function readTable(text: string, file: string, options: ReadTableOptions = {}): Table {
  const delimiter = options.delimiter ?? delimiterFromName(file) ?? sniffDelimiter(text);
  const rows = parseRows(text, file, delimiter);
  if (rows.length === 0) throw new DataError(file, 1, 'the file is empty: a header row is expected');
  const header = rows[0];
  const names = header.cells.map((c) => c.text.trim());
  const data = rows.slice(1);
  if (!options.allowRagged) {
    for (const row of data) {
      const message = raggedMessage(row, names.length);
      if (message) throw new DataError(file, row.line, message.reason, message.char);
    }
  }
  return { file, delimiter, header, names, rows: data };
}

/** Why a row's field count differs from the header's (with the column to point at), or undefined. */
export function raggedMessage(row: TableRow, expected: number): { reason: string; char: number } | undefined {
  const n = row.cells.length;
  if (n === expected) return undefined;
  const at = n > expected ? row.cells[expected] : row.cells[n - 1];
  const char = n > expected ? at.char : at.char + at.text.length;
  const reason = `the row has ${n} field${n === 1 ? '' : 's'} but the header has ${expected}` +
    (n > expected ? ' (extra delimiter or unquoted delimiter in a value?)' : '');
  // Report at the row's first line when the pointed cell sits on a later line.
  return { reason, char: at.line === row.line ? char : 1 };
}

/** Splits text into rows of cells (header included), dropping blank rows. */
export function parseRows(text: string, file: string, delimiter: Delimiter): TableRow[] {
  const n = text.length;
  const delim = delimiter.charCodeAt(0);
  let pos = n > 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = pos;
  const rows: TableRow[] = [];

  while (pos < n) {
    const rowLine = line;
    const cells: TableCell[] = [];
    let anyQuoted = false;
    for (;;) {
      const cellLine = line;
      const cellChar = pos - lineStart + 1;
      let value: string;
      const quoted = pos < n && text.charCodeAt(pos) === QUOTE;
      if (quoted) {
        anyQuoted = true;
        pos++;
        value = '';
        for (;;) {
          const q = text.indexOf('"', pos);
          if (q < 0) throw new DataError(file, cellLine, 'a quoted field is never closed (missing `"`)', cellChar);
          // Follow line breaks inside the quoted part.
          for (let k = pos; k < q; k++) {
            const c = text.charCodeAt(k);
            if (c === LF || (c === CR && text.charCodeAt(k + 1) !== LF)) {
              line++;
              lineStart = k + 1;
            }
          }
          value += text.slice(pos, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            pos = q + 2;
            continue;
          }
          pos = q + 1;
          break;
        }
        // Spaces after the closing quote are tolerated; anything else is an error.
        while (pos < n && text.charCodeAt(pos) === 0x20 && delim !== 0x20) pos++;
        if (pos < n) {
          const c = text.charCodeAt(pos);
          if (c !== delim && c !== LF && c !== CR) {
            throw new DataError(file, line, `unexpected ${describe(text[pos])} after the closing quote of a field`, pos - lineStart + 1);
          }
        }
      } else {
        const start = pos;
        while (pos < n) {
          const c = text.charCodeAt(pos);
          if (c === delim || c === LF || c === CR) break;
          pos++;
        }
        value = text.slice(start, pos);
      }
      cells.push({ text: value, column: cells.length + 1, line: cellLine, char: cellChar, quoted });
      if (pos < n && text.charCodeAt(pos) === delim) {
        pos++;
        continue;
      }
      break;
    }
    // Line end.
    if (pos < n) {
      const c = text.charCodeAt(pos++); // CR or LF: the field loop stops only there
      if (c === CR && text.charCodeAt(pos) === LF) pos++;
      line++;
      lineStart = pos;
    }
    if (anyQuoted || !isBlankRow(cells)) rows.push({ line: rowLine, cells });
  }
  return rows;
}

function isBlankRow(cells: readonly TableCell[]): boolean {
  for (const c of cells) if (c.text.trim() !== '') return false;
  return true;
}

function describe(c: string): string {
  return c === '"' ? 'quote' : `'${c}'`;
}

/** Index of the first column whose trimmed name equals one of `names` (case-insensitive), or -1. */
export function findColumn(table: Table, names: readonly string[]): number {
  for (const name of names) {
    const want = name.trim().toLowerCase();
    const i = table.names.findIndex((h) => h.toLowerCase() === want);
    if (i >= 0) return i;
  }
  return -1;
}

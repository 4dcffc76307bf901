// Loader of sequence-pair data sets (A, B -> interacts 0/1) from TSV/CSV with a header (`seq_a`,
// `seq_b`, `label`, optional `id`, group and split columns; names selectable). DNA or RNA: the
// file's alphabet is kept (`U` anywhere -> RNA, else `T` anywhere -> DNA, else RNA) and every
// sequence is upper-cased and written in it. Lengths may differ. Same bad-row rules as regression.
import { cellValue, definedOnly, optionalColumn, requiredColumn, splitCell, type ColumnChoice } from './columns';
import type { SkippedRow } from './errors';
import { RowIssues } from './rowIssues';
import type { SplitName, SplitValueMap } from './splits';
import { raggedMessage, readTable, type Delimiter } from './table';
import { alphabetUse, normalizeSequence, parseLabel, type NucleicAlphabet } from './validate';

export interface PairRecord {
  id: string;
  /** First sequence (e.g. the miRNA or guide), upper case, in the data set's alphabet. */
  a: string;
  /** Second sequence (e.g. the target site), upper case, in the data set's alphabet. */
  b: string;
  label: 0 | 1;
  group?: string;
  split?: SplitName;
  line: number;
}

export interface PairColumns {
  a: string;
  b: string;
  label: string;
  id?: string;
  group?: string;
  split?: string;
}

export interface PairDataset {
  file: string;
  records: PairRecord[];
  skipped: SkippedRow[];
  alphabet: NucleicAlphabet;
  columns: PairColumns;
  /** Number of records with label 0 and with label 1. */
  labelCounts: [number, number];
}

export interface PairLoadOptions {
  delimiter?: Delimiter;
  /** Default 'seq_a' (or 'a'). */
  aColumn?: string;
  /** Default 'seq_b' (or 'b'). */
  bColumn?: string;
  /** Default 'label'. */
  labelColumn?: string;
  /** Default 'id' when present (else row1, row2, ...); false ignores it. */
  idColumn?: ColumnChoice;
  /** No default: used only when named (a grouped split may also group by seq_a). */
  groupColumn?: string;
  /** Default 'split' when present; false ignores it. */
  splitColumn?: ColumnChoice;
  /** Extra split labels, e.g. { mitar_indtest: 'test', mitar_remained: 'train' }. */
  splitValues?: SplitValueMap;
  skipBad?: boolean;
  /** Prediction input: the label column is optional and ignored (records get label 0). */
  withoutLabel?: boolean;
}

const DEFAULTS = {
  a: ['seq_a', 'a', 'sequence_a'],
  b: ['seq_b', 'b', 'sequence_b'],
  label: ['label'],
  id: ['id'],
  split: ['split'],
};

export function loadPairDataset(text: string, file: string, options: PairLoadOptions = {}): PairDataset {
  const issues = new RowIssues(file, options.skipBad ?? false);
  const table = readTable(text, file, { delimiter: options.delimiter, allowRagged: true });
  const aCol = requiredColumn(table, 'first-sequence', options.aColumn, DEFAULTS.a);
  const bCol = requiredColumn(table, 'second-sequence', options.bColumn, DEFAULTS.b);
  const labelCol = options.withoutLabel ? -1 : requiredColumn(table, 'label', options.labelColumn, DEFAULTS.label);
  const idCol = optionalColumn(table, 'id', options.idColumn, DEFAULTS.id);
  const groupCol = optionalColumn(table, 'group', options.groupColumn, []);
  const splitCol = optionalColumn(table, 'split', options.splitColumn, DEFAULTS.split);
  const name = (i: number) => (i >= 0 ? table.names[i] : undefined);
  const columns = definedOnly<PairColumns>({
    a: table.names[aCol], b: table.names[bCol], label: labelCol >= 0 ? table.names[labelCol] : '',
    id: name(idCol), group: name(groupCol), split: name(splitCol),
  });

  // The alphabet comes from the whole file, so that every sequence is written the same way.
  let u = false;
  let t = false;
  for (const row of table.rows) {
    for (const col of [aCol, bCol]) {
      const cell = row.cells[col];
      if (!cell) continue;
      const use = alphabetUse(cell.text);
      u ||= use.u;
      t ||= use.t;
    }
  }
  const alphabet: NucleicAlphabet = u ? 'RNA' : t ? 'DNA' : 'RNA';

  const records: PairRecord[] = [];
  const counts: [number, number] = [0, 0];
  table.rows.forEach((row, k) => {
    const ragged = raggedMessage(row, table.names.length);
    if (ragged) return issues.bad(row.line, ragged.reason, ragged.char);
    const problem = (col: number, index: number, reason: string) => issues.badCell(row, col, index, reason);
    const seqs: string[] = [];
    for (const col of [aCol, bCol]) {
      const raw = cellValue(row.cells[col]);
      if (raw === '') return problem(col, -1, `the ${table.names[col]} value is missing`);
      const s = normalizeSequence(raw, alphabet);
      if (typeof s !== 'string') return problem(col, s.index, `${table.names[col]}: ${s.reason}`);
      seqs.push(s);
    }
    const labelText = labelCol >= 0 ? cellValue(row.cells[labelCol]) : '0';
    const label = parseLabel(labelText);
    if (label === undefined) {
      const what = labelText === '' ? 'is missing' : `'${labelText.slice(0, 40)}' is not 0 or 1`;
      return problem(labelCol, -1, `the ${columns.label} value ${what}`);
    }
    const split = splitCol >= 0 ? splitCell(file, row, splitCol, columns.split!, options.splitValues) : undefined;
    const rowId = issues.rowId(row, k, idCol, columns.id);
    if ('problem' in rowId) return problem(idCol, -1, rowId.problem);
    const { id } = rowId;
    const record: PairRecord = { id, a: seqs[0], b: seqs[1], label, line: row.line };
    if (groupCol >= 0) {
      const g = cellValue(row.cells[groupCol]);
      if (g !== '') record.group = g;
    }
    if (split !== undefined) record.split = split;
    counts[label]++;
    records.push(record);
  });
  issues.requireRecords(records.length, table.header.line, 'pairs');
  return { file, records, skipped: issues.skipped, alphabet, columns, labelCounts: counts };
}

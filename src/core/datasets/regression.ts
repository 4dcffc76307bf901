// Loader of regression data sets (sequence [+ structure] -> one number): TSV/CSV with a header, or
// FASTA / dot-bracket records whose header carries `value=<number>`. Sequences come back upper-case
// RNA (T -> U); structures are checked (balanced, same length). Bad rows are DataErrors naming
// file:line[:column], or with skipBad skipped and listed. Column names are selectable.
import { parseFile, offsetOfIndex } from '../formats/parse';
import { recordSequence, recordStructure } from '../formats/locate';
import type { ParsedFile, SeqRecord } from '../formats/records';
import { cellValue, definedOnly, optionalColumn, requiredColumn, splitCell, type ColumnChoice } from './columns';
import { DataError, type SkippedRow } from './errors';
import { dataFormatOf, type DataFormat } from './format';
import { headerFields } from './headerFields';
import { RowIssues } from './rowIssues';
import { parseSplitName, unknownSplitReason, type SplitName, type SplitValueMap } from './splits';
import { raggedMessage, readTable, type Delimiter } from './table';
import { normalizeSequence, parseDecimal, structureProblem, targetProblem } from './validate';

export interface RegressionRecord {
  id: string;
  /** Upper-case RNA (A C G U and IUPAC ambiguity codes). */
  sequence: string;
  /** Dot-bracket, same length as the sequence, balanced (pseudoknot brackets allowed). */
  structure?: string;
  target: number;
  group?: string;
  split?: SplitName;
  /** 1-based line where the row (or the FASTA header) is. */
  line: number;
}

export interface RegressionColumns {
  sequence: string;
  target: string;
  structure?: string;
  id?: string;
  group?: string;
  split?: string;
}

export interface RegressionDataset {
  file: string;
  format: DataFormat;
  records: RegressionRecord[];
  skipped: SkippedRow[];
  /** Name of the target column (or header key). */
  targetName: string;
  /** The columns (or header keys) actually used. */
  columns: RegressionColumns;
  hasStructure: 'all' | 'some' | 'none';
}

export interface RegressionLoadOptions {
  /** Default: from the extension, else sniffed. */
  format?: DataFormat;
  delimiter?: Delimiter;
  /** Default 'sequence' (or 'seq'). */
  sequenceColumn?: string;
  /** Default 'target' (or 'value'); in FASTA / dot-bracket headers the key, default 'value'. */
  targetColumn?: string;
  /** Default 'structure' when present; false ignores it. */
  structureColumn?: ColumnChoice;
  /** Default 'id' when present (else ids are row1, row2, ...); false ignores it. */
  idColumn?: ColumnChoice;
  /** No default: a group column is used only when named. */
  groupColumn?: string;
  /** Default 'split' when present; false ignores it. Values train / valid / validation / test. */
  splitColumn?: ColumnChoice;
  /** Extra split labels, e.g. { mitar_indtest: 'test' }. */
  splitValues?: SplitValueMap;
  /** Skip bad rows (listed in `skipped`) instead of failing on the first. */
  skipBad?: boolean;
  /** Records to predict: no target column / key is read (targets come back as NaN). */
  withoutTarget?: boolean;
}

const DEFAULTS = {
  sequence: ['sequence', 'seq'],
  target: ['target', 'value'],
  structure: ['structure', 'dot_bracket', 'dotbracket'],
  id: ['id'],
  split: ['split'],
};

export function loadRegressionDataset(text: string, file: string, options: RegressionLoadOptions = {}): RegressionDataset {
  const format = options.format ?? dataFormatOf(file, text);
  const issues = new RowIssues(file, options.skipBad ?? false);
  const loaded = format === 'table' ? fromTable(text, file, options, issues) : fromRecords(text, format, options, issues);
  const records = loaded.records;
  issues.requireRecords(records.length, loaded.emptyLine, 'records');
  const withStructure = records.filter((r) => r.structure !== undefined).length;
  return {
    file,
    format,
    records,
    skipped: issues.skipped,
    targetName: loaded.columns.target,
    columns: loaded.columns,
    hasStructure: withStructure === records.length ? 'all' : withStructure === 0 ? 'none' : 'some',
  };
}

interface Loaded {
  records: RegressionRecord[];
  columns: RegressionColumns;
  /** Line to name when there are no rows at all. */
  emptyLine: number;
}

function fromTable(text: string, file: string, options: RegressionLoadOptions, issues: RowIssues): Loaded {
  const table = readTable(text, file, { delimiter: options.delimiter, allowRagged: true });
  const seqCol = requiredColumn(table, 'sequence', options.sequenceColumn, DEFAULTS.sequence);
  const targetCol = options.withoutTarget ? -1 : requiredColumn(table, 'target', options.targetColumn, DEFAULTS.target);
  const structCol = optionalColumn(table, 'structure', options.structureColumn, DEFAULTS.structure);
  const idCol = optionalColumn(table, 'id', options.idColumn, DEFAULTS.id);
  const groupCol = optionalColumn(table, 'group', options.groupColumn, []);
  const splitCol = optionalColumn(table, 'split', options.splitColumn, DEFAULTS.split);
  const name = (i: number) => (i >= 0 ? table.names[i] : undefined);
  const columns = definedOnly<RegressionColumns>({
    sequence: table.names[seqCol],
    target: targetCol >= 0 ? table.names[targetCol] : '',
    structure: name(structCol),
    id: name(idCol),
    group: name(groupCol),
    split: name(splitCol),
  });
  const records: RegressionRecord[] = [];
  table.rows.forEach((row, k) => {
    const ragged = raggedMessage(row, table.names.length);
    if (ragged) return issues.bad(row.line, ragged.reason, ragged.char);
    const problem = (col: number, index: number, reason: string) => issues.badCell(row, col, index, reason);
    const seqText = cellValue(row.cells[seqCol]);
    if (seqText === '') return problem(seqCol, -1, `the ${columns.sequence} value is missing`);
    const sequence = normalizeSequence(seqText);
    if (typeof sequence !== 'string') return problem(seqCol, sequence.index, sequence.reason);
    let structure: string | undefined;
    if (structCol >= 0) {
      const s = cellValue(row.cells[structCol]);
      if (s !== '') {
        const bad = structureProblem(s, sequence.length);
        if (bad) return problem(structCol, bad.index, bad.reason);
        structure = s;
      }
    }
    let target = NaN;
    if (targetCol >= 0) {
      const targetText = cellValue(row.cells[targetCol]);
      const parsed = parseDecimal(targetText);
      if (parsed === undefined) return problem(targetCol, -1, targetProblem(targetText, columns.target));
      target = parsed;
    }
    const split = splitCol >= 0 ? splitCell(file, row, splitCol, columns.split!, options.splitValues) : undefined;
    const rowId = issues.rowId(row, k, idCol, columns.id);
    if ('problem' in rowId) return problem(idCol, -1, rowId.problem);
    const { id } = rowId;
    const record: RegressionRecord = { id, sequence, target, line: row.line };
    if (structure !== undefined) record.structure = structure;
    if (groupCol >= 0) {
      const g = cellValue(row.cells[groupCol]);
      if (g !== '') record.group = g;
    }
    if (split !== undefined) record.split = split;
    records.push(record);
  });
  return { records, columns, emptyLine: table.header.line };
}

function fromRecords(text: string, format: DataFormat, options: RegressionLoadOptions, issues: RowIssues): Loaded {
  const parsed = parseFile(text, format === 'dot-bracket' ? 'dot-bracket' : 'fasta');
  const key = options.targetColumn ?? 'value';
  const splitKey = options.splitColumn === false ? undefined : options.splitColumn ?? 'split';
  const groupKey = options.groupColumn;
  const columns: RegressionColumns = { sequence: 'sequence', target: key, id: 'id' };
  if (format === 'dot-bracket' && options.structureColumn !== false) columns.structure = 'structure';
  if (groupKey) columns.group = groupKey;
  const pos = (offset: number) => {
    const p = parsed.lines.positionAt(offset);
    return { line: p.line + 1, column: p.character + 1 };
  };
  if (parsed.preamble) {
    const p = pos(parsed.preamble.start);
    issues.bad(p.line, `text before the first record header ('>' line) in a ${format} file`, p.column);
  }
  const records: RegressionRecord[] = [];
  let usedSplit = false;
  for (const rec of parsed.records) {
    const r = recordFrom(parsed, rec, format, options, key, splitKey, groupKey, issues, pos);
    if (!r) continue;
    if (r.split !== undefined) usedSplit = true;
    records.push(r);
  }
  if (usedSplit) columns.split = splitKey;
  return { records, columns, emptyLine: 1 };
}

function recordFrom(
  parsed: ParsedFile, rec: SeqRecord, format: DataFormat, options: RegressionLoadOptions, key: string,
  splitKey: string | undefined, groupKey: string | undefined, issues: RowIssues,
  pos: (offset: number) => { line: number; column: number },
): RegressionRecord | undefined {
  const header = pos(rec.header.start);
  const line = header.line;
  const fields = headerFields(parsed.text, rec);
  if (rec.id === '' || rec.id.includes('=')) return void issues.bad(line, 'the record header has no id (expected `>id value=<number>`)', header.column);
  const raw = recordSequence(parsed, rec);
  if (raw === '') return void issues.bad(line, `record '${rec.id}' has no sequence`);
  const sequence = normalizeSequence(raw);
  if (typeof sequence !== 'string') {
    const at = pos(offsetOfIndex(rec.sequenceLines, sequence.index));
    return void issues.bad(at.line, sequence.reason, at.column);
  }
  let structure: string | undefined;
  if (format === 'dot-bracket' && options.structureColumn !== false && rec.structureLines.length > 0) {
    structure = recordStructure(parsed, rec);
    const bad = structureProblem(structure, sequence.length);
    if (bad) {
      const at = pos(bad.index >= 0 ? offsetOfIndex(rec.structureLines, bad.index) : rec.structureLines[0].start);
      return void issues.bad(at.line, bad.reason, at.column);
    }
  }
  let target = NaN;
  if (!options.withoutTarget) {
    const value = fields.get(key.toLowerCase());
    if (!value) return void issues.bad(line, `the header of '${rec.id}' has no ${key}=<number>`);
    const parsed = parseDecimal(value.text);
    if (parsed === undefined) {
      const at = pos(value.offset);
      return void issues.bad(line, targetProblem(value.text, key), at.column);
    }
    target = parsed;
  }
  let split: SplitName | undefined;
  const splitField = splitKey ? fields.get(splitKey.toLowerCase()) : undefined;
  if (splitField && splitField.text !== '') {
    split = parseSplitName(splitField.text, options.splitValues);
    if (split === undefined) throw new DataError(issues.file, line, unknownSplitReason(splitField.text, splitKey!), pos(splitField.offset).column);
  }
  const dup = issues.duplicateId(rec.id, line);
  if (dup) return void issues.bad(line, dup, pos(rec.idRange.start).column);
  const record: RegressionRecord = { id: rec.id, sequence, target, line };
  if (structure !== undefined) record.structure = structure;
  const group = groupKey ? fields.get(groupKey.toLowerCase()) : undefined;
  if (group && group.text !== '') record.group = group.text;
  if (split !== undefined) record.split = split;
  return record;
}

// Reads a pairs file (TSV/CSV with a header) into the panel's rows: `seq_a` and `seq_b` (or `a`/`b`,
// `sequence_a`/`sequence_b`) required; `id`, `score` (or `probability`, `prob`), `label`, `novel`
// and `rule` optional. Sequences are upper-cased and must be IUPAC letters or `-`; a problem is a
// DataError `file:line[:column]: what`. Read by the language server for the pairs panel
// (basepair/readPairs). Pure.
import { DataError } from './errors';
import { findColumn, readTable } from './table';
import type { PairRow } from '../../protocol/results';
import { gcFraction } from '../sequence/gcFraction';

const SEQUENCE = /^[ACGTURYSWKMBDHVN-]*$/;

function parseFlag(text: string): boolean | undefined | 'bad' {
  const t = text.trim().toLowerCase();
  if (t === '') return undefined;
  if (t === '1' || t === 'true' || t === 'yes') return true;
  if (t === '0' || t === 'false' || t === 'no') return false;
  return 'bad';
}

export function parsePairsFile(text: string, file: string): PairRow[] {
  const table = readTable(text, file, { allowRagged: true });
  const col = (names: string[]) => findColumn(table, names);
  const aCol = col(['seq_a', 'a', 'sequence_a']);
  const bCol = col(['seq_b', 'b', 'sequence_b']);
  if (aCol < 0 || bCol < 0) {
    const missing = aCol < 0 ? 'seq_a' : 'seq_b';
    throw new DataError(file, table.header.line, `no ${missing} column: a pairs file needs seq_a and seq_b columns (header: ${table.names.join(', ')})`);
  }
  const idCol = col(['id', 'name']);
  const scoreCol = col(['score', 'probability', 'prob']);
  const labelCol = col(['label']);
  const novelCol = col(['novel']);
  const ruleCol = col(['rule']);
  const rows: PairRow[] = [];
  for (const row of table.rows) {
    const cell = (i: number) => (i >= 0 ? row.cells[i] : undefined);
    const seq = (i: number): string => {
      const c = cell(i);
      const s = (c?.text ?? '').trim().toUpperCase();
      if (!s) throw new DataError(file, row.line, `the ${table.names[i]} value is missing`);
      if (!SEQUENCE.test(s)) {
        const k = [...s].findIndex((ch) => !/[ACGTURYSWKMBDHVN-]/.test(ch));
        const raw = c!.text;
        const at = c!.char + raw.length - raw.trimStart().length + k;
        throw new DataError(file, row.line, `${table.names[i]}: '${s[k]}' is not a nucleotide letter`, c!.line === row.line ? at : undefined);
      }
      return s;
    };
    const a = seq(aCol);
    const b = seq(bCol);
    const r: PairRow = { id: cell(idCol)?.text.trim() || `pair${rows.length + 1}`, a, b, gcA: gcFraction(a), gcB: gcFraction(b) };
    const scoreText = cell(scoreCol)?.text.trim() ?? '';
    if (scoreText !== '') {
      const v = Number(scoreText);
      if (!Number.isFinite(v)) throw new DataError(file, row.line, `score '${scoreText.slice(0, 40)}' is not a number`);
      r.score = v;
    }
    const labelText = cell(labelCol)?.text.trim() ?? '';
    if (labelText !== '') {
      const v = Number(labelText);
      if (!Number.isFinite(v)) throw new DataError(file, row.line, `label '${labelText.slice(0, 40)}' is not a number`);
      r.label = v;
    }
    for (const [key, i] of [['novel', novelCol], ['rule', ruleCol]] as const) {
      const f = parseFlag(cell(i)?.text ?? '');
      if (f === 'bad') throw new DataError(file, row.line, `${key} '${(cell(i)?.text ?? '').slice(0, 40)}' is not 0/1, true/false or yes/no`);
      if (f !== undefined) r[key] = f;
    }
    rows.push(r);
  }
  return rows;
}

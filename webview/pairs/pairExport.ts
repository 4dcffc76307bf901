// The pairs as files: TSV (id, seq_a, seq_b, then score, gc_a, gc_b and, when any row has them,
// novel, rule and label; readable again by pairsFile.ts and by `basepair predict`) and FASTA (two
// records per pair, `<id>_A` and `<id>_B`, both 5'->3', with score / GC / novelty in the
// description). Ids are cleaned so they cannot break the format (tabs and line breaks become
// spaces in TSV; whitespace becomes `_` in FASTA ids). Pure (unit-tested).
import type { PairRow } from './messages';

/** Scores with 6 significant digits, fractions with 4 decimals, no trailing zeros. */
export function formatScore(v: number): string {
  return String(Number(v.toPrecision(6)));
}

export function formatFraction(v: number): string {
  return String(Number(v.toFixed(4)));
}

function tsvCell(s: string): string {
  return s.replace(/[\t\r\n]+/g, ' ');
}

export function pairsToTsv(rows: readonly PairRow[]): string {
  const has = {
    score: rows.some((r) => r.score !== undefined),
    novel: rows.some((r) => r.novel !== undefined),
    rule: rows.some((r) => r.rule !== undefined),
    label: rows.some((r) => r.label !== undefined),
  };
  const header = ['id', 'seq_a', 'seq_b'];
  if (has.score) header.push('score');
  header.push('gc_a', 'gc_b');
  if (has.novel) header.push('novel');
  if (has.rule) header.push('rule');
  if (has.label) header.push('label');
  const lines = [header.join('\t')];
  const flag = (b: boolean | undefined) => (b === undefined ? '' : b ? '1' : '0');
  for (const r of rows) {
    const cells = [tsvCell(r.id), r.a, r.b];
    if (has.score) cells.push(r.score === undefined ? '' : formatScore(r.score));
    cells.push(formatFraction(r.gcA), formatFraction(r.gcB));
    if (has.novel) cells.push(flag(r.novel));
    if (has.rule) cells.push(flag(r.rule));
    if (has.label) cells.push(r.label === undefined ? '' : String(r.label));
    lines.push(cells.join('\t'));
  }
  return lines.join('\n') + '\n';
}

export function fastaId(id: string): string {
  return id.trim().replace(/\s+/g, '_') || 'pair';
}

function wrap(seq: string, width = 80): string[] {
  const out: string[] = [];
  for (let i = 0; i < seq.length; i += width) out.push(seq.slice(i, i + width));
  return out.length ? out : [''];
}

export function pairsToFasta(rows: readonly PairRow[]): string {
  const lines: string[] = [];
  for (const r of rows) {
    const id = fastaId(r.id);
    const info = [
      r.score !== undefined ? `score=${formatScore(r.score)}` : '',
      r.novel !== undefined ? `novel=${r.novel ? 1 : 0}` : '',
      r.label !== undefined ? `label=${r.label}` : '',
    ].filter(Boolean);
    for (const [strand, seq, gc] of [['A', r.a, r.gcA], ['B', r.b, r.gcB]] as const) {
      lines.push(`>${id}_${strand} ${[`pair=${id}`, `strand=${strand}`, ...info, `gc=${formatFraction(gc)}`].join(' ')}`);
      lines.push(...wrap(seq));
    }
  }
  return lines.join('\n') + (lines.length ? '\n' : '');
}

/** One pair as text for the clipboard: the id, the three duplex lines and the numbers. */
export function pairClipboardText(row: PairRow, duplex: { top: string; middle: string; bottom: string }): string {
  const facts = [
    row.score !== undefined ? `score ${formatScore(row.score)}` : '',
    `GC A ${formatFraction(row.gcA)}`,
    `GC B ${formatFraction(row.gcB)}`,
    row.novel !== undefined ? (row.novel ? 'novel' : 'seen in training') : '',
  ].filter(Boolean);
  return [`${row.id}\t${facts.join(', ')}`, duplex.top, duplex.middle.trimEnd(), duplex.bottom, `seq_a\t${row.a}`, `seq_b\t${row.b}`].join('\n') + '\n';
}

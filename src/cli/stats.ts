// `basepair stats <file>... [--json]`: a summary per file — records, nucleotides, length range,
// GC content, alphabets, structures — the quick look before training on a file. The command streams
// its inputs (statsStream.ts); fileStats is the same summary of a text in memory.
import { commandArgs, FLAG, formatOption, STRING } from './commandArgs';
import { recordSequence } from '../core/formats/locate';
import { parseFile } from '../core/formats/parse';
import type { FormatKind } from '../core/formats/records';
import { composition } from '../core/sequence/composition';
import { UnreadableFileError } from '../core/datasets/errors';
import { filesSummary } from './files';
import { BlockLimitError } from '../core/formats/textBlocks';
import { streamFileStats } from './statsStream';
import { openTextInput } from './textStream';
import type { CliIO } from './io';
import { formatCount } from '../core/text/formatNumber';
import type { FileStats } from './statsStream';
export type { FileStats } from './statsStream';

export const STATS_USAGE = `usage: basepair stats <file>... [--json] [--format fasta|dot-bracket]

Summarises FASTA and dot-bracket files: records, nucleotides, length range, GC content,
alphabets and how many records carry a structure. --json prints one JSON array, one object per file.`;

export function fileStats(name: string, text: string, format: FormatKind): FileStats {
  const file = parseFile(text, format);
  const lengths: number[] = [];
  const alphabets: Record<string, number> = {};
  let gc = 0;
  let definite = 0;
  let withStructure = 0;
  for (const r of file.records) {
    const c = composition(recordSequence(file, r));
    lengths.push(c.length);
    alphabets[c.alphabet] = (alphabets[c.alphabet] ?? 0) + 1;
    gc += c.counts.G + c.counts.C;
    definite += c.counts.A + c.counts.C + c.counts.G + c.counts.T + c.counts.U;
    if (r.structureLines.length) withStructure++;
  }
  const sorted = [...lengths].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length === 0 ? 0 : sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return {
    file: name,
    format,
    records: file.records.length,
    nucleotides: lengths.reduce((a, b) => a + b, 0),
    minLength: sorted[0] ?? 0,
    medianLength: median,
    maxLength: sorted[sorted.length - 1] ?? 0,
    gcPercent: definite ? Math.round((gc * 1000) / definite) / 10 : null,
    alphabets,
    withStructure,
  };
}

export function formatStats(s: FileStats): string {
  const n = formatCount;
  const alpha = Object.entries(s.alphabets).map(([k, v]) => `${k} ${v}`).join(', ');
  const lines = [
    `${s.file} (${s.format})`,
    `  records      ${n(s.records)}${s.withStructure ? ` (${n(s.withStructure)} with structure)` : ''}`,
    `  nucleotides  ${n(s.nucleotides)}`,
    `  length       ${n(s.minLength)} .. ${n(s.maxLength)} (median ${n(s.medianLength)})`,
    `  GC           ${s.gcPercent === null ? 'n/a' : `${s.gcPercent.toFixed(1)} %`}`,
    `  alphabet     ${alpha || 'n/a'}`,
  ];
  return lines.join('\n') + '\n';
}

const STATS_OPTIONS = {
  json: FLAG, format: STRING,
} as const;

export async function statsCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = commandArgs(argv, io, STATS_USAGE, STATS_OPTIONS, [1, Infinity], 'stats: no files given');
  const forced = formatOption('stats', values.format);
  const all: FileStats[] = [];
  let failed = false;
  let unreadable = 0;
  for (const name of positionals) {
    try {
      // Streamed: a file of any size is summarised in bounded memory (statsStream.ts).
      const input = await openTextInput(name, forced);
      all.push(await streamFileStats(name, input.chunks, input.kind));
    } catch (err) {
      if (err instanceof BlockLimitError) io.err(`basepair: ${name}:${err.line + 1}: ${err.message}\n`);
      else if (err instanceof UnreadableFileError) {
        io.err(`basepair: ${err.message}\n`);
        unreadable++;
      } else throw err;
      failed = true;
    }
  }
  io.out(values.json ? JSON.stringify(all, null, 2) + '\n' : all.map(formatStats).join('\n'));
  if (unreadable > 0 && !values.json) io.err(`${filesSummary(positionals.length, unreadable)}\n`);
  return failed ? 1 : 0;
}

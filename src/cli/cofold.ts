// `basepair cofold <seqA> <seqB> [--json]`, or `basepair cofold <pairs.tsv|fasta>`: MFE of two
// interacting strands (RNAcofold's model, duplex initiation penalty included), printed as RNAcofold
// prints it (`A&B`, then `structA&structB ( -5.20)`). A TSV/CSV needs columns seq_a and seq_b
// (id optional); a FASTA/Vienna file gives one `A&B` record per dimer.
import { commandArgs, FLAG, STRING } from './commandArgs';
import { DataError } from '../core/datasets/errors';
import { findColumn, readTable } from '../core/datasets/table';
import { energyAnnotation } from '../core/formats/vienna';
import { cofold, defaultParameters, loadParameterFile, type ParameterSet } from '../core/structure';
import { readDataFile } from '../core/datasets/readDataFile';
import { UserError } from './files';
import type { CliIO } from './io';
import { readSequences } from './sequenceInput';

export const COFOLD_USAGE = `usage: basepair cofold <seqA> <seqB> [--params FILE] [--json]
       basepair cofold <pairs.tsv|pairs.csv|dimers.fa> [--params FILE] [--json]

Minimum free energy structure of two interacting strands, as RNAcofold 2.7.1 prints it. A table
needs the columns seq_a and seq_b (id optional); a FASTA file holds one 'A&B' record per dimer.
--json prints an array of {id?, sequence, structure, mfe} (structure as structA&structB).`;

interface Dimer {
  id?: string;
  header?: string;
  a: string;
  b: string;
  where: string;
}

const SEQUENCE = /^[ACGTUNacgtun]+$/;

/** The dimers of a FASTA / dot-bracket file (records it cannot use are problems, as in fold) or a TSV/CSV. */
function dimersFromFile(name: string): { dimers: Dimer[]; problems: string[] } {
  const text = readDataFile(name);
  if (/^\uFEFF?>/.test(text) || /\n>/.test(text)) {
    const { records, problems } = readSequences(name, text);
    const messages = problems.map((p) => p.message);
    const dimers: Dimer[] = [];
    for (const r of records) {
      const parts = r.sequence.split('&');
      if (parts.length !== 2) messages.push(`${name}:${r.line}:1: record '${r.id}' must hold two strands joined by '&'`);
      else dimers.push({ id: r.id, header: r.header, a: parts[0], b: parts[1], where: `${name}:${r.line}` });
    }
    return { dimers, problems: messages };
  }
  const table = readTable(text, name);
  const ca = findColumn(table, ['seq_a']);
  const cb = findColumn(table, ['seq_b']);
  const cid = findColumn(table, ['id']);
  if (ca < 0 || cb < 0) throw new DataError(name, table.header.line, `columns seq_a and seq_b are required (found: ${table.names.join(', ')})`);
  const dimers = table.rows.map((row) => {
    const a = row.cells[ca].text.trim();
    const b = row.cells[cb].text.trim();
    for (const [s, c] of [[a, ca], [b, cb]] as const) {
      if (!SEQUENCE.test(s)) throw new DataError(name, row.line, `'${s}' is not a nucleotide sequence`, row.cells[c].char);
    }
    return { ...(cid >= 0 ? { id: row.cells[cid].text.trim() } : {}), a, b, where: `${name}:${row.line}` };
  });
  return { dimers, problems: [] };
}

const COFOLD_OPTIONS = {
  params: STRING, json: FLAG,
} as const;

export async function cofoldCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = commandArgs(argv, io, COFOLD_USAGE, COFOLD_OPTIONS, [1, 2], 'cofold: give two sequences or one file of pairs');
  let dimers: Dimer[];
  let problems: string[] = [];
  if (positionals.length === 2) {
    for (const s of positionals) if (!SEQUENCE.test(s)) throw new UserError(`cofold: '${s}' is not a nucleotide sequence`);
    dimers = [{ a: positionals[0], b: positionals[1], where: 'command line' }];
  } else if (positionals.length === 1) {
    ({ dimers, problems } = dimersFromFile(positionals[0]));
    for (const p of problems) io.err(`basepair: ${p}\n`);
  } else throw new UserError('cofold: give two sequences or one file of pairs\n\n' + COFOLD_USAGE);
  let params: ParameterSet = defaultParameters();
  if (values.params) {
    const loaded = loadParameterFile(values.params);
    params = loaded.params;
    for (const w of loaded.warnings) io.err(`basepair: ${values.params}: ${w}\n`);
  }
  const json: { id?: string; sequence: string; structure: string; mfe: number }[] = [];
  for (const d of dimers) {
    const r = cofold(d.a, d.b, { params });
    const sequence = `${d.a}&${d.b}`.toUpperCase().replace(/T/g, 'U');
    json.push({ ...(d.id !== undefined ? { id: d.id } : {}), sequence, structure: r.structure, mfe: r.energy });
    if (!values.json) {
      const header = d.header ?? d.id;
      io.out(`${header !== undefined ? `>${header}\n` : ''}${sequence}\n${r.structure} ${energyAnnotation(r.energy)}\n`);
    }
  }
  if (values.json) io.out(JSON.stringify(json, null, 2) + '\n');
  return problems.length > 0 ? 1 : 0;
}

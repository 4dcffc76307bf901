// `basepair eval <dbn> [--params FILE] [--json]`: free energy of the structures given in a
// dot-bracket file, printed as RNAeval prints them (`structure ( -3.30)`), or as JSON.
import { commandArgs, FLAG, STRING } from './commandArgs';
import { energyAnnotation } from '../core/formats/vienna';
import { defaultParameters, evalStructure, loadParameterFile, type ParameterSet } from '../core/structure';
import { parsePairTable } from '../core/structure/dotBracket';
import { readDataFile } from '../core/datasets/readDataFile';
import type { CliIO } from './io';
import { readSequences } from './sequenceInput';

export const EVAL_USAGE = `usage: basepair eval <dbn|-> [--params FILE] [--json]

Free energy (kcal/mol) of each record's structure in a dot-bracket file, as RNAeval prints it.
Structures must be nested ( ) pairs; two strands may be joined by '&' (the duplex initiation penalty
is added as RNAcofold does). --json prints an array of {id, sequence, structure, energy}.
Exit status: 1 when a record has no structure or a structure that cannot be evaluated (named by file:line).`;

const EVAL_OPTIONS = {
  params: STRING, json: FLAG,
} as const;

export async function evalCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = commandArgs(argv, io, EVAL_USAGE, EVAL_OPTIONS, 1, 'eval: give one dot-bracket file (or - for stdin)');
  let params: ParameterSet = defaultParameters();
  if (values.params) {
    const loaded = loadParameterFile(values.params);
    params = loaded.params;
    for (const w of loaded.warnings) io.err(`basepair: ${values.params}: ${w}\n`);
  }
  const name = positionals[0];
  const { records, problems } = readSequences(name, readDataFile(name));
  let failed = problems.length > 0;
  for (const p of problems) io.err(`basepair: ${p.message}\n`);
  const json: { id: string; sequence: string; structure: string; energy: number }[] = [];
  for (const rec of records) {
    const where = `${name}:${rec.line}:1: record '${rec.id}'`;
    const structure = rec.structure;
    if (!structure) {
      io.err(`basepair: ${where} has no structure line\n`);
      failed = true;
      continue;
    }
    const table = parsePairTable(structure);
    if (structure.length !== rec.sequence.length || table.unmatched.length || table.invalid.length || /[^.()&]/.test(structure)) {
      io.err(`basepair: ${where}: the structure must have the sequence's length and balanced ( ) pairs only (run basepair lint)\n`);
      failed = true;
      continue;
    }
    let energy: number;
    try {
      energy = evalStructure(rec.sequence, structure, { params }).energy;
    } catch (err) {
      io.err(`basepair: ${where}: ${err instanceof Error ? err.message : String(err)}\n`);
      failed = true;
      continue;
    }
    const sequence = rec.sequence.toUpperCase().replace(/T/g, 'U');
    json.push({ id: rec.id, sequence, structure, energy });
    if (!values.json) io.out(`${rec.header !== undefined ? `>${rec.header}\n` : ''}${sequence}\n${structure} ${energyAnnotation(energy)}\n`);
  }
  if (values.json) io.out(JSON.stringify(json, null, 2) + '\n');
  return failed ? 1 : 0;
}

// `basepair fold <fasta|-> [--pf] [--mea [GAMMA]] [--bpp DIR] [--params FILE] [--json]`: MFE
// structures (and the partition function) printed as RNAfold 2.7.1 prints them, so outputs diff
// against ViennaRNA; --json for pipelines; --bpp writes one base-pair probability list per record.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { commandArgs, FLAG, STRING } from './commandArgs';
import { energyAnnotation, formatG, probabilitySymbols } from '../core/formats/vienna';
import { beamMfe, beamPartitionSummary, defaultParameters, loadParameterFile, mfe, partition, type ParameterSet } from '../core/structure';
import { readDataFile } from '../core/datasets/readDataFile';
import { UserError } from './files';
import type { CliIO } from './io';
import { mfeNumbers, partitionNumbers } from '../core/structure/foldNumbers';
import type { FoldNumbers } from '../protocol/compute';
import { readSequences } from './sequenceInput';
import { DEFAULT_BEAM, DEFAULT_MAX_FOLD_LENGTH, foldLengthDecision } from '../core/structure/lengthLimit';

export const FOLD_USAGE = `usage: basepair fold <fasta|-> [--pf] [--mea [GAMMA]] [--bpp DIR] [--params FILE] [--beam N] [--max-length N] [--json]

Minimum free energy structures (ViennaRNA 2.7.1 model: Turner 2004, 37 C, dangles 2), printed as
RNAfold prints them. Input: FASTA or dot-bracket records, or one sequence per line; '-' reads stdin.
  --pf            also the partition function: ensemble free energy, centroid, MFE frequency,
                  ensemble diversity (as RNAfold -p)
  --mea [GAMMA]   also the maximum expected accuracy structure (implies --pf; gamma default 1)
  --bpp DIR       write DIR/<id>.tsv with the base-pair probabilities "i j p" (1-based, i<j,
                  p >= 1e-5; implies --pf)
  --params FILE   energy parameters in ViennaRNA's .par format (e.g. rna_turner1999.par)
  --beam N        linear-time beam search (LinearFold / LinearPartition style) keeping N states per
                  position, for long sequences; approximate (N = 300 is within 0.01 of the exact
                  pair probabilities at 2,000 nt; see the README)
  --max-length N  refuse records longer than N nt without --beam (default ${DEFAULT_MAX_FOLD_LENGTH}): the
                  exact algorithm needs O(N^3) time and O(N^2) memory; the error suggests --beam
  --json          one JSON array of {id, sequence, structure, mfe, ensemble?, mfeFrequency?,
                  diversity?, centroid?, mea?} (energies in kcal/mol)
Exit status: 1 when a record could not be read or folded (the message names file:line), else 0.`;

export type FoldJson = { id: string } & FoldNumbers;

/** `--mea` takes an optional value: turn `--mea 1.5` into `--mea=1.5` and a bare `--mea` into `--mea=1`. */
export function normaliseOptionalMea(argv: string[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    if (argv[k] !== '--mea') out.push(argv[k]);
    else if (k + 1 < argv.length && /^\d*\.?\d+$/.test(argv[k + 1])) out.push(`--mea=${argv[++k]}`);
    else out.push('--mea=1');
  }
  return out;
}

function fileNameFor(id: string): string {
  return id.replace(/[^\w.-]+/g, '_').replace(/^\.+/, '_') || 'sequence';
}

const FOLD_OPTIONS = {
  pf: FLAG, mea: STRING, bpp: STRING, params: STRING, beam: STRING, 'max-length': STRING,
  json: FLAG,
} as const;

export async function foldCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = commandArgs(normaliseOptionalMea(argv), io, FOLD_USAGE, FOLD_OPTIONS, 1, 'fold: give one input file (or - for stdin)');
  const gamma = values.mea === undefined ? undefined : Number(values.mea);
  if (gamma !== undefined && !(gamma >= 0)) throw new UserError(`fold: --mea takes a number >= 0, not '${values.mea}'`);
  const withPf = values.pf || gamma !== undefined || values.bpp !== undefined;
  const beam = values.beam === undefined ? undefined : Number(values.beam);
  if (beam !== undefined && !(Number.isInteger(beam) && beam >= 1)) throw new UserError(`fold: --beam takes a whole number >= 1, not '${values.beam}'`);
  const maxText = values['max-length'];
  const maxLength = maxText === undefined ? DEFAULT_MAX_FOLD_LENGTH : Number(maxText);
  if (!(Number.isInteger(maxLength) && maxLength >= 1)) throw new UserError(`fold: --max-length takes a whole number >= 1, not '${maxText}'`);

  let params: ParameterSet = defaultParameters();
  if (values.params) {
    try {
      const loaded = loadParameterFile(values.params);
      params = loaded.params;
      for (const w of loaded.warnings) io.err(`basepair: ${values.params}: ${w}\n`);
    } catch (err) {
      throw new UserError(err instanceof Error ? err.message.replace(/^(?!.*:\d+:)/, `${values.params}: `) : String(err));
    }
  }
  if (values.bpp) fs.mkdirSync(values.bpp, { recursive: true });

  const name = positionals[0];
  const { records, problems } = readSequences(name, readDataFile(name));
  for (const p of problems) io.err(`basepair: ${p.message}\n`);
  const json: FoldJson[] = [];
  for (const rec of records) {
    if (rec.sequence.includes('&')) {
      io.err(`basepair: ${name}:${rec.line}:1: record '${rec.id}' has two strands (&): use basepair cofold\n`);
      problems.push({ message: 'strands' });
      continue;
    }
    // With --beam every record folds in linear time; without it, long records are refused.
    const decision = foldLengthDecision(rec.sequence.length, beam ? Infinity : maxLength, undefined, '--max-length', `use --beam ${DEFAULT_BEAM} (linear time) or raise --max-length`);
    if (decision.engine === 'refused') {
      io.err(`basepair: ${name}:${rec.line}:1: record '${rec.id}': ${decision.reason}\n`);
      problems.push({ message: 'too long' });
      continue;
    }
    let out = rec.header !== undefined ? `>${rec.header}\n` : '';
    if (!withPf) {
      const r = beam ? beamMfe(rec.sequence, { params, beam }) : mfe(rec.sequence, { params });
      const item: FoldJson = { id: rec.id, ...mfeNumbers(rec.sequence, r) };
      json.push(item);
      out += `${item.sequence}\n${r.structure} ${energyAnnotation(r.energy)}\n`;
    } else {
      const options = { params, ...(gamma !== undefined ? { gamma } : {}) };
      const p = beam ? beamPartitionSummary(rec.sequence, { ...options, beam }) : partition(rec.sequence, options);
      const item: FoldJson = { id: rec.id, ...partitionNumbers(p, gamma !== undefined) };
      const symbols = probabilitySymbols(p.sequence.length, (cb) => p.bpp.forEach(cb));
      out += `${p.sequence}\n${p.mfe.structure} ${energyAnnotation(p.mfe.energy)}\n`;
      out += `${symbols} ${energyAnnotation(p.ensembleEnergyExact, '[', ']')}\n`;
      out += `${p.centroid.structure} {${p.centroid.energy.toFixed(2).padStart(6)} d=${p.centroid.distance.toFixed(2)}}\n`;
      if (gamma !== undefined) {
        out += `${p.mea.structure} {${p.mea.energy.toFixed(2).padStart(6)} MEA=${p.mea.score.toFixed(2)}}\n`;
      }
      out += ` frequency of mfe structure in ensemble ${formatG(p.mfeFrequency)}; ensemble diversity ${p.diversity.toFixed(2).padEnd(6)}\n`;
      if (values.bpp) {
        const lines = p.bpp.pairs(1e-5).map((x) => `${x.i}\t${x.j}\t${formatG(x.p, 9)}`);
        const file = path.join(values.bpp, `${fileNameFor(rec.id)}.tsv`);
        fs.writeFileSync(file, `i\tj\tp\n${lines.join('\n')}${lines.length ? '\n' : ''}`);
      }
      json.push(item);
    }
    if (!values.json) io.out(out);
  }
  if (values.json) io.out(JSON.stringify(json, null, 2) + '\n');
  return problems.length > 0 ? 1 : 0;
}

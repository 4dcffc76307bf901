// `basepair predict <modelDir> <data> [--json]`: one prediction per record of a data file, in input
// order, as TSV (id, prediction[, sd]) or a JSON array of {id, prediction, sd?}.
import { commandArgs, FLAG, STRING } from './commandArgs';
import { formatSignificant } from '../core/text/formatNumber';
import { DataError } from '../core/datasets/errors';
import type { CliIO } from './io';
import { predictPairs } from './predictPairs';

export const PREDICT_USAGE = `usage: basepair predict <modelDir> <data> [--sequence-column COL] [--structure-column COL]
         [--id-column COL] [--skip-bad] [--json]

Predictions of a saved regressor for every record of a TSV/CSV (sequence column), FASTA or
dot-bracket file, in input order. Records are folded first when the model was trained on folded
structures. Prints TSV (id, prediction, and sd for k-fold ensembles) or, with --json, an array of
{id, prediction, sd?}. For a pair model (card.json task 'pairs') the data is a TSV/CSV with seq_a and
seq_b columns and the output is [{id, score}] (score = probability of label 1), in input order.`;

const PREDICT_OPTIONS = {
  'sequence-column': STRING, 'structure-column': STRING, 'id-column': STRING, 'skip-bad': FLAG,
  json: FLAG,
} as const;

export async function predictCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = commandArgs(argv, io, PREDICT_USAGE, PREDICT_OPTIONS, 2, 'predict: give a model directory and a data file');
  const { predictFile } = await import('../jobs/prediction');
  const { ModelFileError } = await import('../ml');
  try {
    const { modelTask } = await import('../ml/pairs/io/pairModelDir');
    if ((await modelTask(positionals[0])) === 'pairs') return await predictPairs(positionals[0], positionals[1], values, io);
    const result = await predictFile(positionals[0], positionals[1], {
      load: {
        ...(values['sequence-column'] ? { sequenceColumn: values['sequence-column'] } : {}),
        ...(values['structure-column'] ? { structureColumn: values['structure-column'] } : {}),
        ...(values['id-column'] ? { idColumn: values['id-column'] } : {}),
        skipBad: values['skip-bad'],
      },
    });
    for (const s of result.skipped) io.err(`basepair: skipped ${positionals[1]}:${s.line}${s.column ? `:${s.column}` : ''}: ${s.reason}\n`);
    if (values.json) io.out(JSON.stringify(result.rows, null, 2) + '\n');
    else {
      const withSd = result.rows.some((r) => r.sd !== undefined);
      io.out(`id\tprediction${withSd ? '\tsd' : ''}\n`);
      for (const r of result.rows) io.out(`${r.id}\t${formatSignificant(r.prediction)}${withSd ? `\t${r.sd === undefined ? '' : formatSignificant(r.sd)}` : ''}\n`);
    }
    return 0;
  } catch (err) {
    if (err instanceof DataError || err instanceof ModelFileError) {
      io.err(`basepair: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

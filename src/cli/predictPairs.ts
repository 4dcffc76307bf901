// `basepair predict <pairModelDir> <pairs.tsv> [--json]`: the pair classifier's score (probability of
// label 1) for every pair, in input order: TSV (id, score) or a JSON array of {id, score}. Called by
// predict.ts when the model directory's card says task 'pairs'.
import type { CliIO } from './io';
import { formatSignificant } from '../core/text/formatNumber';

export async function predictPairs(
  modelDir: string,
  data: string,
  values: { 'id-column'?: string | undefined; 'skip-bad'?: boolean | undefined; json?: boolean | undefined },
  io: CliIO,
): Promise<number> {
  const { predictPairsFile } = await import('../jobs/pairPrediction');
  const result = await predictPairsFile(modelDir, data, {
    ...(values['id-column'] ? { idColumn: values['id-column'] } : {}),
    skipBad: values['skip-bad'] ?? false,
  });
  for (const s of result.skipped) io.err(`basepair: skipped ${data}:${s.line}${s.column ? `:${s.column}` : ''}: ${s.reason}\n`);
  if (values.json) io.out(JSON.stringify(result.rows, null, 2) + '\n');
  else {
    io.out('id\tscore\n');
    for (const r of result.rows) io.out(`${r.id}\t${formatSignificant(r.score)}\n`);
  }
  return 0;
}

// `basepair train pairs <data> --out DIR [...]`: trains the pair classifier (+ generator) with the
// same job code the editor runs; progress on stderr; the classifier's test metrics beside the rule
// baselines (or one JSON document). Ctrl+C stops between batches and leaves no model directory.
import { commandArgs, FLAG, STRING } from './commandArgs';
import { runCancellable, TRAINING_STOP } from './cancellableRun';
import { UserError } from './files';
import type { CliIO } from './io';

export const TRAIN_PAIRS_USAGE = `usage: basepair train pairs <data> --out DIR [--epochs N] [--seed S] [--group COL]
         [--a-column COL] [--b-column COL] [--label-column COL] [--id-column COL]
         [--generator-epochs N] [--no-generator] [--revcomp-rule K] [--skip-bad] [--json]

Trains a classifier of sequence pairs (A, B -> interact 0/1: interaction map + 2D CNN + per-sequence
branches, class weights, threshold chosen on validation) and the generator of new pairs. Data:
TSV/CSV with a header (seq_a, seq_b, label, optional id, split and group columns). The split keeps
each seq_a (or each value of --group COL) in one part. Reports AUROC / AUPRC on the test part beside
rule baselines (longest Watson-Crick run, min-mismatch alignment, miRNA seed match).
--revcomp-rule K records the exact rule of a synthetic task (B = reverse complement of A with <= K
mismatches) so that generation reports check it. The model directory is written atomically.
Exit status 1 on bad data (the message names file:line).`;

function int(name: string, v: string | undefined, min: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new UserError(`train pairs: --${name} must be a whole number >= ${min}, not '${v}'`);
  return n;
}

const f3 = (x: number | null | undefined) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(3) : '  n/a');

const TRAIN_PAIRS_OPTIONS = {
  out: STRING, epochs: STRING, seed: STRING, group: STRING, 'a-column': STRING, 'b-column': STRING,
  'label-column': STRING, 'id-column': STRING, 'generator-epochs': STRING, 'no-generator': FLAG,
  'revcomp-rule': STRING, 'skip-bad': FLAG, json: FLAG,
} as const;

export async function trainPairsCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = commandArgs(argv, io, TRAIN_PAIRS_USAGE, TRAIN_PAIRS_OPTIONS, 1, 'train pairs: give one data file');
  if (!values.out) throw new UserError('train pairs: --out DIR is required (the model directory to write)');
  const epochs = int('epochs', values.epochs, 1);
  const seed = int('seed', values.seed, 0);
  const generatorEpochs = int('generator-epochs', values['generator-epochs'], 1);
  const rule = int('revcomp-rule', values['revcomp-rule'], 0);

  const { runPairTraining } = await import('../jobs/pairTraining');
  const [data, out] = [positionals[0]!, values.out];
  return runCancellable(io, TRAINING_STOP, async (signal) => {
    const report = await runPairTraining(
      {
        data,
        out,
        ...(epochs !== undefined ? { epochs } : {}),
        ...(seed !== undefined ? { seed } : {}),
        ...(values.group ? { group: values.group } : {}),
        ...(generatorEpochs !== undefined ? { generatorEpochs } : {}),
        ...(values['no-generator'] ? { generator: false } : {}),
        ...(rule !== undefined ? { revcompRule: rule } : {}),
        skipBad: values['skip-bad'],
        load: {
          ...(values['a-column'] ? { aColumn: values['a-column'] } : {}),
          ...(values['b-column'] ? { bColumn: values['b-column'] } : {}),
          ...(values['label-column'] ? { labelColumn: values['label-column'] } : {}),
          ...(values['id-column'] ? { idColumn: values['id-column'] } : {}),
        },
      },
      {
        signal,
        onProgress: (p) => {
          if (p.phase === 'loading') io.err(`${p.message}\n`);
          else if (p.phase === 'classifier' && p.validAuroc !== undefined) io.err(`classifier epoch ${p.epoch}/${p.maxEpochs}  valid loss ${f3(p.validLoss)}  valid AUROC ${f3(p.validAuroc)}\n`);
          else if (p.phase === 'generator' && p.validNll !== undefined) io.err(`generator epoch ${p.epoch}/${p.maxEpochs}  valid NLL ${f3(p.validNll)} nats/base\n`);
          else if (p.phase === 'saving') io.err(`saving ${p.dir}\n`);
        },
      },
    );
    for (const s of report.data.skipped) io.err(`basepair: skipped ${positionals[0]}:${s.line}${s.column ? `:${s.column}` : ''}: ${s.reason}\n`);
    if (values.json) {
      io.out(JSON.stringify(report, null, 2) + '\n');
    } else {
      const split = report.metrics.test ? 'test' : 'valid';
      io.out(`model: ${report.modelDir} (pair classifier${report.generator ? ' + generator' : ''}, backend ${report.backend.name})\n`);
      io.out(`data: ${report.data.records} pairs (train ${report.sizes.train}, valid ${report.sizes.valid}, test ${report.sizes.test}; ${report.splitMethod})\n`);
      if (report.skipped) io.out(`skipped ${report.skipped} bad rows\n`);
      const rows: [string, number | undefined, number | undefined][] = [['classifier', report.metrics[split]?.auroc, report.metrics[split]?.auprc]];
      for (const b of report.ruleBaselines[split] ?? []) rows.push([`baseline: ${b.name}`, b.auroc, b.auprc]);
      const width = Math.max(...rows.map(([n]) => n.length)) + 2;
      io.out(`${`${split} set (n = ${report.metrics[split]?.n ?? 0})`.padEnd(width)}AUROC  AUPRC\n`);
      for (const [name, auroc, auprc] of rows) io.out(`${name.padEnd(width)}${f3(auroc)}  ${f3(auprc)}\n`);
      io.out(`threshold (best F1 on validation): ${f3(report.threshold)}\n`);
      if (report.generator) io.out(`generator: ${report.generator.epochsRun} epochs, valid NLL ${f3(report.generator.validNll)} nats/base (chance 1.386)\n`);
    }
    return 0;
  });
}

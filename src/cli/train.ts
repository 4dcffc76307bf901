// `basepair train regressor <data> --out DIR [...]`: trains the RNA regressor with the same job code
// the editor runs, prints progress on stderr and the metrics table, baselines and verdict (or one
// JSON document). Ctrl+C stops between batches and leaves no model directory behind.
import { commandArgs, FLAG, STRING } from './commandArgs';
import { runCancellable, TRAINING_STOP } from './cancellableRun';
import { formatRemaining } from '../core/text/formatDuration';
import { UserError } from './files';
import type { CliIO } from './io';
import type { RegressorJobOptions } from '../jobs/regressorTraining';
import { ARCHITECTURES } from '../protocol/architectures';
import { trainPairsCommand } from './trainPairs';

export const TRAIN_USAGE = `usage: basepair train regressor <data> --out DIR [--epochs N] [--seed S] [--folds K]
         [--arch default|seed-cnn|sequence-only] [--structure given|mfe|bpp] [--target COL]
         [--sequence-column COL] [--structure-column COL] [--id-column COL] [--group COL]
         [--skip-bad] [--json]

Trains a regressor (one-hot sequence + structure -> one value) and reports test metrics of the
model beside the baselines (mean; ridge on 1-3-mers + structure composition) with a verdict: does
it learn? Data: TSV/CSV with a header (sequence, optional structure, target, optional id and split
columns) or FASTA / dot-bracket with 'value=<number>' in each header. Records without a structure
are folded: --structure mfe (MFE structures) or bpp (base-pair probabilities; the default when the
data has no structure column). Each batch's gradient is the sum of its shards (one per 16 records)
computed on all cores (BASEPAIR_TRAIN_WORKERS=N sets the worker threads, 0 keeps training on one
thread: the same weights, only slower). The model directory
(model.json, weights.bin, card.json) is written atomically. Exit status 1 on bad data (the message
names file:line).`;

const ARCHS = ARCHITECTURES;
const MODES = ['given', 'mfe', 'bpp'] as const;

function positiveInt(name: string, v: string | undefined, min = 1): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new UserError(`train: --${name} must be a whole number >= ${min}, not '${v}'`);
  return n;
}

const TRAIN_OPTIONS = {
  out: STRING, epochs: STRING, seed: STRING, folds: STRING, arch: STRING, structure: STRING,
  target: STRING, 'sequence-column': STRING, 'structure-column': STRING, 'id-column': STRING,
  group: STRING, 'skip-bad': FLAG, json: FLAG,
} as const;

export async function trainCommand(argv: string[], io: CliIO): Promise<number> {
  const [task, ...rest] = argv;
  if (task === '--help' || task === '-h' || task === undefined) {
    io.out(TRAIN_USAGE + '\n');
    return task === undefined ? 2 : 0;
  }
  if (task === 'pairs') return trainPairsCommand(rest, io);
  if (task !== 'regressor') throw new UserError(`train: unknown task '${task}' (available: regressor, pairs)\n\n${TRAIN_USAGE}`);
  const { values, positionals } = commandArgs(rest, io, TRAIN_USAGE, TRAIN_OPTIONS, 1, 'train regressor: give one data file');
  if (!values.out) throw new UserError('train regressor: --out DIR is required (the model directory to write)');
  if (values.arch !== undefined && !(ARCHS as readonly string[]).includes(values.arch)) {
    throw new UserError(`train: --arch must be one of ${ARCHS.join(', ')}, not '${values.arch}'`);
  }
  if (values.structure !== undefined && !(MODES as readonly string[]).includes(values.structure)) {
    throw new UserError(`train: --structure must be one of ${MODES.join(', ')}, not '${values.structure}'`);
  }
  const seed = positiveInt('seed', values.seed, 0);
  const folds = positiveInt('folds', values.folds);
  const epochs = positiveInt('epochs', values.epochs);

  // Loaded only now: `basepair lint` and friends never load TF.js.
  const { runRegressorTraining } = await import('../jobs/regressorTraining');
  const { metricsTable } = await import('../jobs/trainingReport');
  const job: RegressorJobOptions = {
    data: positionals[0]!,
    out: values.out,
    ...(values.arch ? { arch: values.arch as (typeof ARCHS)[number] } : {}),
    ...(values.structure ? { structure: values.structure as (typeof MODES)[number] } : {}),
    ...(epochs !== undefined ? { epochs } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(folds !== undefined ? { folds } : {}),
    load: {
      ...(values.target ? { targetColumn: values.target } : {}),
      ...(values['sequence-column'] ? { sequenceColumn: values['sequence-column'] } : {}),
      ...(values['structure-column'] ? { structureColumn: values['structure-column'] } : {}),
      ...(values['id-column'] ? { idColumn: values['id-column'] } : {}),
      ...(values.group ? { groupColumn: values.group } : {}),
      skipBad: values['skip-bad'],
    },
  };
  return runCancellable(io, TRAINING_STOP, async (signal) => {
    const report = await runRegressorTraining(
      job,
      {
        signal,
        onProgress: (p) => {
          if (p.phase === 'loading') io.err(`${p.message}\n`);
          else if (p.phase === 'folding' && p.source !== 'given' && (p.done === p.total || p.done % 500 === 0)) io.err(`folding (${p.source}): ${p.done}/${p.total}\n`);
          else if (p.phase === 'training') {
            const member = p.members > 1 ? `fold ${p.member}/${p.members} ` : '';
            io.err(`${member}epoch ${p.epoch}/${p.maxEpochs}  train loss ${p.trainLoss.toFixed(4)}  valid loss ${p.validLoss.toFixed(4)}  valid Spearman ${p.validSpearman.toFixed(3)}  (${formatRemaining(p.etaMinSeconds, p.etaSeconds)})\n`);
          } else if (p.phase === 'saving') io.err(`saving ${p.dir}\n`);
        },
      },
    );
    for (const s of report.data.skipped) io.err(`basepair: skipped ${positionals[0]}:${s.line}${s.column ? `:${s.column}` : ''}: ${s.reason}\n`);
    if (values.json) {
      const { predictions: _omitted, ...rest } = report;
      io.out(JSON.stringify(rest, null, 2) + '\n');
    } else {
      io.out(`model: ${report.modelDir} (${report.arch}, ${report.parameters} parameters, backend ${report.backend.name}, ${report.parallel.workers + 1} training thread(s))\n`);
      if (report.parallel.workerFailure) io.err(`note: trained on one thread; the gradient worker did not start (${report.parallel.workerFailure})\n`);
      io.out(`data: ${report.data.records} records (train ${report.sizes.train}, valid ${report.sizes.valid}, test ${report.sizes.test}), structures: ${report.structureSource}\n`);
      io.out(`${report.data.skipped.length ? `skipped ${report.data.skipped.length} bad rows\n` : ''}`);
      io.out(`${metricsTable(report)}\n\nverdict: ${report.verdict.headline}\n`);
      for (const c of report.verdict.causes) io.out(`  - ${c.sentence}\n`);
    }
    return 0;
  });
}

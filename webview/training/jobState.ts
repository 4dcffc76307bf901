// State of the training jobs the panel shows, folded from the server's training events. Pure (runs
// in Node for unit tests): one JobView per job — a regressor, or a pair classifier followed by its
// generator — with its curves so far, its report or its failure.
import { formatRemaining } from '../../src/core/text/formatDuration';
import type {
  PairTrainingOutcome,
  PairTrainingProgress,
  TrainingEvent,
  TrainingProgress,
  TrainingReport,
  TrainingTask,
  TrainParams,
  TrainPairsParams,
} from '../../src/protocol/editor';

/** The loss chart a curve point belongs to: the regressor's, or the pair classifier's / generator's. */
export type ChartKey = 'regressor' | 'classifier' | 'generator';

export interface CurvePoint {
  chart: ChartKey;
  member: number;
  epoch: number;
  trainLoss: number;
  validLoss: number;
}

interface JobBase {
  jobId: string;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  /** live curve points (replaced by the report's history when done) */
  curve: CurvePoint[];
  error?: string;
}

export interface RegressorJobView extends JobBase {
  task: 'regressor';
  params?: TrainParams;
  /** last progress message */
  phase?: TrainingProgress;
  report?: TrainingReport;
}

export interface PairJobView extends JobBase {
  task: 'pairs';
  params?: TrainPairsParams;
  phase?: PairTrainingProgress;
  report?: PairTrainingOutcome;
}

export type JobView = RegressorJobView | PairJobView;

function newJob(jobId: string, task: TrainingTask): JobView {
  return { jobId, task, status: 'running', curve: [] };
}

/** Adds (or replaces: the same chart, member and epoch) one point of a live curve. */
function addPoint(job: JobView, p: CurvePoint): void {
  job.curve = job.curve.filter((c) => !(c.chart === p.chart && c.member === p.member && c.epoch === p.epoch));
  job.curve.push(p);
}

function pairProgress(job: PairJobView, p: PairTrainingProgress): void {
  job.phase = p;
  if (p.phase === 'classifier' && p.trainLoss !== undefined)
    addPoint(job, { chart: 'classifier', member: 1, epoch: p.epoch, trainLoss: p.trainLoss, validLoss: p.validLoss ?? NaN });
  if (p.phase === 'generator' && p.trainLoss !== undefined)
    addPoint(job, { chart: 'generator', member: 1, epoch: p.epoch, trainLoss: p.trainLoss, validLoss: p.validNll ?? NaN });
}

function pairCurve(r: PairTrainingOutcome): CurvePoint[] {
  return [
    ...r.history.map((x) => ({ chart: 'classifier' as const, member: 1, epoch: x.epoch, trainLoss: x.trainLoss, validLoss: x.validLoss })),
    ...(r.generator?.history ?? []).map((x) => ({ chart: 'generator' as const, member: 1, epoch: x.epoch, trainLoss: x.trainLoss, validLoss: x.validNll })),
  ];
}

function regressorCurve(r: TrainingReport): CurvePoint[] {
  return r.history.flatMap((h, k) => h.map((x) => ({ chart: 'regressor' as const, member: k + 1, epoch: x.epoch, trainLoss: x.trainLoss, validLoss: x.validLoss })));
}

export function applyEvent(jobs: Map<string, JobView>, e: TrainingEvent): Map<string, JobView> {
  let job = jobs.get(e.jobId);
  // A job seen first by its failure (its start was trimmed from the log) shows as a regressor job.
  if (e.kind === 'started' || !job) job = newJob(e.jobId, e.kind === 'failed' ? 'regressor' : e.task);
  switch (e.kind) {
    case 'started':
      job.params = e.params;
      break;
    case 'progress':
      if (e.task === 'regressor' && job.task === 'regressor') {
        const p = e.progress;
        job.phase = p;
        if (p.phase === 'training') addPoint(job, { chart: 'regressor', member: p.member, epoch: p.epoch, trainLoss: p.trainLoss, validLoss: p.validLoss });
      } else if (e.task === 'pairs' && job.task === 'pairs') pairProgress(job, e.progress);
      break;
    case 'done':
      job.status = 'done';
      if (e.task === 'regressor' && job.task === 'regressor') {
        job.report = e.report;
        job.curve = regressorCurve(e.report);
      } else if (e.task === 'pairs' && job.task === 'pairs') {
        job.report = e.report;
        job.curve = pairCurve(e.report);
      }
      break;
    case 'failed':
      job.status = e.cancelled ? 'cancelled' : 'failed';
      job.error = e.message;
      break;
  }
  jobs.set(e.jobId, job);
  return jobs;
}

/** The job to show: the one asked for, else the newest running one, else the newest. */
export function jobToShow(jobs: Map<string, JobView>, selected?: string): JobView | undefined {
  if (selected && jobs.has(selected)) return jobs.get(selected);
  const all = [...jobs.values()];
  return all.reverse().find((j) => j.status === 'running') ?? all[0];
}

/** The job's name (its model folder) and its data file, known from the start. */
export function jobName(job: JobView): string {
  return job.report?.name ?? job.params?.out.split(/[\\/]/).pop() ?? job.jobId;
}

export function jobData(job: JobView): string {
  return job.report?.data.file ?? job.params?.data ?? '';
}

export interface Series {
  name: string;
  member: number;
  points: { x: number; y: number }[];
}

/** Loss curves per member: training and validation loss against the epoch (NaN losses left out). */
export function lossSeries(curve: readonly CurvePoint[]): Series[] {
  const members = [...new Set(curve.map((c) => c.member))].sort((a, b) => a - b);
  const out: Series[] = [];
  for (const m of members) {
    const pts = curve.filter((c) => c.member === m).sort((a, b) => a.epoch - b.epoch);
    const suffix = members.length > 1 ? ` (fold ${m})` : '';
    const series = (name: string, y: (c: CurvePoint) => number) => ({
      name: `${name}${suffix}`,
      member: m,
      points: pts.filter((c) => Number.isFinite(y(c))).map((c) => ({ x: c.epoch, y: y(c) })),
    });
    out.push(series('train', (c) => c.trainLoss), series('validation', (c) => c.validLoss));
  }
  return out;
}

export interface LossChart {
  chart: ChartKey;
  yLabel: string;
  caption: string;
  series: Series[];
}

const CHARTS: Record<ChartKey, { yLabel: string; caption: string }> = {
  regressor: { yLabel: 'loss (standardised MSE)', caption: 'Loss per epoch: training (solid), validation (dashed).' },
  classifier: { yLabel: 'classifier loss (cross-entropy)', caption: 'Pair classifier, loss per epoch: training (solid), validation (dashed).' },
  generator: { yLabel: 'generator loss (nats per base)', caption: 'Pair generator, next-base cross-entropy per epoch: training (solid), validation (dashed).' },
};

/** One loss chart per model the job trains (the regressor's; or the classifier's, then the generator's once it starts). */
export function lossCharts(job: JobView): LossChart[] {
  const keys: ChartKey[] = job.task === 'regressor' ? ['regressor'] : ['classifier', 'generator'];
  return keys
    .filter((k, i) => i === 0 || job.curve.some((c) => c.chart === k))
    .map((chart) => ({ chart, ...CHARTS[chart], series: lossSeries(job.curve.filter((c) => c.chart === chart)) }));
}

function regressorStatus(job: RegressorJobView): string {
  const r = job.report;
  if (r) return `Done in ${Math.round(r.seconds)} s: ${r.epochsRun} epochs, ${Math.round(r.samplesPerSecond)} samples/s on ${r.backend.name}.`;
  const p = job.phase;
  if (!p) return 'Starting…';
  switch (p.phase) {
    case 'loading':
      return 'Reading the data…';
    case 'folding':
      return `Folding the records (${p.source}): ${p.done} of ${p.total}`;
    case 'training': {
      const fold = p.members > 1 ? `model ${p.member} of ${p.members}, ` : '';
      return `Training: ${fold}epoch ${p.epoch} of at most ${p.maxEpochs} (${formatRemaining(p.etaMinSeconds, p.etaSeconds)}; early stopping decides)`;
    }
    case 'saving':
      return 'Saving the model…';
  }
}

function pairStatus(job: PairJobView): string {
  const r = job.report;
  if (r) {
    const gen = r.generator ? `, generator ${r.generator.epochsRun} epochs` : '';
    return `Done in ${Math.round(r.seconds)} s: classifier ${r.epochsRun} epochs (${Math.round(r.pairsPerSecond)} pairs/s)${gen}, on ${r.backend.name}.`;
  }
  const p = job.phase;
  if (!p) return 'Starting…';
  switch (p.phase) {
    case 'loading':
      return 'Reading the pairs…';
    case 'classifier':
    case 'generator': {
      const batch = p.batch < p.batches ? `, batch ${p.batch} of ${p.batches}` : '';
      return `Training the ${p.phase}: epoch ${p.epoch} of at most ${p.maxEpochs}${batch} (early stopping decides)`;
    }
    case 'saving':
      return 'Saving the model…';
  }
}

/** One line of the job's status in words. */
export function statusLine(job: JobView): string {
  if (job.status === 'failed') return `Failed: ${job.error ?? 'unknown error'}`;
  if (job.status === 'cancelled') return 'Stopped: no model was written.';
  return job.task === 'regressor' ? regressorStatus(job) : pairStatus(job);
}

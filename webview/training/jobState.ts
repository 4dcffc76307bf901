// State of the training jobs the panel shows, folded from the server's training events. Pure (runs
// in Node for unit tests): one JobView per job with its curves so far, its report or its failure.
import { formatRemaining } from '../../src/core/text/formatDuration';
import type { TrainingEvent, TrainingProgress, TrainingReport, TrainParams } from '../../src/protocol/editor';

export interface CurvePoint {
  member: number;
  epoch: number;
  trainLoss: number;
  validLoss: number;
  validSpearman: number;
}

export interface JobView {
  jobId: string;
  params?: TrainParams;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  /** last progress message */
  phase?: TrainingProgress;
  /** live curve points (replaced by the report's history when done) */
  curve: CurvePoint[];
  report?: TrainingReport;
  error?: string;
}

export function applyEvent(jobs: Map<string, JobView>, e: TrainingEvent): Map<string, JobView> {
  const job: JobView = jobs.get(e.jobId) ?? { jobId: e.jobId, status: 'running', curve: [] };
  switch (e.kind) {
    case 'started':
      job.params = e.params;
      job.status = 'running';
      break;
    case 'progress':
      job.phase = e.progress;
      if (e.progress.phase === 'training') {
        const p = e.progress;
        job.curve = job.curve.filter((c) => !(c.member === p.member && c.epoch === p.epoch));
        job.curve.push({ member: p.member, epoch: p.epoch, trainLoss: p.trainLoss, validLoss: p.validLoss, validSpearman: p.validSpearman });
      }
      break;
    case 'done':
      job.status = 'done';
      job.report = e.report;
      job.curve = e.report.history.flatMap((h, k) =>
        h.map((x) => ({ member: k + 1, epoch: x.epoch, trainLoss: x.trainLoss, validLoss: x.validLoss, validSpearman: x.validSpearman })),
      );
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

export interface Series {
  name: string;
  member: number;
  points: { x: number; y: number }[];
}

/** Loss curves per member: training and validation loss against the epoch. */
export function lossSeries(curve: readonly CurvePoint[]): Series[] {
  const members = [...new Set(curve.map((c) => c.member))].sort((a, b) => a - b);
  const out: Series[] = [];
  for (const m of members) {
    const pts = curve.filter((c) => c.member === m).sort((a, b) => a.epoch - b.epoch);
    const suffix = members.length > 1 ? ` (fold ${m})` : '';
    out.push({ name: `train${suffix}`, member: m, points: pts.map((c) => ({ x: c.epoch, y: c.trainLoss })) });
    out.push({ name: `validation${suffix}`, member: m, points: pts.map((c) => ({ x: c.epoch, y: c.validLoss })) });
  }
  return out;
}

/** One line of the job's status in words. */
export function statusLine(job: JobView): string {
  if (job.status === 'done' && job.report) {
    const r = job.report;
    return `Done in ${Math.round(r.seconds)} s: ${r.epochsRun} epochs, ${Math.round(r.samplesPerSecond)} samples/s on ${r.backend.name}.`;
  }
  if (job.status === 'failed') return `Failed: ${job.error ?? 'unknown error'}`;
  if (job.status === 'cancelled') return 'Stopped: no model was written.';
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

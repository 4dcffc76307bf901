// The training events the extension remembers, so the training panel can show jobs that ran while
// it was closed and the last report after a window reload: per job its start, its epoch ends (the
// live curves), its last other progress and its end (the finished curves are in the report), at most
// MAX_JOBS jobs of every kind (regressor, pairs), kept in workspaceState.
import * as vscode from 'vscode';
import type { TrainingEvent } from '../../protocol/editor';
import { isCurvePoint } from '../../protocol/reports';

const MAX_JOBS = 8;
const STATE_KEY = 'basepair.trainingEvents';

export class TrainingEventLog {
  private readonly byJob = new Map<string, TrainingEvent[]>();
  private readonly emitter = new vscode.EventEmitter<TrainingEvent>();
  readonly onEvent = this.emitter.event;

  constructor(private readonly state: vscode.Memento) {
    // Events saved by an older version carry no task: they are left out rather than drawn wrongly.
    for (const e of state.get<TrainingEvent[]>(STATE_KEY, [])) if (e.kind === 'failed' || 'task' in e) this.keep(e);
  }

  add(e: TrainingEvent): void {
    this.keep(e);
    this.emitter.fire(e);
    if (e.kind === 'done' || e.kind === 'failed') void this.state.update(STATE_KEY, this.events());
  }

  private keep(e: TrainingEvent): void {
    const list = this.byJob.get(e.jobId) ?? [];
    if (e.kind === 'progress') {
      // Live curve points are needed while the job runs (a finished job's report has them all); of
      // the other progress (folding record k, batch k) only the last one.
      const last = list[list.length - 1];
      if (last?.kind === 'progress' && !isCurvePoint(last.progress)) list.pop();
      list.push(e);
    } else if (e.kind === 'done') {
      this.byJob.set(e.jobId, [...list.filter((x) => x.kind === 'started'), e]);
      this.trim();
      return;
    } else list.push(e);
    this.byJob.set(e.jobId, list);
    this.trim();
  }

  private trim(): void {
    while (this.byJob.size > MAX_JOBS) this.byJob.delete(this.byJob.keys().next().value as string);
  }

  /** Every remembered event, jobs oldest first. */
  events(): TrainingEvent[] {
    return [...this.byJob.values()].flat();
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

// The training events the extension remembers, so the training panel can show jobs that ran while
// it was closed and the last report after a window reload: per job its start, its last progress
// and its end (the per-epoch curve is in the report), at most MAX_JOBS jobs, kept in workspaceState.
import * as vscode from 'vscode';
import type { TrainingEvent } from '../../protocol/editor';

const MAX_JOBS = 8;
const STATE_KEY = 'basepair.trainingEvents';

export class TrainingEventLog {
  private readonly byJob = new Map<string, TrainingEvent[]>();
  private readonly emitter = new vscode.EventEmitter<TrainingEvent>();
  readonly onEvent = this.emitter.event;

  constructor(private readonly state: vscode.Memento) {
    for (const e of state.get<TrainingEvent[]>(STATE_KEY, [])) this.keep(e);
  }

  add(e: TrainingEvent): void {
    this.keep(e);
    this.emitter.fire(e);
    if (e.kind === 'done' || e.kind === 'failed') void this.state.update(STATE_KEY, this.events());
  }

  private keep(e: TrainingEvent): void {
    const list = this.byJob.get(e.jobId) ?? [];
    if (e.kind === 'progress') {
      // Live curve points are needed while the job runs; a finished job's report has them all.
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

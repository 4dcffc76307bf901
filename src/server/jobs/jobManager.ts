// Jobs of the language server (every kind of protocol/jobs.ts JobKinds, one JobManager.run): one forked
// job process (dist/job.js) per job, so training
// never blocks the server, a crash only ends its job, and ending the process gives the memory back.
// Cancel asks the job to stop (it stops between batches) and kills it if it is still running 2 s
// later; model directories are written atomically by the job, and what a killed job leaves
// behind is cleaned up here (recoverInterruptedWrite), so nothing partial is left.
import type { ChildProcess } from 'node:child_process';
import { ResponseError, type MessageConnection } from 'vscode-jsonrpc/node';
import { forkWithConnection } from '../../protocol/ipcConnection';
import { JOB_ERROR, type JobErrorCode } from '../../protocol/errors';
import { JobCancelNotification, JobProgressNotification, RunJobRequest, type JobKind, type JobKinds } from '../../protocol/jobs';
import type { Logger } from '../compute/computeProcess';
import { recoverInterruptedWrite } from '../../core/files/atomicDir';

/** A job that ended without a report: bad data, cancelled, or the process died. */
export class JobFailed extends Error {
  constructor(
    message: string,
    readonly cancelled: boolean,
    /** The job reported bad input (JOB_ERROR.data), not a failure of its own. */
    readonly badInput = false,
  ) {
    super(message);
  }

  get code(): JobErrorCode {
    return this.cancelled ? JOB_ERROR.cancelled : this.badInput ? JOB_ERROR.data : JOB_ERROR.failed;
  }
}

interface RunningJob {
  child: ChildProcess;
  connection: MessageConnection;
  cancelled: boolean;
  killTimer?: NodeJS.Timeout;
}

export const CANCEL_GRACE_MS = 2000;

export class JobManager {
  private readonly jobs = new Map<string, RunningJob>();

  constructor(
    private readonly jobModule: string,
    private readonly log: Logger,
    /** Node options of job processes (tests run the TypeScript entry through tsx). */
    private readonly execArgv: string[] = [],
    /** Extra environment of each job process (read at each start). */
    private readonly env: () => Record<string, string> = () => ({}),
  ) {}

  get running(): string[] {
    return [...this.jobs.keys()];
  }

  pidOf(jobId: string): number | undefined {
    return this.jobs.get(jobId)?.child.pid;
  }

  /**
   * Runs a job of `kind` in a new job process, relaying its progress; resolves with its report. A job
   * that writes a model directory (params.out) has what a killed process left there cleaned up.
   */
  async run<K extends JobKind>(kind: K, jobId: string, params: JobKinds[K]['params'], onProgress: (p: JobKinds[K]['progress']) => void): Promise<JobKinds[K]['report']> {
    const out = 'out' in params ? params.out : undefined;
    const what = 'out' in params ? `${kind} (${params.data} -> ${params.out})` : `${kind} (${params.modelDir}, ${params.count} pairs)`;
    const report = await this.runJob(
      jobId,
      what,
      (c) => c.sendRequest(RunJobRequest, { kind, params }) as Promise<JobKinds[K]['report']>,
      (c) => c.onNotification(JobProgressNotification, (p) => onProgress(p as JobKinds[K]['progress'])),
      out,
    );
    if ('modelDir' in report && out !== undefined) this.log.info(`job ${jobId}: model saved to ${report.modelDir}`);
    return report;
  }

  /** Forks a job process, sends it one request, relays its progress; cancel and failures as the class comment says. */
  private async runJob<R>(
    jobId: string,
    what: string,
    request: (c: MessageConnection) => Promise<R>,
    listen: (c: MessageConnection) => void,
    /** Model directory the job writes atomically (cleaned up when the job dies). */
    out?: string,
  ): Promise<R> {
    if (this.jobs.has(jobId)) throw new Error(`job ${jobId} is already running`);
    const { child, connection } = forkWithConnection(this.jobModule, this.execArgv, this.env());
    const job: RunningJob = { child, connection, cancelled: false };
    this.jobs.set(jobId, job);
    this.log.info(`job ${jobId}: ${what} started in process ${child.pid}`);
    listen(connection);
    connection.listen();
    const exited = new Promise<never>((_, reject) => {
      child.once('exit', (code, signal) => reject(new JobFailed(job.cancelled ? 'cancelled' : `the job process ended unexpectedly (${signal ?? `exit code ${code}`})`, job.cancelled)));
      child.once('error', (err) => reject(new JobFailed(`the job process could not run: ${err.message}`, false)));
    });
    try {
      const result = await Promise.race([request(connection), exited]);
      this.log.info(`job ${jobId}: ${what} done`);
      return result;
    } catch (err) {
      // ResponseError: the job reported an error (its message names file:line); else the process died.
      const failure = err instanceof JobFailed ? err : new JobFailed(err instanceof Error ? err.message : String(err), job.cancelled, err instanceof ResponseError && err.code === JOB_ERROR.data);
      this.log.error(`job ${jobId}: ${failure.cancelled ? 'cancelled' : `failed: ${failure.message}`}`);
      if (out !== undefined && child.pid !== undefined) {
        await recoverInterruptedWrite(out, child.pid).catch((e: unknown) => this.log.error(`job ${jobId}: cleaning up ${out}: ${String(e)}`));
      }
      throw failure;
    } finally {
      this.jobs.delete(jobId);
      if (job.killTimer) clearTimeout(job.killTimer);
      connection.dispose();
      if (child.exitCode === null && child.signalCode === null) child.kill();
    }
  }

  /** Asks the job to stop; kills its process if it has not ended after CANCEL_GRACE_MS. */
  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (!job) return false;
    job.cancelled = true;
    void job.connection.sendNotification(JobCancelNotification).catch(() => undefined);
    job.killTimer = setTimeout(() => job.child.kill('SIGKILL'), CANCEL_GRACE_MS);
    return true;
  }

  dispose(): void {
    for (const job of this.jobs.values()) job.child.kill('SIGKILL');
    this.jobs.clear();
  }
}

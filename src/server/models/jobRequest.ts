// What every job request of the language server shares (train regressor, train pairs, generate
// pairs): work-done progress on the request's token, cancellation by the request token (the job
// manager stops the job, killing it after 2 s), and one error mapping — a failed or cancelled job
// becomes a ResponseError with its JOB_ERROR code (protocol/errors.ts) and the job's message (file:line).
import { ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver/node';
import { JobFailed, type JobManager } from '../jobs/jobManager';

/** Any error of a job as a JobFailed (an unexpected error counts as a failure, not a cancel). */
export function asJobFailed(err: unknown): JobFailed {
  return err instanceof JobFailed ? err : new JobFailed(err instanceof Error ? err.message : String(err), false);
}

export function jobResponseError(failed: JobFailed): ResponseError<void> {
  return new ResponseError(failed.code, failed.message);
}

/** Runs `run` with a cancellable work-done progress titled `title`; failures become ResponseErrors. */
export async function runJobRequest<T>(
  connection: Connection,
  jobs: JobManager,
  params: { jobId: string; workDoneToken?: string },
  token: CancellationToken,
  title: string,
  run: (report: (percentage: number, message: string) => void) => Promise<T>,
): Promise<T> {
  const progress = connection.window.attachWorkDoneProgress(params.workDoneToken);
  progress.begin(title, 0, 'starting', true);
  const sub = token.onCancellationRequested(() => jobs.cancel(params.jobId));
  try {
    return await run((percentage, message) => progress.report(percentage, message));
  } catch (err) {
    throw err instanceof ResponseError ? err : jobResponseError(asJobFailed(err));
  } finally {
    sub.dispose();
    progress.done();
  }
}

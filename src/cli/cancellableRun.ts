// Ctrl+C and error handling shared by the CLI's long jobs (train regressor, train pairs, generate):
// SIGINT aborts the job's signal (the job stops between batches and writes nothing); errors of the
// given user-facing classes print their message (which names file:line) and exit 1; a cancelled run
// exits 130; anything else propagates to the CLI's internal-error handler (exit 70).
import { DataError } from '../core/datasets/errors';
import type { CliIO } from './io';

type ErrorClass = abstract new (...args: never[]) => Error;

export interface CancellableRunOptions {
  /** What is cancelled, for the message: 'training', 'generation'. */
  what: string;
  /** Printed when Ctrl+C arrives, e.g. that no model will be written. */
  onStopMessage?: string;
  userErrors: ErrorClass[];
}

export async function runCancellable(io: CliIO, options: CancellableRunOptions, body: (signal: AbortSignal) => Promise<number>): Promise<number> {
  const controller = new AbortController();
  const onSigint = () => {
    if (options.onStopMessage) io.err(`\nbasepair: ${options.onStopMessage}\n`);
    controller.abort();
  };
  process.once('SIGINT', onSigint);
  try {
    return await body(controller.signal);
  } catch (err) {
    if (options.userErrors.some((cls) => err instanceof cls)) {
      io.err(`basepair: ${(err as Error).message}\n`);
      return 1;
    }
    if (controller.signal.aborted) {
      io.err(`basepair: ${options.what} cancelled\n`);
      return 130;
    }
    throw err;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

/** How a training command stops on Ctrl+C: no model is written, bad data is the user's error. */
export const TRAINING_STOP: CancellableRunOptions = { what: 'training', onStopMessage: 'stopping (Ctrl+C): no model will be written', userErrors: [DataError] };

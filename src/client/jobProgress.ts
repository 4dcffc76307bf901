// Runs one long request of the server (fold a document, train a regressor, train or generate pairs)
// under a cancellable progress notification — the one cancel path of the editor's commands:
// the server's work-done progress on `workDoneToken` moves the notification; Cancel cancels the
// request (the server ends the job process). Rejects with the server's error; cancellation is
// reported as JobCancelled so that callers can stay quiet about it.
import * as vscode from 'vscode';
import { WorkDoneProgress, type LanguageClient, type WorkDoneProgressReport } from 'vscode-languageclient/node';

export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

export async function runJob<R>(
  lc: LanguageClient,
  title: string,
  workDoneToken: string,
  send: (token: vscode.CancellationToken) => Promise<R>,
): Promise<R> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, cancel) => {
    let last = 0;
    const sub = lc.onProgress(WorkDoneProgress.type, workDoneToken, (p) => {
      if (p.kind !== 'report') return;
      const r = p as WorkDoneProgressReport;
      const pct = r.percentage ?? last;
      progress.report({ ...(r.message ? { message: r.message } : {}), increment: Math.max(0, pct - last) });
      last = Math.max(last, pct);
    });
    try {
      return await send(cancel);
    } catch (err) {
      if (cancel.isCancellationRequested) throw new JobCancelled();
      throw err;
    } finally {
      sub.dispose();
    }
  });
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

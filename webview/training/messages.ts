// Messages between the training panel (webview) and the extension, imported by both sides. The
// extension forwards the server's training events; the webview asks to stop a job, to use a
// trained regressor as the active model, or to generate pairs with a trained pair model. Plain JSON.
import type { TrainingEvent } from '../../src/protocol/editor';

export type { TrainingEvent };

/** extension -> webview */
export type TrainingHostMessage =
  | { kind: 'event'; event: TrainingEvent }
  /** the jobs the extension remembers (on open and after a reload), oldest first */
  | { kind: 'replay'; events: TrainingEvent[] }
  | { kind: 'activeModel'; dir: string | null };

/** webview -> extension */
export type TrainingPanelMessage =
  | { kind: 'ready' }
  | { kind: 'cancel'; jobId: string }
  | { kind: 'useModel'; dir: string }
  /** open "Generate Pairs" on a trained pair model */
  | { kind: 'generatePairs'; dir: string }
  | { kind: 'log'; message: string };

export interface TrainingPanelState {
  selectedJob?: string;
}

export function isMessage(m: unknown): m is { kind: string } {
  return typeof m === 'object' && m !== null && typeof (m as { kind?: unknown }).kind === 'string';
}

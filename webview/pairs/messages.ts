// Messages between the pairs panel (webview) and the extension, imported by both sides, and the
// pair set the panel shows: generated pairs (a GenerationSummary of basepair/generatePairs) or the
// pairs of a TSV/CSV file (seq_a, seq_b, optional id, score, label, novel). Plain JSON.
import type { GenerationSummary } from '../../src/protocol/editor';
import type { PairRow } from '../../src/protocol/results';
export type { PairRow } from '../../src/protocol/results';

export type PairSetSource = { kind: 'generation'; modelDir: string } | { kind: 'file'; uri: string };

export interface PairSet {
  /** Model name or file name (plain text). */
  title: string;
  source: PairSetSource;
  /** The generation report without its pairs (generated sets only). */
  generation?: Omit<GenerationSummary, 'pairs'>;
  rows: PairRow[];
}

export type SortKey = 'index' | 'id' | 'score' | 'gcA' | 'gcB' | 'novel';

export interface PairView {
  sort: SortKey;
  descending: boolean;
  /** Case-insensitive substring of the id or of either sequence (T and U match each other). */
  text: string;
  /** Keep pairs with a score >= this (0: no filter; pairs without a score are then dropped). */
  minScore: number;
  novelOnly: boolean;
}

export const DEFAULT_VIEW: PairView = { sort: 'index', descending: false, text: '', minScore: 0, novelOnly: false };

/** extension -> webview */
export type PairsHostMessage =
  | { kind: 'loading'; label: string }
  /** `serial` changes with every set the extension shows; a re-send of the same set keeps it */
  | { kind: 'data'; set: PairSet; serial: number }
  | { kind: 'empty' }
  | { kind: 'error'; message: string }
  /** run a toolbar action as if clicked (commands, tests) */
  | { kind: 'requestAction'; action: PairsAction };

export type PairsAction = 'exportTsv' | 'exportFasta' | 'openDocument';

export type PairsExportFormat = 'tsv' | 'fasta';

/** webview -> extension */
export type PairsPanelMessage =
  | { kind: 'ready' }
  | { kind: 'rendered'; rows: number; shown: number; ms: number }
  /** a file to save (save dialog) */
  | { kind: 'export'; format: PairsExportFormat; fileName: string; content: string }
  | { kind: 'copy'; text: string }
  /** open this TSV text as an untitled document */
  | { kind: 'openDocument'; content: string }
  | { kind: 'log'; level: 'info' | 'error'; message: string };

/** What the webview keeps across hide/show and window reloads (getState/setState). */
export interface PairsPanelState {
  source?: PairSetSource;
  view?: PairView;
}

export function isPairsMessage(m: unknown): m is { kind: string } {
  return typeof m === 'object' && m !== null && typeof (m as { kind?: unknown }).kind === 'string';
}

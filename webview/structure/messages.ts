// Messages between the structure panel (webview) and the extension, imported by both sides.
// The extension posts HostMessage; the webview posts PanelMessage. Plain JSON, no functions.

/** One record as the panel draws it (a structural subset of protocol.ts's StructureData). */
export interface StructureRecord {
  uri: string;
  recordIndex: number;
  headerLine: number;
  id: string;
  description: string;
  /** normalised sequence (upper case, U) */
  sequence: string;
  /** the structure drawn (dot-bracket, same length as the sequence) */
  structure: string;
  structureSource: 'file' | 'mfe';
  /** kcal/mol of the drawn structure, when the energy model can score it */
  energy?: number;
  mfe: number;
  ensemble: number;
  /** base-pair probabilities >= 1e-5 as flat triples i, j, p (1-based, i < j) */
  pairs: number[];
}

export type ColourMode = 'base' | 'unpaired' | 'attribution';

export type ExportKind = 'arcSvg' | 'drawingSvg' | 'dotPlotPng' | 'dotPlotTsv';

/** extension -> webview */
export type HostMessage =
  | { kind: 'loading'; label: string }
  | { kind: 'data'; record: StructureRecord }
  | { kind: 'error'; message: string }
  /** per-position attribution of the active regressor (null: no regressor, the mode is unavailable) */
  | { kind: 'attribution'; values: number[] | null; model?: string }
  /** ask the webview to produce an export (palette commands, tests); it answers with `export` */
  | { kind: 'requestExport'; what: ExportKind };

/** webview -> extension */
export type PanelMessage =
  | { kind: 'ready' }
  | { kind: 'rendered'; id: string; n: number; ms: { dotPlot: number; arcs: number; drawing: number; total: number } }
  /** a file to save: text for SVG/TSV, base64 (no data: prefix) for PNG */
  | { kind: 'export'; what: ExportKind; fileName: string; content: string; encoding: 'utf8' | 'base64' }
  | { kind: 'colourMode'; mode: ColourMode }
  | { kind: 'log'; level: 'info' | 'error'; message: string };

/** What the webview keeps across reloads (vscode.setState); the serializer reads it back. */
export interface StructurePanelState {
  uri?: string;
  position?: { line: number; character: number };
  colourMode?: ColourMode;
}

export const EXPORT_KINDS: readonly ExportKind[] = ['arcSvg', 'drawingSvg', 'dotPlotPng', 'dotPlotTsv'];

/** Runtime check of a message from the other side (postMessage data is untyped). */
export function isPanelMessage(m: unknown): m is PanelMessage {
  return typeof m === 'object' && m !== null && typeof (m as { kind?: unknown }).kind === 'string';
}

export function isHostMessage(m: unknown): m is HostMessage {
  return typeof m === 'object' && m !== null && typeof (m as { kind?: unknown }).kind === 'string';
}

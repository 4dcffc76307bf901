// Messages between the structure panel (webview) and the extension, imported by both sides.
// The extension posts HostMessage; the webview posts PanelMessage. Plain JSON, no functions.
import type { StructureData } from '../../src/protocol/editor';

/** One record as the panel draws it: the server's StructureData (src/protocol/editor.ts). */
export type StructureRecord = StructureData;

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

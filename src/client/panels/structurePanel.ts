// The structure panel (issue 6): one webview panel, reused, that shows the dot plot, arc diagram and
// 2D drawing of the record under the cursor. Data flow: command / code lens / cursor move ->
// basepair/structureData request (the server folds in its compute process) -> HostMessage 'data'
// -> the webview (webview/structure) draws. The webview asks for its state with 'ready' whenever
// it (re)loads, so retainContextWhenHidden is not needed: the record is kept here and re-sent,
// which costs one render (< 1 s for 1,000 nt) instead of keeping a hidden page alive.
// Restored after a window reload by structurePanelSerializer (viewType basepair.structure).
// Attribution: setAttribution() posts per-position values of the active regressor; whoever
// computes them listens to onDidShowRecord.
import * as vscode from 'vscode';
import { StructureDataRequest, type StructureData } from '../../protocol/editor';
import { DEFAULT_BEAM } from '../../core/structure/lengthLimit';
import type { BasepairClient } from '../languageClient';
import type { HostMessage, PanelMessage, StructurePanelState } from '../../../webview/structure/messages';
import { isPanelMessage, EXPORT_KINDS } from '../../../webview/structure/messages';
import { savePanelFile } from './panelExport';
import { headerLineAt, STRUCTURE_LANGUAGES } from './recordAtCursor';
import { PanelHost } from './panelHost';
import { createPanel, PanelSerializer } from './panelSetup';

export const STRUCTURE_VIEW_TYPE = 'basepair.structure';
const FOLLOW_DELAY_MS = 300;
const EDIT_DELAY_MS = 800;

export interface StructureTarget {
  uri: vscode.Uri;
  position: vscode.Position;
}

export interface ShownRecord {
  uri: string;
  recordIndex: number;
  headerLine: number;
  id: string;
  sequence: string;
  structure: string;
}

interface Deps {
  context: vscode.ExtensionContext;
  client: BasepairClient;
  output: vscode.OutputChannel;
}


function followCursorEnabled(): boolean {
  return vscode.workspace.getConfiguration('basepair').get<boolean>('structure.followCursor', true);
}

export class StructurePanel extends PanelHost<HostMessage> {
  private static instance: StructurePanel | undefined;
  private static readonly shown = new vscode.EventEmitter<ShownRecord>();
  /** Fires whenever the panel shows a record (a new one, or the same one refolded). */
  static readonly onDidShowRecord = StructurePanel.shown.event;

  private target: StructureTarget | undefined;
  private record: StructureData | undefined;
  /** what the webview is showing or about to show (re-sent when it reloads) */
  private status: HostMessage | undefined;
  private attribution: { values: number[] | null; model?: string } = { values: null };
  private request = 0;
  private followTimer: NodeJS.Timeout | undefined;
  private editTimer: NodeJS.Timeout | undefined;
  /** the cursor moved while the panel was hidden */
  private followPending = false;

  /** The open panel, if any. */
  static get current(): StructurePanel | undefined {
    return StructurePanel.instance;
  }

  /** Shows (creating or revealing the panel) the record at a position; resolves when it is drawn or failed. */
  static async show(deps: Deps, target: StructureTarget): Promise<StructureData | undefined> {
    let p = StructurePanel.instance;
    if (p) p.panel.reveal(undefined, true);
    else {
      p = new StructurePanel(createPanel(STRUCTURE_VIEW_TYPE, 'Structure', deps.context.extensionUri), deps);
    }
    return p.load(target);
  }

  /** Takes over a panel restored after a window reload and reloads the record it showed. */
  static revive(panel: vscode.WebviewPanel, deps: Deps, state: StructurePanelState | undefined): StructurePanel {
    StructurePanel.instance?.panel.dispose();
    const p = new StructurePanel(panel, deps);
    if (state?.uri && state.position) {
      const target = { uri: vscode.Uri.parse(state.uri), position: new vscode.Position(state.position.line, state.position.character) };
      void vscode.workspace.openTextDocument(target.uri).then(
        () => p.load(target),
        (err: unknown) => p.post({ kind: 'error', message: `Cannot open ${target.uri.fsPath}: ${err instanceof Error ? err.message : String(err)}` }),
      );
    }
    return p;
  }

  private constructor(
    panel: vscode.WebviewPanel,
    private readonly deps: Deps,
  ) {
    super(panel, deps.context.extensionUri, { title: 'Structure', script: 'structure.js', styles: ['webview.css', 'structure.css'] });
    StructurePanel.instance = this;
    this.disposables.push(
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.followPending) this.followActiveEditor(0);
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (STRUCTURE_LANGUAGES.has(e.textEditor.document.languageId)) this.followActiveEditor(FOLLOW_DELAY_MS);
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.followActiveEditor(FOLLOW_DELAY_MS)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.target && e.contentChanges.length && e.document.uri.toString() === this.target.uri.toString()) this.scheduleRefresh();
      }),
    );
  }

  get visible(): boolean {
    return this.panel.visible;
  }

  /** The record on screen (undefined while the first one loads or after an error). */
  get shownRecord(): StructureData | undefined {
    return this.record;
  }

  /** Per-position attribution of the active regressor for the shown record; null makes the mode unavailable. */
  setAttribution(values: number[] | null, model?: string): void {
    this.attribution = { values, ...(model ? { model } : {}) };
    this.post({ kind: 'attribution', values, ...(model ? { model } : {}) });
  }

  /** Asks the webview to produce an export (it answers with an 'export' message -> save dialog). */
  requestExport(what: (typeof EXPORT_KINDS)[number]): void {
    this.post({ kind: 'requestExport', what });
  }

  private post(m: HostMessage): void {
    if (m.kind === 'loading' || m.kind === 'error' || m.kind === 'data') this.status = m;
    this.send(m);
  }

  /** `beam`: fold a record above basepair.fold.maxLength with the beam engine (offered when refused). */
  async load(target: StructureTarget, beam?: number): Promise<StructureData | undefined> {
    const seq = ++this.request;
    this.target = target;
    const name = vscode.workspace.asRelativePath(target.uri, false);
    this.post({ kind: 'loading', label: `Folding the record at line ${target.position.line + 1} of ${name}…` });
    try {
      const lc = await this.deps.client.running();
      const data = await lc.sendRequest(StructureDataRequest, {
        uri: target.uri.toString(),
        position: { line: target.position.line, character: target.position.character },
        ...(beam ? { beam } : {}),
      });
      if (seq !== this.request) return undefined; // a newer request won
      if (!data) {
        this.record = undefined;
        this.post({ kind: 'error', message: `No record at line ${target.position.line + 1} of ${name}.` });
        return undefined;
      }
      const sameSequence = this.record?.sequence === data.sequence;
      this.record = data;
      this.panel.title = `Structure: ${data.id || `record ${data.recordIndex + 1}`}`;
      this.post({ kind: 'data', record: data });
      if (!sameSequence && this.attribution.values) this.setAttribution(null);
      StructurePanel.shown.fire({
        uri: data.uri,
        recordIndex: data.recordIndex,
        headerLine: data.headerLine,
        id: data.id,
        sequence: data.sequence,
        structure: data.structure,
      });
      return data;
    } catch (err) {
      if (seq !== this.request) return undefined;
      const message = err instanceof Error ? err.message : String(err);
      this.record = undefined;
      this.deps.output.appendLine(`structure panel: ${message}`);
      this.post({ kind: 'error', message });
      if (!beam && message.includes('basepair.fold.maxLength')) this.offerBeam(target);
      return undefined;
    }
  }

  /** The server refused a record above basepair.fold.maxLength: offer the linear-time beam engine. */
  private offerBeam(target: StructureTarget): void {
    const button = `Fold with beam ${DEFAULT_BEAM}`;
    const text = 'Basepair: this record is longer than basepair.fold.maxLength; the exact algorithm would take too long.';
    void vscode.window.showWarningMessage(text, button).then((choice) => {
      if (choice === button && this.target === target) void this.load(target, DEFAULT_BEAM);
    });
  }

  /** Follows the cursor to another record (setting basepair.structure.followCursor), debounced. */
  private followActiveEditor(delay: number): void {
    if (this.followTimer) clearTimeout(this.followTimer);
    this.followTimer = setTimeout(() => {
      this.followTimer = undefined;
      const editor = vscode.window.activeTextEditor;
      if (!editor || !followCursorEnabled()) return;
      if (!this.panel.visible) {
        this.followPending = true;
        return;
      }
      this.followPending = false;
      const doc = editor.document;
      if (!STRUCTURE_LANGUAGES.has(doc.languageId)) return;
      const pos = editor.selection.active;
      const header = headerLineAt(doc, pos.line);
      if (header < 0) return;
      const t = this.target;
      const sameDoc = t?.uri.toString() === doc.uri.toString();
      const shownHeader = this.record && this.record.uri === doc.uri.toString() ? this.record.headerLine : undefined;
      if (sameDoc && (shownHeader === header || (shownHeader === undefined && t && headerLineAt(doc, t.position.line) === header))) return;
      void this.load({ uri: doc.uri, position: pos });
    }, delay);
  }

  /** Refolds after the shown document changed (the record may have been edited). */
  private scheduleRefresh(): void {
    if (this.editTimer) clearTimeout(this.editTimer);
    this.editTimer = setTimeout(() => {
      this.editTimer = undefined;
      const t = this.target;
      if (!t) return;
      const editor = vscode.window.activeTextEditor;
      const onDoc = editor && editor.document.uri.toString() === t.uri.toString();
      void this.load(onDoc ? { uri: t.uri, position: editor.selection.active } : t);
    }, EDIT_DELAY_MS);
  }

  protected async receive(raw: unknown): Promise<void> {
    if (!isPanelMessage(raw)) return;
    const m = raw as PanelMessage;
    switch (m.kind) {
      case 'ready':
        // The webview (re)loaded: give it everything it shows.
        if (this.status) this.send(this.status);
        if (this.attribution.values) this.send({ kind: 'attribution', ...this.attribution });
        break;
      case 'rendered':
        this.deps.output.appendLine(
          `structure panel: ${m.id} (${m.n} nt) drawn in ${Math.round(m.ms.total)} ms (dot plot ${Math.round(m.ms.dotPlot)}, arcs ${Math.round(m.ms.arcs)}, 2D ${Math.round(m.ms.drawing)})`,
        );
        break;
      case 'export':
        if (typeof m.fileName !== 'string' || typeof m.content !== 'string' || !EXPORT_KINDS.includes(m.what)) return;
        try {
          await savePanelFile(m, this.target?.uri);
        } catch (err) {
          void vscode.window.showErrorMessage(`Basepair: export failed: ${err instanceof Error ? err.message : String(err)}`);
        }
        break;
      case 'log':
        this.deps.output.appendLine(`structure panel (webview) ${m.level}: ${String(m.message)}`);
        break;
      case 'colourMode':
        break;
    }
  }

  protected override released(): void {
    if (StructurePanel.instance === this) StructurePanel.instance = undefined;
    if (this.followTimer) clearTimeout(this.followTimer);
    if (this.editTimer) clearTimeout(this.editTimer);
  }
}

/** Restores the panel after a window reload (activation event onWebviewPanel:basepair.structure). */
export function structurePanelSerializer(deps: Deps): PanelSerializer<StructurePanelState> {
  return new PanelSerializer((panel, state) => StructurePanel.revive(panel, deps, state));
}

/** Where "Show Structure" points: explicit [uri, position] (code lens) or the active editor's cursor. */
export function structureTarget(uriArg?: unknown, positionArg?: unknown): StructureTarget | undefined {
  if (uriArg !== undefined) {
    const uri = uriArg instanceof vscode.Uri ? uriArg : typeof uriArg === 'string' ? vscode.Uri.parse(uriArg) : undefined;
    const p = positionArg as { line?: unknown; character?: unknown } | undefined;
    if (uri && p && typeof p.line === 'number' && typeof p.character === 'number') {
      return { uri, position: new vscode.Position(p.line, p.character) };
    }
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor || !STRUCTURE_LANGUAGES.has(editor.document.languageId)) return undefined;
  return { uri: editor.document.uri, position: editor.selection.active };
}

/** "Basepair: Show Structure" (palette, context menu, code lens). Returns what it showed (tests). */
export async function showStructure(deps: Deps, uriArg?: unknown, positionArg?: unknown): Promise<StructureData | undefined> {
  const target = structureTarget(uriArg, positionArg);
  if (!target) {
    void vscode.window.showWarningMessage('Basepair: put the cursor in a record of a FASTA or dot-bracket file to show its structure.');
    return undefined;
  }
  return StructurePanel.show(deps, target);
}

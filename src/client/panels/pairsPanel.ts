// The pairs panel (issue 5): one webview panel (webview/pairs), reused, that shows a pair set —
// the pairs of "Basepair: Generate Pairs" or of a TSV/CSV file — as duplexes with scores, GC and
// novelty, sortable and filterable. The webview asks for its data with 'ready' whenever it
// (re)loads, so no retainContextWhenHidden. After a window reload pairsPanelSerializer (viewType
// basepair.pairs) restores it: a file is read again; a generated set comes back from the copy
// saved in the extension's storage. Exports (TSV/FASTA), copy and "open as document" arrive as
// text from the webview and are written here (save dialog, clipboard, untitled document).
import * as vscode from 'vscode';
import { fileToPairSet } from '../../../webview/pairs/pairSet';
import { ReadPairsRequest } from '../../protocol/editor';
import type { BasepairClient } from '../languageClient';
import { isPairsMessage, type PairSet, type PairsAction, type PairsHostMessage, type PairsPanelMessage, type PairsPanelState } from '../../../webview/pairs/messages';
import { savePanelFile } from './panelExport';
import { PanelHost } from './panelHost';
import { createPanel, PanelSerializer } from './panelSetup';

export const PAIRS_VIEW_TYPE = 'basepair.pairs';
const SAVED_SET = 'pairs-panel-generation.json';

export interface PairsPanelDeps {
  context: vscode.ExtensionContext;
  output: vscode.OutputChannel;
  client: BasepairClient;
}

/** What the webview last reported (tests). */
export interface PairsRendered {
  rows: number;
  shown: number;
  ms: number;
}

function storageFolder(context: vscode.ExtensionContext): vscode.Uri {
  return context.storageUri ?? context.globalStorageUri;
}

/** Reads and parses a pairs file (TSV/CSV); throws DataError (file:line) or a file-system error. */
/**
 * The pairs of a file or an open document, parsed by the language server (basepair/readPairs): the
 * editor's text when the document is open (unsaved edits, untitled), else the server reads the file.
 */
export async function loadPairsFile(client: BasepairClient, uri: vscode.Uri): Promise<PairSet> {
  const lc = await client.runningOrExplain();
  if (!lc) throw new Error('the Basepair language server is not running');
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const name = uri.scheme === 'file' ? uri.fsPath : open?.isUntitled ? uri.path : uri.toString();
  const text = open ? open.getText() : uri.scheme === 'file' ? undefined : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  const { rows } = await lc.sendRequest(ReadPairsRequest, { uri: uri.toString(), name, ...(text !== undefined ? { text } : {}) });
  return fileToPairSet(uri.toString(), rows);
}

export class PairsPanel extends PanelHost<PairsHostMessage> {
  private static instance: PairsPanel | undefined;
  private readonly renderedEmitter = new vscode.EventEmitter<PairsRendered>();
  /** Fires when the webview has drawn a set (tests). */
  readonly onDidRender = this.renderedEmitter.event;
  private set: PairSet | undefined;
  private status: PairsHostMessage = { kind: 'empty' };
  private lastRendered: PairsRendered | undefined;
  private serial = 0;

  static get current(): PairsPanel | undefined {
    return PairsPanel.instance;
  }

  /** Shows a set (creating or revealing the panel); without one, just reveals / opens it empty. */
  static show(deps: PairsPanelDeps, set?: PairSet): PairsPanel {
    let p = PairsPanel.instance;
    if (p) p.panel.reveal(undefined, true);
    else {
      p = new PairsPanel(createPanel(PAIRS_VIEW_TYPE, 'Pairs', deps.context.extensionUri), deps);
    }
    if (set) p.showSet(set);
    return p;
  }

  /** Takes over a panel restored after a window reload and reloads what it showed. */
  static revive(panel: vscode.WebviewPanel, deps: PairsPanelDeps, state: PairsPanelState | undefined): PairsPanel {
    PairsPanel.instance?.dispose();
    const p = new PairsPanel(panel, deps);
    const source = state?.source;
    if (source?.kind === 'file') {
      const uri = vscode.Uri.parse(source.uri);
      p.post({ kind: 'loading', label: `Reading ${vscode.workspace.asRelativePath(uri, false)}…` });
      loadPairsFile(deps.client, uri).then(
        (set) => p.showSet(set),
        (err: unknown) => p.post({ kind: 'error', message: err instanceof Error ? err.message : String(err) }),
      );
    } else if (source?.kind === 'generation') {
      void p.restoreGeneration(source.modelDir);
    }
    return p;
  }

  private constructor(
    panel: vscode.WebviewPanel,
    private readonly deps: PairsPanelDeps,
  ) {
    super(panel, deps.context.extensionUri, { title: 'Pairs', script: 'pairs.js', styles: ['webview.css', 'pairs.css'] });
    PairsPanel.instance = this;
    this.disposables.push(this.renderedEmitter);
  }

  /** The set on screen, if any. */
  get shownSet(): PairSet | undefined {
    return this.set;
  }

  /** What the webview reported after its last render. */
  get rendered(): PairsRendered | undefined {
    return this.lastRendered;
  }

  showSet(set: PairSet): void {
    this.set = set;
    this.lastRendered = undefined;
    this.panel.title = `Pairs: ${set.title}`;
    this.post({ kind: 'data', set, serial: ++this.serial });
    if (set.generation) void this.saveGeneration(set);
  }

  /** Runs a toolbar action in the webview (it answers with the text to save or open). */
  requestAction(action: PairsAction): void {
    this.post({ kind: 'requestAction', action });
  }

  private post(m: PairsHostMessage): void {
    if (m.kind !== 'requestAction') this.status = m;
    this.send(m);
  }

  private async saveGeneration(set: PairSet): Promise<void> {
    try {
      const folder = storageFolder(this.deps.context);
      await vscode.workspace.fs.createDirectory(folder);
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, SAVED_SET), new TextEncoder().encode(JSON.stringify(set)));
    } catch (err) {
      this.deps.output.appendLine(`pairs panel: cannot keep the generated pairs for a reload: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private async restoreGeneration(modelDir: string): Promise<void> {
    try {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(storageFolder(this.deps.context), SAVED_SET));
      const set = JSON.parse(new TextDecoder().decode(bytes)) as PairSet;
      if (set.source.kind === 'generation' && set.source.modelDir === modelDir && Array.isArray(set.rows)) {
        this.showSet(set);
        return;
      }
    } catch {
      // nothing saved (or unreadable): say so below
    }
    this.post({ kind: 'error', message: 'The generated pairs shown before the reload are no longer available: run "Basepair: Generate Pairs" again.' });
  }

  protected async receive(raw: unknown): Promise<void> {
    if (!isPairsMessage(raw)) return;
    const m = raw as PairsPanelMessage;
    switch (m.kind) {
      case 'ready':
        this.send(this.status);
        break;
      case 'rendered':
        this.lastRendered = { rows: m.rows, shown: m.shown, ms: m.ms };
        this.deps.output.appendLine(`pairs panel: ${m.shown} of ${m.rows} pairs shown (${Math.round(m.ms)} ms)`);
        this.renderedEmitter.fire(this.lastRendered);
        break;
      case 'copy':
        if (typeof m.text !== 'string') return;
        await vscode.env.clipboard.writeText(m.text);
        vscode.window.setStatusBarMessage('Basepair: pair copied', 3000);
        break;
      case 'export': {
        if (typeof m.content !== 'string' || typeof m.fileName !== 'string' || (m.format !== 'tsv' && m.format !== 'fasta')) return;
        try {
          const documentUri = this.set?.source.kind === 'file' ? vscode.Uri.parse(this.set.source.uri) : undefined;
          await savePanelFile({ fileName: m.fileName, content: m.content, encoding: 'utf8' }, documentUri);
        } catch (err) {
          void vscode.window.showErrorMessage(`Basepair: export failed: ${err instanceof Error ? err.message : String(err)}`);
        }
        break;
      }
      case 'openDocument': {
        if (typeof m.content !== 'string') return;
        const doc = await vscode.workspace.openTextDocument({ content: m.content, language: 'plaintext' });
        await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
        break;
      }
      case 'log':
        this.deps.output.appendLine(`pairs panel (webview) ${m.level}: ${String(m.message)}`);
        break;
    }
  }

  protected override released(): void {
    if (PairsPanel.instance === this) PairsPanel.instance = undefined;
  }
}

/** Restores the panel after a window reload (activation event onWebviewPanel:basepair.pairs). */
export function pairsPanelSerializer(deps: PairsPanelDeps): PanelSerializer<PairsPanelState> {
  return new PanelSerializer((panel, state) => PairsPanel.revive(panel, deps, state));
}

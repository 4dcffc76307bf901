// Publishes diagnostics of open documents: at once on open, debounced after edits (longer for big
// files, so typing in a 50 MB file does not re-lint on every key).
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileDiagnostic } from '../../core/lint/diagnostic';
import type { ParsedFile } from '../../core/formats/records';
import type { AnalysisCache } from '../analysis';
import { toRange } from '../ranges';

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information };

export function toLspDiagnostic(file: ParsedFile, uri: string, d: FileDiagnostic): Diagnostic {
  const out: Diagnostic = {
    range: toRange(file, d.range),
    severity: SEVERITY[d.severity],
    code: d.code,
    source: 'basepair',
    message: d.message,
  };
  if (d.related) {
    out.relatedInformation = d.related.map((r) => ({ location: { uri, range: toRange(file, r.range) }, message: r.message }));
  }
  if (d.record !== undefined) out.data = { record: d.record };
  return out;
}

export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly connection: Connection,
    private readonly cache: AnalysisCache,
    private readonly getDocument: (uri: string) => TextDocument | undefined,
  ) {}

  /** Lint and publish now (on open) or after a delay that grows with the file size (on change). */
  schedule(doc: TextDocument, immediate: boolean): void {
    this.cancel(doc.uri);
    const delay = immediate ? 0 : doc.getText().length > 1_000_000 ? 500 : 150;
    this.timers.set(doc.uri, setTimeout(() => this.publish(doc.uri), delay));
  }

  cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
  }

  clear(uri: string): void {
    this.cancel(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private publish(uri: string): void {
    this.timers.delete(uri);
    const doc = this.getDocument(uri);
    if (!doc) return;
    try {
      const analysis = this.cache.get(doc);
      if (!analysis) return;
      const diagnostics = analysis.lint.diagnostics.map((d) => toLspDiagnostic(analysis.file, uri, d));
      void this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
    } catch (err) {
      this.connection.console.error(`diagnostics failed for ${uri}: ${err instanceof Error ? err.stack : String(err)}`);
    }
  }
}

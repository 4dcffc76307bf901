// Parse + lint results of open documents, cached per document version so that diagnostics, hover,
// outline and code actions of one version share a single parse.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseFile } from '../core/formats/parse';
import type { FormatKind, ParsedFile } from '../core/formats/records';
import { lintFile, type LintResult } from '../core/lint/lint';

export interface Analysis {
  version: number;
  file: ParsedFile;
  lint: LintResult;
  ms: number;
}

export function formatOf(languageId: string): FormatKind | undefined {
  if (languageId === 'fasta') return 'fasta';
  if (languageId === 'dot-bracket') return 'dot-bracket';
  return undefined;
}

export class AnalysisCache {
  private readonly byUri = new Map<string, Analysis>();

  /** Analysis of the document's current version (computed now if needed); undefined for other languages. */
  get(doc: TextDocument): Analysis | undefined {
    const kind = formatOf(doc.languageId);
    if (!kind) return undefined;
    const cached = this.byUri.get(doc.uri);
    if (cached && cached.version === doc.version && cached.file.kind === kind) return cached;
    const t0 = performance.now();
    const file = parseFile(doc.getText(), kind);
    const lint = lintFile(file);
    const analysis = { version: doc.version, file, lint, ms: performance.now() - t0 };
    this.byUri.set(doc.uri, analysis);
    return analysis;
  }

  delete(uri: string): void {
    this.byUri.delete(uri);
  }
}

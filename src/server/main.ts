// The Basepair language server: a separate Node process started by the extension over IPC. Keeps
// the parse + lint of every open FASTA / dot-bracket document and answers diagnostics, hover,
// outline, folding, bracket partners and code actions. Heavy jobs (folding long sequences,
// training) will run in child processes started from here, never in this event loop.
import {
  CodeActionKind,
  createConnection,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FileSummaryRequest, type FileSummary } from '../protocol';
import { AnalysisCache } from './analysis';
import { codeActions } from './features/codeActions';
import { DiagnosticsPublisher } from './features/diagnostics';
import { hoverAt } from './features/hover';
import { partnerDefinition, partnerHighlights } from './features/partners';
import { documentSymbols, foldingRanges, nucleotideCount } from './features/symbols';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const cache = new AnalysisCache();
const diagnostics = new DiagnosticsPublisher(connection, cache, (uri) => documents.get(uri));

/** Runs a request handler on the current analysis of a document; errors are logged, never thrown. */
function withAnalysis<T>(uri: string, fallback: T, f: (a: NonNullable<ReturnType<AnalysisCache['get']>>, doc: TextDocument) => T): T {
  const doc = documents.get(uri);
  if (!doc) return fallback;
  try {
    const analysis = cache.get(doc);
    return analysis ? f(analysis, doc) : fallback;
  } catch (err) {
    connection.console.error(`request failed for ${uri}: ${err instanceof Error ? err.stack : String(err)}`);
    return fallback;
  }
}

connection.onInitialize((): InitializeResult => ({
  capabilities: {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    hoverProvider: true,
    documentSymbolProvider: { label: 'Records' },
    foldingRangeProvider: true,
    definitionProvider: true,
    documentHighlightProvider: true,
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
  },
  serverInfo: { name: 'basepair-language-server' },
}));

connection.onInitialized(() => {
  connection.console.info(`Basepair language server started (pid ${process.pid}, Node ${process.version})`);
});

documents.onDidOpen((e) => diagnostics.schedule(e.document, true));
documents.onDidChangeContent((e) => diagnostics.schedule(e.document, false));
documents.onDidClose((e) => {
  cache.delete(e.document.uri);
  diagnostics.clear(e.document.uri);
});

connection.onHover((p) =>
  withAnalysis(p.textDocument.uri, null, ({ file }) => hoverAt(file, file.lines.offsetAt(p.position))),
);
connection.onDocumentSymbol((p) => withAnalysis(p.textDocument.uri, [], ({ file }) => documentSymbols(file)));
connection.onFoldingRanges((p) => withAnalysis(p.textDocument.uri, [], ({ file }) => foldingRanges(file)));
connection.onDefinition((p) =>
  withAnalysis(p.textDocument.uri, null, ({ file }) => partnerDefinition(file, p.textDocument.uri, file.lines.offsetAt(p.position))),
);
connection.onDocumentHighlight((p) =>
  withAnalysis(p.textDocument.uri, null, ({ file }) => partnerHighlights(file, file.lines.offsetAt(p.position))),
);
connection.onCodeAction((p) => withAnalysis(p.textDocument.uri, [], (a) => codeActions(a, p)));

connection.onRequest(FileSummaryRequest, (p) =>
  withAnalysis<FileSummary | null>(p.uri, null, (a, doc) => {
    let nucleotides = 0;
    for (const r of a.file.records) nucleotides += nucleotideCount(a.file, r);
    const count = (s: string) => a.lint.diagnostics.filter((d) => d.severity === s).length;
    return {
      uri: p.uri,
      version: doc.version,
      records: a.file.records.length,
      nucleotides,
      errors: count('error'),
      warnings: count('warning'),
      analysisMs: Math.round(a.ms),
    };
  }),
);

process.on('uncaughtException', (err) => connection.console.error(`uncaught: ${err.stack ?? String(err)}`));

documents.listen(connection);
connection.listen();

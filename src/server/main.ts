// The Basepair language server: a separate Node process started by the extension over IPC. Keeps
// the parse + lint of every open FASTA / dot-bracket document and answers diagnostics, hover,
// outline, folding ranges, bracket partners and code actions. RNA folding runs in a long-lived
// compute process started from here (dist/compute.js), never in this event loop.
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  createConnection,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  type InitializeResult,
} from 'vscode-languageserver/node';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FileSummaryRequest, FoldDocumentRequest, StructureDataRequest, type FileSummary } from '../protocol/editor';
import { ResponseError } from 'vscode-languageserver';
import { structureData, StructureDataError } from './features/structureData';
import { ComputeProcess } from './compute/computeProcess';
import { foldDocument } from './features/foldDocument';
import { foldHoverSection } from './features/foldHover';
import { FoldService } from './folding/foldService';
import { JobManager } from './jobs/jobManager';
import { registerModelHandlers } from './models/handlers';
import { registerPairHandlers } from './models/pairHandlers';
import { ModelService } from './models/modelService';
import { predictionHoverSection } from './features/predictionHover';
import { DEFAULT_SETTINGS, mlEnvironment, readSettings, type ServerSettings } from './settings';
import { AnalysisCache } from './analysis';
import { codeActions } from './features/codeActions';
import { structureCodeLenses } from './features/codeLens';
import { DiagnosticsPublisher } from './features/diagnostics';
import { hoverAt } from './features/hover';
import { partnerDefinition, partnerHighlights } from './features/partners';
import { documentSymbols, foldingRanges, nucleotideCount } from './features/symbols';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const cache = new AnalysisCache();
const diagnostics = new DiagnosticsPublisher(connection, cache, (uri) => documents.get(uri));
const log = { info: (m: string) => connection.console.info(m), error: (m: string) => connection.console.error(m) };
const compute = new ComputeProcess(path.join(__dirname, 'compute.js'), log, () => mlEnvironment(settings));
const folding = new FoldService(compute);
const models = new ModelService(compute);
const jobs = new JobManager(path.join(__dirname, 'job.js'), log, [], () => mlEnvironment(settings));
let settings: ServerSettings = DEFAULT_SETTINGS;

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
    codeLensProvider: { resolveProvider: false },
  },
  serverInfo: { name: 'basepair-language-server' },
}));

connection.onInitialized(() => {
  connection.console.info(`Basepair language server started (pid ${process.pid}, Node ${process.version})`);
  // Start the compute process now (and build its energy tables) so the first hover does not wait.
  folding.fold('GGGGAAAACCCC', 'mfe').catch((err: unknown) => connection.console.error(`compute process warm-up failed: ${String(err)}`));
});

documents.onDidOpen((e) => diagnostics.schedule(e.document, true));
documents.onDidChangeContent((e) => diagnostics.schedule(e.document, false));
documents.onDidClose((e) => {
  cache.delete(e.document.uri);
  diagnostics.clear(e.document.uri);
});

connection.onDidChangeConfiguration((p) => {
  const before = settings;
  settings = readSettings((p.settings as { basepair?: unknown } | undefined)?.basepair);
  if (settings.structure.codeLens !== before.structure.codeLens) connection.sendRequest(CodeLensRefreshRequest.type).catch(() => {});
  if (settings.ml.backend !== before.ml.backend || settings.ml.threads !== before.ml.threads) {
    // TF.js picks its backend once per process: a new compute process takes the new one (the
    // active model is loaded into it again on the next prediction). Running jobs keep theirs.
    connection.console.info(`ML backend setting: ${settings.ml.backend}, ${settings.ml.threads} thread(s)`);
    if (compute.pid !== undefined) compute.restart();
  }
});

connection.onHover(async (p) => {
  const found = withAnalysis(p.textDocument.uri, null, ({ file }) => {
    const offset = file.lines.offsetAt(p.position);
    return { file, offset, hover: hoverAt(file, offset) };
  });
  if (!found?.hover || !settings.hover.enabled) return null;
  const contents = found.hover.contents as { kind: string; value: string };
  const [prediction, fold] = await Promise.allSettled([
    settings.hover.predictions ? predictionHoverSection(found.file, found.offset, models) : undefined,
    foldHoverSection(found.file, found.offset, folding, settings.fold.maxHoverLength, settings.fold.maxLength),
  ]);
  for (const [what, r] of [['prediction', prediction], ['folding', fold]] as const) {
    if (r.status === 'fulfilled' && r.value) contents.value += '\n\n---\n\n' + r.value;
    else if (r.status === 'rejected') connection.console.error(`${what} for hover failed: ${r.reason instanceof Error ? r.reason.message : String(r.reason)}`);
  }
  return found.hover;
});
connection.onDocumentSymbol((p) => withAnalysis(p.textDocument.uri, [], ({ file }) => documentSymbols(file)));
connection.onFoldingRanges((p) => withAnalysis(p.textDocument.uri, [], ({ file }) => foldingRanges(file)));
connection.onDefinition((p) =>
  withAnalysis(p.textDocument.uri, null, ({ file }) => partnerDefinition(file, p.textDocument.uri, file.lines.offsetAt(p.position))),
);
connection.onDocumentHighlight((p) =>
  withAnalysis(p.textDocument.uri, null, ({ file }) => partnerHighlights(file, file.lines.offsetAt(p.position))),
);
connection.onCodeAction((p) => withAnalysis(p.textDocument.uri, [], (a) => codeActions(a, p)));
connection.onCodeLens((p) =>
  settings.structure.codeLens ? withAnalysis(p.textDocument.uri, [], ({ file }) => structureCodeLenses(file, p.textDocument.uri)) : [],
);

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

connection.onRequest(FoldDocumentRequest, async (p, token) => {
  const doc = documents.get(p.uri);
  const analysis = doc ? cache.get(doc) : undefined;
  if (!analysis) throw new Error(`not an open FASTA or dot-bracket document: ${p.uri}`);
  const progress = connection.window.attachWorkDoneProgress(p.workDoneToken);
  const result = await foldDocument(analysis.file, p, folding, settings.fold.maxLength, progress, token);
  if (result) connection.console.info(`fold: ${result.folded} records folded, ${result.skipped.length} skipped in ${result.ms} ms`);
  return result;
});

connection.onRequest(StructureDataRequest, async (p) => {
  const doc = documents.get(p.uri);
  const analysis = doc ? cache.get(doc) : undefined;
  if (!analysis) return null;
  try {
    return await structureData(analysis.file, p, folding, settings.fold.maxLength);
  } catch (err) {
    // A record that cannot be folded is the user's to fix: say why, as a request error.
    if (err instanceof StructureDataError) throw new ResponseError(1, err.message);
    throw err;
  }
});

process.on('uncaughtException', (err) => connection.console.error(`uncaught: ${err.stack ?? String(err)}`));

registerModelHandlers(connection, { jobs, models, documents, cache });
registerPairHandlers(connection, { jobs });

connection.onShutdown(() => {
  jobs.dispose();
  compute.dispose();
});

documents.listen(connection);
connection.listen();

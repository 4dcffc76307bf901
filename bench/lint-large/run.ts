// bench/lint-large: how long a 50 MB FASTA takes to parse + lint in the core, and end to end in the
// real language server (dist/server.js over IPC): didOpen -> first publishDiagnostics, outline and
// folding requests. Writes bench/results/lint-large.json. Run: npm run bench:lint-large
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  createProtocolConnection,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { parseFile } from '../../src/core/formats/parse';
import { lintFile } from '../../src/core/lint/lint';
import { generateLargeFasta } from './generate';

const ROOT = path.resolve(__dirname, '../..');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const round = (x: number) => Math.round(x * 10) / 10;

function rssMB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024);
}

async function lsp(text: string) {
  const server = fork(path.join(ROOT, 'dist/server.js'), ['--node-ipc'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const conn = createProtocolConnection(new IPCMessageReader(server), new IPCMessageWriter(server));
  conn.listen();
  await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
  conn.sendNotification('initialized', {});
  const uri = 'file:///bench/large.fasta';
  const diagnostics = new Promise<PublishDiagnosticsParams>((resolve) =>
    conn.onNotification(PublishDiagnosticsNotification.type, (p) => resolve(p)),
  );
  const t0 = performance.now();
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'fasta', version: 1, text } });
  const published = await diagnostics;
  const toDiagnostics = performance.now() - t0;
  const t1 = performance.now();
  const symbols = await conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
  const symbolMs = performance.now() - t1;
  const t2 = performance.now();
  const folds = await conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
  const foldingMs = performance.now() - t2;
  const serverPeakRssMB = rssMB(server.pid!);
  conn.dispose();
  server.kill();
  return {
    didOpenToDiagnosticsMs: round(toDiagnostics),
    diagnostics: published.diagnostics.length,
    documentSymbolMs: round(symbolMs),
    symbols: symbols?.length ?? 0,
    foldingRangesMs: round(foldingMs),
    foldingRanges: folds?.length ?? 0,
    serverPeakRssMB,
  };
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, 'dist/server.js'))) throw new Error('dist/server.js is missing: run `node esbuild.mjs` first');
  const dir = path.join(__dirname, 'input');
  fs.mkdirSync(dir, { recursive: true });
  const gen = generateLargeFasta(path.join(dir, 'large.fasta'));
  const text = fs.readFileSync(gen.path, 'utf8');
  const parse: number[] = [];
  const lint: number[] = [];
  let problems = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const file = parseFile(text, 'fasta');
    const t1 = performance.now();
    problems = lintFile(file).total;
    const t2 = performance.now();
    parse.push(t1 - t0);
    lint.push(t2 - t1);
  }
  const server = await lsp(text);
  const result = {
    benchmark: 'lint-large',
    date: new Date().toISOString(),
    machine: { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, memoryGB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    input: { bytes: gen.bytes, megabytes: round(gen.bytes / 1e6), records: gen.records, lines: gen.lines, problems },
    core: { runs: parse.length, parseMedianMs: round(median(parse)), lintMedianMs: round(median(lint)), totalMedianMs: round(median(parse.map((p, i) => p + lint[i]))) },
    languageServer: server,
    goal: { firstDiagnosticsMs: 2000, met: server.didOpenToDiagnosticsMs < 2000 },
  };
  fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'bench/results/lint-large.json'), JSON.stringify(result, null, 2) + '\n');
  console.log(JSON.stringify(result, null, 2));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

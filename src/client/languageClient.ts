// Owns the vscode-languageclient LanguageClient: starts dist/server.js over IPC for FASTA and
// dot-bracket documents, logs to the "Basepair" output channel, restarts on request, and restarts
// a server that died (with a limit: serverRestartPolicy.ts).
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ServerRestartPolicy } from './serverRestartPolicy';
import { watchPredictionHovers } from './walkthrough/predictionHoverWatch';

export const DOCUMENT_SELECTOR = [
  { language: 'fasta' },
  { language: 'dot-bracket' },
];

export class BasepairClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private policy: ServerRestartPolicy | undefined;
  private readonly changed = new vscode.EventEmitter<LanguageClient | undefined>();
  /** Fires when the language client starts or stops. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.OutputChannel,
  ) {}

  /** Automatic restarts after the server died, since the last start (tests, logs). */
  get automaticRestarts(): number {
    return this.policy?.restarts ?? 0;
  }

  get current(): LanguageClient | undefined {
    return this.client?.isRunning() ? this.client : undefined;
  }

  /**
   * The running language client, waiting for it while it starts (a command can activate the
   * extension and run before the server is up). Rejects after `timeoutMs`.
   */
  async running(timeoutMs = 60000): Promise<LanguageClient> {
    if (this.current) return this.current;
    return new Promise<LanguageClient>((resolve, reject) => {
      const timer = setTimeout(() => {
        sub.dispose();
        reject(new Error('the Basepair language server is not running (see the "Basepair" output)'));
      }, timeoutMs);
      const sub = this.onDidChange(() => {
        const lc = this.current;
        if (!lc) return;
        clearTimeout(timer);
        sub.dispose();
        resolve(lc);
      });
    });
  }

  /** For commands: the running client, or undefined after telling the user why there is none. */
  async runningOrExplain(): Promise<LanguageClient | undefined> {
    try {
      return await this.running();
    } catch (err) {
      void vscode.window.showErrorMessage(`Basepair: ${err instanceof Error ? err.message : String(err)}.`);
      return undefined;
    }
  }

  async start(): Promise<void> {
    const module = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: DOCUMENT_SELECTOR,
      outputChannel: this.output,
      traceOutputChannel: this.output,
      diagnosticCollectionName: 'basepair',
      synchronize: { configurationSection: 'basepair' },
      errorHandler: (this.policy = new ServerRestartPolicy(this.output)),
      middleware: { provideHover: watchPredictionHovers },
    };
    const client = new LanguageClient('basepair', 'Basepair Language Server', serverOptions, clientOptions);
    this.client = client;
    let started = false;
    // After an automatic restart (the server died) listeners must hear of the new server too.
    client.onDidChangeState((e) => {
      if (!started || this.client !== client) return;
      if (e.newState === State.Running) {
        this.output.appendLine('language server running again');
        this.changed.fire(client);
      } else if (e.oldState === State.Running) this.changed.fire(undefined);
    });
    try {
      await client.start();
      started = true;
      this.output.appendLine(`language server running (${module})`);
      this.changed.fire(client);
    } catch (err) {
      this.output.appendLine(`language server failed to start: ${err instanceof Error ? err.message : String(err)}`);
      void vscode.window.showErrorMessage('Basepair: the language server failed to start. See the "Basepair" output.');
      throw err;
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.changed.fire(undefined);
    if (client?.isRunning()) await client.stop();
  }

  async restart(): Promise<void> {
    this.output.appendLine('restarting the language server');
    await this.stop();
    await this.start();
  }

  dispose(): void {
    void this.stop();
    this.changed.dispose();
  }
}

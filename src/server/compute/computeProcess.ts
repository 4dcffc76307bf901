// Owns the compute child process (dist/compute.js): starts it on first use, sends typed requests,
// and starts a new one on the next request when it has died (crash, kill, out of memory).
import type { ChildProcess } from 'node:child_process';
import type { MessageConnection, RequestType } from 'vscode-jsonrpc/node';
import { forkWithConnection } from '../../protocol/ipcConnection';

export interface Logger {
  info(message: string): void;
  error(message: string): void;
}

export class ComputeProcess {
  private child: ChildProcess | undefined;
  private connection: MessageConnection | undefined;
  private starts = 0;

  constructor(
    private readonly modulePath: string,
    private readonly log: Logger,
    /** Extra environment of the process (read at each start). */
    private readonly env: () => Record<string, string> = () => ({}),
  ) {}

  /** Number of processes started so far (1 after the first request, +1 per restart). */
  get startCount(): number {
    return this.starts;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async request<P, R>(type: RequestType<P, R, void>, params: P): Promise<R> {
    return this.ensure().sendRequest(type, params);
  }

  private ensure(): MessageConnection {
    if (this.connection && this.child && this.child.exitCode === null && this.child.signalCode === null) return this.connection;
    const { child, connection } = forkWithConnection(this.modulePath, [], this.env());
    this.starts++;
    this.child = child;
    this.connection = connection;
    this.log.info(`compute process started (pid ${child.pid}${this.starts > 1 ? `, restart ${this.starts - 1}` : ''})`);
    child.on('exit', (code, signal) => {
      if (this.child === child) {
        this.child = undefined;
        this.connection = undefined;
      }
      connection.dispose();
      if (!this.disposed) this.log.error(`compute process ${child.pid} exited (${signal ?? `code ${code}`}); a new one starts on the next request`);
    });
    child.on('error', (err) => this.log.error(`compute process error: ${err.message}`));
    connection.listen();
    return connection;
  }

  private disposed = false;

  /** Ends the running process (e.g. after a backend setting changed); the next request starts a new one. */
  restart(): void {
    const child = this.child;
    this.child = undefined;
    this.connection?.dispose();
    this.connection = undefined;
    child?.kill();
  }

  dispose(): void {
    this.disposed = true;
    this.connection?.dispose();
    this.child?.kill();
  }
}

// The JSON-RPC connection over Node's IPC channel between the language server and its child processes
// (the compute process and the job processes), for both ends: the server forks a child with one, a
// child opens one to its parent.
import { fork, type ChildProcess } from 'node:child_process';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

/** Forks `modulePath` (stdout and stderr shared with this process) and connects to it. */
export function forkWithConnection(modulePath: string, execArgv: string[], env: Record<string, string>): { child: ChildProcess; connection: MessageConnection } {
  const child = fork(modulePath, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv, env: { ...process.env, ...env } });
  return { child, connection: createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child)) };
}

/** In a forked child: the connection to the parent (the language server). */
export function parentConnection(): MessageConnection {
  return createMessageConnection(new IPCMessageReader(process), new IPCMessageWriter(process));
}

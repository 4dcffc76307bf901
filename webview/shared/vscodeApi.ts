// Typed access to the webview API VS Code injects (acquireVsCodeApi): postMessage to the
// extension, incoming messages from it, and the state VS Code keeps across hide/show and reloads.
/// <reference lib="dom" />

interface VsCodeApi<S> {
  postMessage(message: unknown): void;
  getState(): S | undefined;
  setState(state: S): void;
}

declare function acquireVsCodeApi<S>(): VsCodeApi<S>;

export interface Messenger<In, Out, S> {
  post(message: Out): void;
  /** Subscribes to messages from the extension; `isIn` filters what is not a message of ours. */
  listen(isIn: (m: unknown) => m is In, cb: (m: In) => void): void;
  getState(): S | undefined;
  setState(state: S): void;
}

export function createMessenger<In, Out, S>(): Messenger<In, Out, S> {
  const api = acquireVsCodeApi<S>();
  return {
    post: (m) => api.postMessage(m),
    listen: (isIn, cb) =>
      window.addEventListener('message', (e: MessageEvent) => {
        if (isIn(e.data)) cb(e.data);
      }),
    getState: () => api.getState(),
    setState: (s) => api.setState(s),
  };
}

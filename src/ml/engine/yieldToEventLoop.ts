// Lets the event loop run (timers, IPC messages such as a cancel request). TF.js on wasm/cpu resolves
// data() in a microtask, so an async training loop would otherwise never give macrotasks a turn and an
// AbortSignal fired from a timer or a parent process message would only be seen after training.
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

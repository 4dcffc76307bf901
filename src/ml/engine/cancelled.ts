// The error a training or prediction run rejects with when its AbortSignal fires.
export class Cancelled extends Error {
  override readonly name = 'Cancelled';
  constructor(what = 'training') {
    super(`${what} cancelled`);
  }
}

// A small least-recently-used cache with in-flight de-duplication: the same sequence asked twice
// while it is being folded is folded once.
export class LruPromiseCache<V> {
  private readonly done = new Map<string, V>();
  private readonly pending = new Map<string, Promise<V>>();

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.done.size;
  }

  peek(key: string): V | undefined {
    const v = this.done.get(key);
    if (v !== undefined) {
      this.done.delete(key);
      this.done.set(key, v);
    }
    return v;
  }

  get(key: string, compute: () => Promise<V>): Promise<V> {
    const hit = this.peek(key);
    if (hit !== undefined) return Promise.resolve(hit);
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    const p = compute().then(
      (v) => {
        this.pending.delete(key);
        this.done.set(key, v);
        if (this.done.size > this.capacity) this.done.delete(this.done.keys().next().value as string);
        return v;
      },
      (err: unknown) => {
        this.pending.delete(key);
        throw err;
      },
    );
    this.pending.set(key, p);
    return p;
  }
}

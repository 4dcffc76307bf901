// Helpers shared by the integration test files (not a test file itself: index.ts loads *.test.js).
import { limit } from '../support/timeLimits';

/** Polls `probe` until it returns a value other than undefined/false; throws after the timeout. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 20000,
): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() - t0 > limit(timeoutMs)) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// Every time limit of the test suites goes through limit(): a limit only decides how long a broken
// test takes to fail, never whether a working one passes, so the values written in the tests (sized
// on an idle machine) are multiplied by TIME_SCALE — BASEPAIR_TEST_TIME_SCALE, default 4 — which
// keeps a loaded 2-core CI machine (load average 10+) from failing tests that are merely slow.
// No test asserts an elapsed time; speed is measured in bench/.
export const TIME_SCALE = (() => {
  const v = Number(process.env.BASEPAIR_TEST_TIME_SCALE);
  return Number.isFinite(v) && v > 0 ? v : 4;
})();

/** `ms` (a limit sized for an idle machine) times TIME_SCALE. */
export function limit(ms: number): number {
  return Math.round(ms * TIME_SCALE);
}

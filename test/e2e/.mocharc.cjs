// Mocha configuration of the e2e (UI) tests: default per-test limit 180 s times the suites' time
// scale (BASEPAIR_TEST_TIME_SCALE, default 4; see test/support/timeLimits.ts).
const scale = Number(process.env.BASEPAIR_TEST_TIME_SCALE) > 0 ? Number(process.env.BASEPAIR_TEST_TIME_SCALE) : 4;
module.exports = {
  spec: ['test/e2e/**/*.e2e.test.ts'],
  'node-option': ['import=tsx'],
  extension: ['ts'],
  timeout: 180000 * scale,
  slow: 60000,
  reporter: 'spec',
};

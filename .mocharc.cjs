// Mocha configuration of the unit tests. The default per-test limit is 60 s times the suites' time
// scale (BASEPAIR_TEST_TIME_SCALE, default 4: see test/support/timeLimits.ts, which every other limit
// of the tests goes through).
const scale = Number(process.env.BASEPAIR_TEST_TIME_SCALE) > 0 ? Number(process.env.BASEPAIR_TEST_TIME_SCALE) : 4;
module.exports = {
  spec: ['test/unit/**/*.test.ts'],
  'node-option': ['import=tsx'],
  timeout: 60000 * scale,
  reporter: 'spec',
};

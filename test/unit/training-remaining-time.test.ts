// The remaining-time range of a training run with early stopping (src/ml/regressor/remainingTime.ts)
// and its wording (src/core/text/formatDuration.ts), on hand-computed cases.
import * as assert from 'node:assert/strict';
import { formatDuration, formatRemaining } from '../../src/core/text/formatDuration';
import { remainingTime } from '../../src/ml/regressor/remainingTime';

describe('remaining training time', () => {
  const base = { maxEpochs: 100, patience: 30, membersAfter: 0, finishedMemberEpochs: [] as number[] };

  it('after the first epoch: its own time, at least patience - 0 epochs, at most 99', () => {
    const r = remainingTime({ ...base, epochSeconds: [18], epoch: 1, epochsSinceBest: 0 });
    assert.deepEqual(r, { minSeconds: 18 * 30, maxSeconds: 18 * 99 });
  });

  it('later: the median epoch without the warm-up first one; the minimum counts down with stalled epochs', () => {
    // epochs 2..5 take 2, 2.2, 2.1, 9 s (one slow outlier): median of [2, 2.2, 2.1, 9] = 2.15
    const r = remainingTime({ ...base, epochSeconds: [18, 2, 2.2, 2.1, 9], epoch: 5, epochsSinceBest: 4 });
    assert.ok(Math.abs(r.minSeconds - 2.15 * 26) < 1e-9, String(r.minSeconds));
    assert.ok(Math.abs(r.maxSeconds - 2.15 * 95) < 1e-9, String(r.maxSeconds));
  });

  it('never more epochs than are left, and nothing at the last epoch', () => {
    assert.deepEqual(remainingTime({ ...base, epochSeconds: [1, 1], epoch: 90, epochsSinceBest: 0 }), { minSeconds: 10, maxSeconds: 10 });
    assert.deepEqual(remainingTime({ ...base, epochSeconds: [1, 1], epoch: 100, epochsSinceBest: 3 }), { minSeconds: 0, maxSeconds: 0 });
  });

  it('members still to train: patience + 1 epochs each at least before one has finished, then as many as the finished ones took', () => {
    const first = remainingTime({ ...base, membersAfter: 4, epochSeconds: [1, 1], epoch: 2, epochsSinceBest: 0 });
    assert.deepEqual(first, { minSeconds: 30 + 4 * 31, maxSeconds: 98 + 4 * 100 });
    const later = remainingTime({ ...base, membersAfter: 2, finishedMemberEpochs: [60, 70], epochSeconds: [1, 1, 1], epoch: 10, epochsSinceBest: 5 });
    assert.deepEqual(later, { minSeconds: 25 + 2 * 65, maxSeconds: 90 + 2 * 100 });
  });

  it('is worded as a range in the largest fitting unit', () => {
    assert.equal(formatDuration(45.4), '45 s');
    assert.equal(formatDuration(150), '3 min');
    assert.equal(formatDuration(3 * 3600 + 5 * 60), '3 h 5 min');
    assert.equal(formatRemaining(40, 110), '40-110 s left');
    assert.equal(formatRemaining(540, 1782), '9-30 min left');
    assert.equal(formatRemaining(40, 1782), '40 s-30 min left');
    assert.equal(formatRemaining(10, 10), 'about 10 s left');
    assert.equal(formatRemaining(0, 0), 'about 0 s left');
  });
});

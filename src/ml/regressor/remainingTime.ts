// How long a training run with early stopping still takes, as a range: at least the epochs early
// stopping needs to give up (patience minus the epochs since the best one), at most every epoch left
// to the maximum; members still to train take, at least, as many epochs as the finished ones took
// (patience + 1 before any has finished) and at most the maximum. The epoch time is the median of
// the epochs so far without the first, which pays the JIT and kernel warm-up (only used alone).
// Pure: no TF.js.

export interface RemainingTimeInput {
  /** Wall seconds of every epoch so far, in order (all members). */
  epochSeconds: readonly number[];
  epoch: number;
  maxEpochs: number;
  /** Epochs since the best validation epoch (0 = this one was the best). */
  epochsSinceBest: number;
  patience: number;
  /** Members (folds) still to train after this one. */
  membersAfter: number;
  /** Epochs each finished member ran (empty while the first trains). */
  finishedMemberEpochs: readonly number[];
}

export interface RemainingTime {
  minSeconds: number;
  maxSeconds: number;
}

function typicalEpochSeconds(seconds: readonly number[]): number {
  const s = (seconds.length > 1 ? seconds.slice(1) : seconds).slice().sort((a, b) => a - b);
  if (s.length === 0) return 0;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function remainingTime(r: RemainingTimeInput): RemainingTime {
  const perEpoch = typicalEpochSeconds(r.epochSeconds);
  const leftMax = Math.max(0, r.maxEpochs - r.epoch);
  const leftMin = Math.min(leftMax, Math.max(0, r.patience - r.epochsSinceBest));
  const later = r.finishedMemberEpochs.length
    ? Math.min(r.maxEpochs, Math.round(r.finishedMemberEpochs.reduce((a, b) => a + b, 0) / r.finishedMemberEpochs.length))
    : Math.min(r.maxEpochs, r.patience + 1);
  return {
    minSeconds: perEpoch * (leftMin + r.membersAfter * later),
    maxSeconds: perEpoch * (leftMax + r.membersAfter * r.maxEpochs),
  };
}

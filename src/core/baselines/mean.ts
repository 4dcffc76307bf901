// The simplest baseline: predict the training mean for every record. Any model that does not beat
// it (R^2 <= 0) has learnt nothing usable.

export interface MeanModel {
  kind: 'mean';
  mean: number;
}

export function fitMean(yTrain: ArrayLike<number>): MeanModel {
  let s = 0;
  for (let i = 0; i < yTrain.length; i++) s += yTrain[i];
  if (yTrain.length === 0) throw new RangeError('mean baseline: no training values');
  return { kind: 'mean', mean: s / yTrain.length };
}

export function predictMean(model: MeanModel, n: number): Float64Array {
  return new Float64Array(n).fill(model.mean);
}

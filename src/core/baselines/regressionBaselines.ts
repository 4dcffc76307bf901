// The baselines every regression run reports beside the network (issue 4): the training mean, and
// ridge regression on 1-3-mer frequencies + structure composition with lambda chosen on the
// validation records. Fits on train, selects on valid, evaluates on any record sets.
import type { RegressionRecord } from '../datasets/regression';
import { regressionMetrics, type RegressionMetrics } from '../metrics/regression';
import { fitMean } from './mean';
import { REGRESSION_FEATURE_COUNT, regressionFeatureMatrix } from './regressionFeatures';
import { DEFAULT_LAMBDAS, fitRidgeSelectLambda, predictRidge, type RidgeModel } from './ridge';

type Rec = Pick<RegressionRecord, 'sequence' | 'structure' | 'target'>;

export interface RegressionBaselines {
  mean: { value: number };
  ridge: { model: RidgeModel; grid: { lambda: number; validMse: number }[] };
  /** Predictions of a baseline for some records. */
  predict(name: 'mean' | 'ridge', records: readonly Rec[]): Float64Array;
  /** Metrics of both baselines on some records, names 'mean' and 'ridge (k-mer + structure)'. */
  evaluate(records: readonly Rec[]): { name: string; metrics: RegressionMetrics }[];
}

export const RIDGE_BASELINE_NAME = 'ridge (k-mer + structure)';
export const MEAN_BASELINE_NAME = 'mean';

export function fitRegressionBaselines(train: readonly Rec[], valid: readonly Rec[], lambdas: readonly number[] = DEFAULT_LAMBDAS): RegressionBaselines {
  const yTrain = train.map((r) => r.target);
  const mean = fitMean(yTrain);
  // Without validation records, lambda is chosen on the training records (less honest; logged by callers).
  const sel = valid.length > 0
    ? fitRidgeSelectLambda(regressionFeatureMatrix(train), yTrain, regressionFeatureMatrix(valid), valid.map((r) => r.target), REGRESSION_FEATURE_COUNT, lambdas)
    : fitRidgeSelectLambda(regressionFeatureMatrix(train), yTrain, regressionFeatureMatrix(train), yTrain, REGRESSION_FEATURE_COUNT, lambdas);
  const predict = (name: 'mean' | 'ridge', records: readonly Rec[]) =>
    name === 'mean' ? new Float64Array(records.length).fill(mean.mean) : predictRidge(sel.model, regressionFeatureMatrix(records));
  return {
    mean: { value: mean.mean },
    ridge: sel,
    predict,
    evaluate(records) {
      const y = records.map((r) => r.target);
      return [
        { name: MEAN_BASELINE_NAME, metrics: regressionMetrics(y, predict('mean', records)) },
        { name: RIDGE_BASELINE_NAME, metrics: regressionMetrics(y, predict('ridge', records)) },
      ];
    },
  };
}

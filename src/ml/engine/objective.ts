// What a training task contributes to a gradient step: an objective. It knows its training items (records,
// pairs) and says, for the items of one gradient shard, their weight in the batch (records, class weights,
// target tokens) and their weighted loss as a scalar inside the gradient tape. Objectives are registered by
// kind, so that a gradient worker thread rebuilds the same objective from plain data (workerSpec) and a
// shard's gradient does not depend on the thread that computed it.
import type * as tf from '../tf';

export interface Objective {
  /** The weight of the items `indices` in a batch loss (their count, their class weights, their tokens). */
  weight(indices: ArrayLike<number>): number;
  /**
   * Sum over `indices` of weight x loss, times `scale` (1 / the batch's total weight): a scalar. Called
   * inside tf.variableGrads and tf.tidy; builds its own input tensors; applies the model with training on.
   */
  loss(model: tf.LayersModel, indices: ArrayLike<number>, scale: number): tf.Scalar;
}

/** An objective as plain (structured-clone) data: its registered kind and what its factory needs. */
export interface ObjectiveSpec {
  kind: string;
  data: unknown;
}

type Factory = (data: never) => Objective;
const factories = new Map<string, Factory>();

/** Makes `kind` available to objectiveOf (each objective module registers itself when imported). */
export function registerObjective<D>(kind: string, factory: (data: D) => Objective): (data: D) => ObjectiveSpec {
  factories.set(kind, factory as Factory);
  return (data: D) => ({ kind, data });
}

/** The objective of a spec (throws when its module was not imported). */
export function objectiveOf(spec: ObjectiveSpec): Objective {
  const factory = factories.get(spec.kind);
  if (!factory) throw new Error(`no training objective '${spec.kind}' is registered`);
  return factory(spec.data as never);
}

// Adam with one update over all variables at once. tf.train.adam runs ~14 kernels per variable per
// step; with a few dozen small variables that dispatch overhead (tens of microseconds per kernel on
// wasm/cpu) costs as much as the convolutions. Here gradients are concatenated into one vector, the
// Adam arithmetic runs once on it, and the update is split back: ~4 kernels per variable + 15.
// Same update rule as tf.train.adam (Kingma & Ba, bias-corrected, epsilon outside the square root);
// bias corrections are computed in double precision on the JS side.
import * as tf from '../tf';

type NamedTensor = { name: string; tensor: tf.Tensor };

export class FusedAdam extends tf.Optimizer {
  static get className(): string {
    return 'BasepairFusedAdam';
  }
  learningRate: number;
  private readonly beta1: number;
  private readonly beta2: number;
  private readonly epsilon: number;
  private step = 0;
  private m: tf.Variable | undefined;
  private v: tf.Variable | undefined;
  private names: string[] = [];

  constructor(learningRate: number, beta1 = 0.9, beta2 = 0.999, epsilon?: number) {
    super();
    this.learningRate = learningRate;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon ?? tf.backend().epsilon();
  }

  override applyGradients(variableGradients: tf.NamedTensorMap | NamedTensor[]): void {
    const entries: [string, tf.Tensor | null][] = Array.isArray(variableGradients)
      ? variableGradients.map((v) => [v.name, v.tensor])
      : Object.entries(variableGradients);
    const variables = entries.map(([n]) => tf.engine().registeredVariables[n]!);
    tf.tidy(() => {
      const g = tf.concat(entries.map(([, t], i) => (t ? tf.reshape(t, [-1]) : tf.zeros([variables[i]!.size]))));
      this.applyFlatGradient(g, variables);
    });
  }

  /** One Adam step from the gradients of `variables` concatenated (each flattened) in that order. */
  applyFlatGradient(g: tf.Tensor, variables: readonly tf.Variable[]): void {
    const names = variables.map((v) => v.name);
    const sizes = variables.map((v) => v.size);
    const total = sizes.reduce((a, b) => a + b, 0);
    if (g.size !== total) throw new Error(`FusedAdam: gradient has ${g.size} values for ${total} weights`);
    if (!this.m || names.join('\n') !== this.names.join('\n')) {
      tf.dispose([this.m, this.v].filter((x): x is tf.Variable => x !== undefined));
      this.m = tf.tidy(() => tf.variable(tf.zeros([total]), false));
      this.v = tf.tidy(() => tf.variable(tf.zeros([total]), false));
      this.names = names;
      this.step = 0;
    }
    this.step++;
    const { beta1, beta2, epsilon, learningRate, step } = this;
    const correction1 = 1 - beta1 ** step;
    const correction2 = 1 - beta2 ** step;
    tf.tidy(() => {
      const m = tf.add(tf.mul(this.m!, beta1), tf.mul(g, 1 - beta1));
      const v = tf.add(tf.mul(this.v!, beta2), tf.mul(tf.square(g), 1 - beta2));
      this.m!.assign(m);
      this.v!.assign(v);
      const mHat = tf.div(m, correction1);
      const vHat = tf.div(v, correction2);
      const delta = tf.mul(tf.div(mHat, tf.add(tf.sqrt(vHat), epsilon)), -learningRate);
      const parts = tf.split(delta, sizes);
      variables.forEach((variable, i) => variable.assign(tf.add(variable, tf.reshape(parts[i]!, variable.shape))));
    });
    this.incrementIterations();
  }

  override dispose(): void {
    tf.dispose([this.m, this.v].filter((x): x is tf.Variable => x !== undefined));
    this.m = undefined;
    this.v = undefined;
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon };
  }
}

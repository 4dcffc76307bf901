// relu?(a W + b) for a [N, C], W [C, F], b [F] with a hand-written gradient (tf.customGrad): the forward
// pass is one _FusedMatMul kernel (matMul, bias and ReLU in one pass; tf.fused.matMul splits a ReLU into
// separate ops while gradients are recorded), and the backward pass gets dW and dBias from ONE matMul,
// [a^T; 1] g -> [C + 1, F] (the row of ones sums g), instead of a transposed matMul plus a separate
// reduction over g. Same derivatives as tf.relu(tf.add(tf.matMul(a, W), b)).
import * as tf from '../tf';

function make(relu: boolean) {
  return tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [a, kernel, bias, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, tf.GradSaveFunc];
    const [n, c] = a.shape;
    const f = kernel.shape[1];
    const y3 = tf.engine().runKernel(
      '_FusedMatMul',
      { a: tf.reshape(a, [1, n, c]), b: tf.reshape(kernel, [1, c, f]), bias },
      { transposeA: false, transposeB: false, activation: relu ? 'relu' : 'linear' } as unknown as tf.NamedAttrMap,
    ) as tf.Tensor3D;
    const value = tf.reshape(y3, [n, f]) as tf.Tensor2D;
    save([a, kernel, value]);
    return {
      value,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sa, sk, out] = saved as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
        const g = (relu ? tf.mul(dy, tf.step(out)) : dy) as tf.Tensor2D;
        const da = tf.matMul(g, sk, false, true);
        const wb = tf.matMul(tf.pad(tf.transpose(sa), [[0, 1], [0, 0]], 1), g); // [a^T; 1] g = [C + 1, F] (pad: a native kernel; concat runs in JS on wasm)
        return [da, tf.slice(wb, [0, 0], [c, f]), tf.reshape(tf.slice(wb, [c, 0], [1, f]), [f])];
      },
    };
  });
}

const ops = { relu: make(true), linear: make(false) };

/** relu(a W + b) (or a W + b with relu = false), differentiable in a, W and b. */
export function denseRelu(a: tf.Tensor2D, kernel: tf.Tensor2D, bias: tf.Tensor1D, relu = true): tf.Tensor2D {
  return (relu ? ops.relu : ops.linear)(a, kernel, bias) as tf.Tensor2D;
}

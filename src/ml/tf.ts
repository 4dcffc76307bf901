// The one TF.js import of Basepair (a facade): every module of ml/ and the tests import TF.js from here,
// never from a TF.js package. Unbundled runs (unit tests and benches under tsx) load the
// @tensorflow/tfjs umbrella's Node build. In the bundle (dist/basepair.js) esbuild.mjs resolves the
// umbrella to ./tfjsBundled.ts: tfjs-core, tfjs-layers, the gradients, the chained tensor methods and
// the cpu backend from their ES module builds — the same kernels without WebGL, the converter and
// tfjs-data. The wasm backend and tfjs-node are loaded lazily by backend/initBackend.ts.
export * from '@tensorflow/tfjs';

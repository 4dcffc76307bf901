// What the bundle loads for `@tensorflow/tfjs` (esbuild.mjs resolves the umbrella here; see ./tf.ts):
// the parts of the umbrella Basepair uses, from their ES module builds (esbuild's mainFields put
// `module` first, so tfjs-core is one module graph). Not imported by any other module.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import '@tensorflow/tfjs-backend-cpu';
import { version_core } from '@tensorflow/tfjs-core';
import { version_layers } from '@tensorflow/tfjs-layers';

export * from '@tensorflow/tfjs-core';
export * from '@tensorflow/tfjs-layers';

/** The umbrella's `version` shape. */
export const version = { tfjs: version_core, 'tfjs-core': version_core, 'tfjs-layers': version_layers } as const;

// TF.js layers-format files without tfjs-node: `model.json` (topology + weights manifest) and
// `weights.bin` (all weights, one shard), the layout tfjs-node's file:// handler writes, so models load
// in either. Errors name the file at fault.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as tf from '../tf';
import { ModelFileError } from './modelFileError';

export const MODEL_JSON = 'model.json';
export const WEIGHTS_BIN = 'weights.bin';

/** Saves `model` (no optimizer state) into `dir` as model.json + weights.bin. */
export async function saveLayersModel(model: tf.LayersModel, dir: string): Promise<void> {
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      if (artifacts.modelTopology instanceof ArrayBuffer) throw new Error('binary model topology is not supported');
      const weightData = artifacts.weightData ? tf.io.CompositeArrayBuffer.join(artifacts.weightData) : new ArrayBuffer(0);
      const modelJson = {
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy,
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: [WEIGHTS_BIN], weights: artifacts.weightSpecs ?? [] }],
      };
      await fs.promises.writeFile(path.join(dir, WEIGHTS_BIN), Buffer.from(weightData));
      await fs.promises.writeFile(path.join(dir, MODEL_JSON), JSON.stringify(modelJson));
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
    { includeOptimizer: false },
  );
}

async function readModelJson(file: string): Promise<tf.io.ModelJSON> {
  let text: string;
  try {
    text = await fs.promises.readFile(file, 'utf8');
  } catch (err) {
    throw new ModelFileError(file, (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : `cannot be read (${String(err)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ModelFileError(file, `is not valid JSON (${(err as Error).message})`);
  }
  const m = json as Partial<tf.io.ModelJSON>;
  if (!m || typeof m !== 'object' || !m.modelTopology || !Array.isArray(m.weightsManifest)) {
    throw new ModelFileError(file, 'is not a TF.js layers model (modelTopology or weightsManifest missing)');
  }
  return m as tf.io.ModelJSON;
}

/** Loads model.json + its weight files from `dir`; custom layers must be registered (../layers). */
export async function loadLayersModel(dir: string): Promise<tf.LayersModel> {
  const jsonFile = path.join(dir, MODEL_JSON);
  const modelJson = await readModelJson(jsonFile);
  let expectedBytes = 0;
  const handler: tf.io.IOHandler = {
    load: async () =>
      tf.io.getModelArtifactsForJSON(modelJson, async (manifest) => {
        const specs: tf.io.WeightsManifestEntry[] = [];
        const buffers: ArrayBuffer[] = [];
        for (const group of manifest) {
          specs.push(...group.weights);
          for (const p of group.paths) {
            const file = path.join(dir, p);
            let data: Buffer;
            try {
              data = await fs.promises.readFile(file);
            } catch (err) {
              throw new ModelFileError(file, (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : `cannot be read (${String(err)})`);
            }
            buffers.push(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
          }
        }
        expectedBytes = specs.reduce((sum, s) => sum + s.shape.reduce((a, b) => a * b, 1) * bytesPer(s.dtype), 0);
        const joined = tf.io.concatenateArrayBuffers(buffers);
        if (joined.byteLength !== expectedBytes) {
          const files = manifest.flatMap((g) => g.paths).join(', ');
          throw new ModelFileError(path.join(dir, files), `holds ${joined.byteLength} bytes of weights, ${MODEL_JSON} describes ${expectedBytes} (truncated or from another model)`);
        }
        return [specs, joined];
      }),
  };
  try {
    return await tf.loadLayersModel(handler);
  } catch (err) {
    if (err instanceof ModelFileError) throw err;
    throw new ModelFileError(jsonFile, `cannot be loaded as a model (${(err as Error).message.split('\n')[0]})`);
  }
}

function bytesPer(dtype: string): number {
  return dtype === 'float32' || dtype === 'int32' ? 4 : dtype === 'bool' ? 1 : 4;
}

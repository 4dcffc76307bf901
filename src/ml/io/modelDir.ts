// A model directory: model.json + weights.bin (TF.js layers format, all ensemble members in one network)
// + card.json (ModelCard). Saved atomically (temp dir + rename); loading checks the card first, then the
// network, and every error names the file at fault.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as tf from '../tf';
import '../layers/index';
import { writeDirAtomically } from '../../core/files/atomicDir';
import { loadLayersModel, MODEL_JSON, saveLayersModel } from './layersFormat';
import { CARD_JSON, checkModelCard, type ModelCard } from './modelCard';
import { ModelFileError } from './modelFileError';

/** A trained or loaded regressor: the network (output [batch, members], standardised) and its card. */
export interface RegressionModel {
  network: tf.LayersModel;
  card: ModelCard;
}

export async function saveModel(dir: string, model: RegressionModel): Promise<void> {
  await writeDirAtomically(dir, async (temp) => {
    await saveLayersModel(model.network, temp);
    await fs.promises.writeFile(path.join(temp, CARD_JSON), JSON.stringify(model.card, null, 2) + '\n');
  });
}

export async function loadModel(dir: string): Promise<RegressionModel> {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new ModelFileError(dir, 'is not a model directory (not found)');
  const cardFile = path.join(dir, CARD_JSON);
  let text: string;
  try {
    text = await fs.promises.readFile(cardFile, 'utf8');
  } catch (err) {
    throw new ModelFileError(cardFile, (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : `cannot be read (${String(err)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ModelFileError(cardFile, `is not valid JSON (${(err as Error).message})`);
  }
  const card = checkModelCard(json, cardFile);
  const network = await loadLayersModel(dir);
  const width = network.outputs[0]!.shape[1];
  const names = network.inputNames;
  if (width !== card.architecture.members || names.length !== card.inputs.inputs.length || names.some((n) => !card.inputs.inputs.includes(n as never))) {
    network.dispose();
    throw new ModelFileError(path.join(dir, MODEL_JSON), `does not match ${CARD_JSON} (inputs ${names.join(', ')}; ${String(width)} outputs)`);
  }
  return { network, card };
}

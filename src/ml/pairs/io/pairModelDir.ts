// A pair model directory, written atomically (temp dir + rename, ../../io/atomicDir):
//   card.json            PairModelCard (task 'pairs')
//   model.json, weights.bin   the classifier (TF.js layers format)
//   training-pairs.bin   hashes of the training pairs (novelty of generated pairs)
//   generator/           card.json (task 'pair-generator'), model.json, weights.bin
// Loading checks the card first (format, version, task: ModelFileError naming card.json), then the
// networks; every error names the file at fault.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as tf from '../../tf';
import '../../layers/index';
import '../layers/index';
import { writeDirAtomically } from '../../../core/files/atomicDir';
import { loadLayersModel, MODEL_JSON, saveLayersModel } from '../../io/layersFormat';
import { CARD_JSON } from '../../io/modelCard';
import { ModelFileError } from '../../io/modelFileError';
import { checkGeneratorCard, checkPairCard, GENERATOR_DIR, type GeneratorCard, type PairModelCard } from './pairCard';
import { TRAINING_PAIRS_BIN, TrainingPairSet } from './trainingPairs';

export interface PairGeneratorModel {
  network: tf.LayersModel;
  card: GeneratorCard;
}

export interface PairModel {
  classifier: tf.LayersModel;
  card: PairModelCard;
  generator?: PairGeneratorModel;
  trainingPairs: TrainingPairSet;
}

export async function savePairModel(dir: string, model: PairModel): Promise<void> {
  await writeDirAtomically(dir, async (temp) => {
    await saveLayersModel(model.classifier, temp);
    await fs.promises.writeFile(path.join(temp, TRAINING_PAIRS_BIN), model.trainingPairs.toBytes());
    if (model.generator) {
      const g = path.join(temp, GENERATOR_DIR);
      await fs.promises.mkdir(g);
      await saveLayersModel(model.generator.network, g);
      await fs.promises.writeFile(path.join(g, CARD_JSON), JSON.stringify(model.generator.card, null, 2) + '\n');
    }
    // the card last: a directory with a card is complete (the rename makes it visible at once anyway)
    await fs.promises.writeFile(path.join(temp, CARD_JSON), JSON.stringify(model.card, null, 2) + '\n');
  });
}

/** Parsed card.json of a model directory (any task), or a ModelFileError naming it. */
export async function readCardJson(dir: string): Promise<{ file: string; json: unknown }> {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new ModelFileError(dir, 'is not a model directory (not found)');
  const file = path.join(dir, CARD_JSON);
  let text: string;
  try {
    text = await fs.promises.readFile(file, 'utf8');
  } catch (err) {
    throw new ModelFileError(file, (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : `cannot be read (${String(err)})`);
  }
  try {
    return { file, json: JSON.parse(text) as unknown };
  } catch (err) {
    throw new ModelFileError(file, `is not valid JSON (${(err as Error).message})`);
  }
}

/** The task of a model directory's card ('regression', 'pairs', ...), for dispatching commands. */
export async function modelTask(dir: string): Promise<string> {
  const { file, json } = await readCardJson(dir);
  const task = (json as { task?: unknown } | null)?.task;
  if (typeof task !== 'string') throw new ModelFileError(file, 'has no task');
  return task;
}

function checkInputs(network: tf.LayersModel, file: string): void {
  const names = network.inputNames;
  if (names.length !== 2 || names[0] !== 'a' || names[1] !== 'b' || network.outputs[0]!.shape[1] !== 1) {
    network.dispose();
    throw new ModelFileError(file, `is not a pair classifier (inputs ${names.join(', ')})`);
  }
}

export async function loadPairModel(dir: string, opts: { generator?: boolean } = {}): Promise<PairModel> {
  const { file, json } = await readCardJson(dir);
  const card = checkPairCard(json, file);
  const pairsFile = path.join(dir, TRAINING_PAIRS_BIN);
  let trainingPairs: TrainingPairSet | undefined;
  try {
    trainingPairs = TrainingPairSet.fromBytes(new Uint8Array(await fs.promises.readFile(pairsFile)));
  } catch {
    throw new ModelFileError(pairsFile, 'missing or unreadable');
  }
  if (!trainingPairs) throw new ModelFileError(pairsFile, 'is not a sorted list of pair hashes (damaged)');
  let generator: PairGeneratorModel | undefined;
  if (opts.generator) {
    if (!card.generator) throw new ModelFileError(file, 'this pair model has no generator (train it again to generate)');
    const gdir = path.join(dir, card.generator.dir);
    const g = await readCardJson(gdir);
    const gcard = checkGeneratorCard(g.json, g.file);
    generator = { network: await loadLayersModel(gdir), card: gcard };
  }
  let classifier: tf.LayersModel;
  try {
    classifier = await loadLayersModel(dir);
  } catch (err) {
    generator?.network.dispose();
    throw err;
  }
  checkInputs(classifier, path.join(dir, MODEL_JSON));
  return { classifier, card, trainingPairs, ...(generator ? { generator } : {}) };
}

export function disposePairModel(model: PairModel): void {
  model.classifier.dispose();
  model.generator?.network.dispose();
}

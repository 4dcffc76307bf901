// The prediction part of a record hover: `predicted <target>: 0.53 ± 0.04 (model <name>)` from the
// active regressor in the compute process (which folds the record first when the model needs it).
import { locate, recordSequence, recordStructure } from '../../core/formats/locate';
import type { ParsedFile } from '../../core/formats/records';
import { parsePairTable } from '../../core/structure/dotBracket';
import type { ModelService } from '../models/modelService';
import { LruPromiseCache } from '../folding/foldCache';
import { notFoldable } from './foldHover';
import { escapeMarkdown } from './hover';

const cache = new LruPromiseCache<{ prediction: number; sd?: number }>(5000);

/** Formats a prediction with 3 significant decimals of its scale. */
export function formatPrediction(p: { prediction: number; sd?: number }): string {
  const digits = Math.abs(p.prediction) >= 100 ? 1 : Math.abs(p.prediction) >= 10 ? 2 : 3;
  return p.prediction.toFixed(digits) + (p.sd !== undefined ? ` ± ${p.sd.toFixed(digits)}` : '');
}

/** A structure from the file that the model can use: balanced, same length as the sequence. */
export function usableStructure(sequence: string, structure: string): string | undefined {
  if (!structure || structure.length !== sequence.length) return undefined;
  const t = parsePairTable(structure);
  return t.unmatched.length === 0 && t.invalid.length === 0 && !structure.includes('&') ? structure : undefined;
}

export async function predictionHoverSection(file: ParsedFile, offset: number, models: ModelService): Promise<string | undefined> {
  const model = models.active;
  if (!model) return undefined;
  const loc = locate(file, offset);
  if (!loc || (loc.part !== 'header' && loc.part !== 'sequence')) return undefined;
  const sequence = recordSequence(file, loc.record);
  if (notFoldable(sequence)) return undefined;
  const structure = usableStructure(sequence, recordStructure(file, loc.record));
  const key = `${model.dir}|${sequence.toUpperCase()}|${structure ?? ''}`;
  const p = await cache.get(key, async () => (await models.predict([{ sequence, ...(structure ? { structure } : {}) }]))[0]);
  return `predicted ${escapeMarkdown(model.targetName || 'value')}: **${formatPrediction(p)}** (model ${escapeMarkdown(model.name)})`;
}

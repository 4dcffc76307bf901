// Fingerprint of a training set for the model card: sha256 over every record's sequence, structure
// (or pair probabilities) and target, in order.
import { createHash } from 'node:crypto';
import type { SequenceInput } from '../features/structureInput';

export function dataHash(records: readonly (SequenceInput & { target: number })[]): string {
  const h = createHash('sha256');
  for (const r of records) {
    const structure = r.pairProbabilities ? r.pairProbabilities.map((q) => `${q.i},${q.j},${q.p}`).join(';') : (r.structure ?? '');
    h.update(`${r.sequence}\t${structure}\t${r.target}\n`);
  }
  return `sha256:${h.digest('hex')}`;
}

// Shared inputs of the structure-panel unit tests: the records of examples/structures.dbn as the
// panel receives them (folded with the project's engine) and seeded random MFE structures.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFile } from '../../src/core/formats/parse';
import { recordSequence, recordStructure } from '../../src/core/formats/locate';
import { Random } from '../../src/core/random';
import { mfe, partition } from '../../src/core/structure';
import type { StructureRecord } from '../../webview/structure/messages';

export const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');

/** A record as the server sends it: the given structure (or the MFE), pair probabilities >= 1e-5. */
export function recordOf(id: string, sequence: string, structure?: string): StructureRecord {
  const p = partition(sequence);
  const pairs: number[] = [];
  p.bpp.forEach((i, j, prob) => pairs.push(i, j, prob), 1e-5);
  return {
    uri: 'file:///test.dbn',
    recordIndex: 0,
    headerLine: 0,
    id,
    description: '',
    sequence: p.sequence,
    structure: structure ?? p.mfe.structure,
    structureSource: structure ? 'file' : 'mfe',
    mfe: p.mfe.energy,
    ensemble: p.ensembleEnergy,
    pairs,
  };
}

/** id, sequence, structure of every record of examples/structures.dbn. */
export function exampleStructures(): { id: string; sequence: string; structure: string }[] {
  const file = parseFile(fs.readFileSync(path.join(EXAMPLES, 'structures.dbn'), 'utf8'), 'dot-bracket');
  return file.records.map((r) => ({ id: r.id, sequence: recordSequence(file, r), structure: recordStructure(file, r) }));
}

export function randomSequence(rng: Random, n: number): string {
  let s = '';
  for (let k = 0; k < n; k++) s += 'ACGU'[rng.int(0, 4)];
  return s;
}

/** Seeded random sequences and their MFE structures (the kind of structure users draw most). */
export function randomMfeStructures(count: number, lengths: [number, number], seed = 'structure-panel'): { sequence: string; structure: string }[] {
  const rng = new Random(seed);
  const out: { sequence: string; structure: string }[] = [];
  for (let k = 0; k < count; k++) {
    const sequence = randomSequence(rng, rng.int(lengths[0], lengths[1] + 1));
    out.push({ sequence, structure: mfe(sequence).structure });
  }
  return out;
}

// Data of the structure panel for the record at a position: sequence, the structure to draw (the
// file's, else the MFE), its energy and the base-pair probabilities, computed in the compute process.
// Records above basepair.fold.maxLength are refused (the message offers the beam mode) unless the
// request asks for the beam engine.
import { locate, recordSequence, recordStructure } from '../../core/formats/locate';
import type { ParsedFile } from '../../core/formats/records';
import type { StructureData, StructureDataParams } from '../../protocol/editor';
import type { FoldService } from '../folding/foldService';
import { notFoldable } from './foldHover';
import { parsePairTable } from '../../core/structure/dotBracket';
import { DEFAULT_BEAM, foldLengthDecision } from '../../core/structure/lengthLimit';

export class StructureDataError extends Error {}

export async function structureData(file: ParsedFile, params: StructureDataParams, fold: FoldService, maxLength: number): Promise<StructureData | null> {
  const loc = locate(file, file.lines.offsetAt(params.position));
  if (!loc) return null;
  const rec = loc.record;
  const raw = recordSequence(file, rec);
  const why = notFoldable(raw);
  const name = rec.id || `record ${rec.index + 1}`;
  if (why) throw new StructureDataError(`Cannot fold ${name}: ${why}.`);
  const decision = foldLengthDecision(raw.length, maxLength, params.beam, 'basepair.fold.maxLength', `choose "Fold with beam ${DEFAULT_BEAM}" (linear time, approximate) or raise the setting`);
  if (decision.engine === 'refused') throw new StructureDataError(`Cannot fold ${name}: ${decision.reason}.`);
  const folded = await fold.fold(raw, 'partition', decision.engine === 'beam' ? decision.beam : undefined);
  const given = recordStructure(file, rec);
  const table = given ? parsePairTable(given) : undefined;
  const usable = !!given && given.length === raw.length && table!.unmatched.length === 0 && table!.invalid.length === 0;
  let energy: number | undefined = folded.mfe;
  if (usable) {
    energy = undefined;
    if (/^[.()]+$/.test(given)) energy = (await fold.evaluate(raw, given).catch(() => undefined))?.energy;
  }
  return {
    uri: params.uri,
    recordIndex: rec.index,
    headerLine: file.lines.lineAt(rec.header.start),
    id: rec.id,
    description: rec.description,
    sequence: folded.sequence,
    structure: usable ? given : folded.structure,
    structureSource: usable ? 'file' : 'mfe',
    ...(energy !== undefined ? { energy } : {}),
    mfe: folded.mfe,
    ensemble: folded.ensemble ?? folded.mfe,
    pairs: folded.pairs ?? [],
  };
}

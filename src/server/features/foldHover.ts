// The folding part of a record hover: the MFE structure and energy of the record (computed in the
// compute process, cached) and, for dot-bracket records, the energy of the structure in the file.
// Records longer than basepair.fold.maxHoverLength are not folded on hover; the hover says so, and
// above basepair.fold.maxLength it offers the beam mode (the exact algorithm would take too long).
import { locate, recordSequence, recordStructure } from '../../core/formats/locate';
import type { ParsedFile } from '../../core/formats/records';
import { composition } from '../../core/sequence/composition';
import { formatCount } from '../../core/text/formatNumber';
import type { FoldService } from '../folding/foldService';
import { DEFAULT_BEAM, foldLengthDecision } from '../../core/structure/lengthLimit';

export const MODEL_NOTE = 'Turner 2004, 37 °C, ViennaRNA 2.7 model';

export function formatKcal(e: number): string {
  return `${e.toFixed(2).replace('-', '−')} kcal/mol`;
}

/** Why a record cannot be folded, or undefined when it can. */
export function notFoldable(seq: string): string | undefined {
  const c = composition(seq);
  if (c.length === 0) return 'empty sequence';
  if (c.strands > 1) return 'two strands (&): use co-folding';
  if (c.gaps > 0) return 'the sequence has alignment gaps';
  if (c.counts.invalid > 0) return 'the sequence has invalid characters';
  return undefined;
}

/** Hover note for a record above basepair.fold.maxLength, or undefined when it is within the limit. */
export function tooLongHoverNote(length: number, maxFoldLength: number): string | undefined {
  const decision = foldLengthDecision(
    length,
    maxFoldLength,
    undefined,
    '`basepair.fold.maxLength`',
    `use **Basepair: Fold Sequences** → **Fold with beam ${DEFAULT_BEAM}** (linear time), or \`basepair fold --beam ${DEFAULT_BEAM}\``,
  );
  return decision.engine === 'refused' ? `_Not folded: ${decision.reason}._` : undefined;
}

export async function foldHoverSection(
  file: ParsedFile,
  offset: number,
  fold: FoldService,
  maxLength: number,
  maxFoldLength = Infinity,
): Promise<string | undefined> {
  if (maxLength <= 0) return undefined;
  const loc = locate(file, offset);
  if (!loc || (loc.part !== 'header' && loc.part !== 'sequence')) return undefined;
  const seq = recordSequence(file, loc.record);
  if (notFoldable(seq)) return undefined;
  const tooLong = tooLongHoverNote(seq.length, maxFoldLength);
  if (tooLong) return tooLong;
  if (seq.length > maxLength) {
    return `_Not folded on hover: ${formatCount(seq.length)} nt is above \`basepair.fold.maxHoverLength\` (${formatCount(maxLength)}). Use **Basepair: Fold Sequences**._`;
  }
  const r = await fold.fold(seq, 'mfe');
  const lines = [`**MFE** ${formatKcal(r.mfe)} (${MODEL_NOTE})`, '```text\n' + r.structure + '\n```'];
  const given = recordStructure(file, loc.record);
  // The nearest-neighbour model scores nested structures only: no pseudoknot brackets.
  if (given.length === seq.length && /^[.()]+$/.test(given)) {
    try {
      const e = await fold.evaluate(seq, given);
      lines.push(`structure in the file: ${formatKcal(e.energy)}${e.warnings.length ? ` (${e.warnings.join('; ')})` : ''}`);
    } catch {
      // unbalanced or otherwise unscorable: the linter already reports why
    }
  }
  return lines.join('\n\n');
}

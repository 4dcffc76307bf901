// The folding length limit shared by the editor (basepair.fold.maxLength) and the CLI (fold
// --max-length): whether a sequence is folded exactly, with the linear-time beam engine, or refused
// with a message that offers the beam mode. The exact algorithm needs O(n^3) time and O(n^2) memory.
import { formatCount } from '../text/formatNumber';

/** Default of basepair.fold.maxLength and `basepair fold --max-length`, in nucleotides. */
export const DEFAULT_MAX_FOLD_LENGTH = 5000;

/** Beam width offered for sequences above the limit ("Fold with beam 100", `--beam 100`). */
export const DEFAULT_BEAM = 100;

export type FoldEngine = { engine: 'exact' } | { engine: 'beam'; beam: number };

export type LengthDecision = FoldEngine | { engine: 'refused'; reason: string };

/**
 * How to fold a sequence of `length` nt under `maxLength`. `beam`, when given, is the width to use
 * for sequences above the limit (shorter ones stay exact). `setting` names the limit in the reason
 * (the editor setting or the CLI flag), `offer` says how to ask for the beam mode there.
 */
export function foldLengthDecision(
  length: number,
  maxLength: number,
  beam: number | undefined,
  setting = 'basepair.fold.maxLength',
  offer = `fold it with the beam mode (beam ${DEFAULT_BEAM}, linear time)`,
): LengthDecision {
  if (length <= maxLength) return { engine: 'exact' };
  if (beam !== undefined && beam >= 1) return { engine: 'beam', beam: Math.floor(beam) };
  return {
    engine: 'refused',
    reason: `${formatCount(length)} nt is above ${setting} (${formatCount(maxLength)}): the exact algorithm would take too long; ${offer}`,
  };
}

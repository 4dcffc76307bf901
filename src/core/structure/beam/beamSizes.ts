// Beam sizes of the linear-time modes. One number N sets them all: pairs (and hairpin candidates)
// keep N states per position, multi-loop parts with >= 1 stem 5N, multi-loop parts with >= 2 stems
// and open multi-loops 10N (only their positions are kept for the outside pass, so they are cheap).
// Pruning them as hard as pairs costs much accuracy on long RNAs: on the 1,000-nt timing sequence
// max |dp| is 0.82 with 3N for all; with N = 100 on 4,000 nt, 5N instead of 10N for the latter two
// moves the ensemble free energy 20 kcal/mol away instead of 2.

export interface BeamSizes {
  /** override: pair states per position */
  pairBeam?: number;
  /** override: M states (>= 1 stem) per position */
  multiBeam?: number;
  /** override: M2 states (>= 2 stems) per position */
  multi2Beam?: number;
  /** override: Multi states (open multi-loops) per position */
  multiLoopBeam?: number;
}

export interface ResolvedBeams {
  pair: number;
  multi: number;
  multi2: number;
  multiLoop: number;
}

export const DEFAULT_BEAM = 100;

/** `beam` <= 0 (or Infinity) means no pruning. */
export function resolveBeams(opts: BeamSizes & { beam?: number }): ResolvedBeams {
  const b = opts.beam === undefined ? DEFAULT_BEAM : opts.beam <= 0 ? Infinity : opts.beam;
  const pos = (v: number | undefined, d: number) => (v === undefined ? d : v <= 0 ? Infinity : v);
  return {
    pair: pos(opts.pairBeam, b),
    multi: pos(opts.multiBeam, 5 * b),
    multi2: pos(opts.multi2Beam, 10 * b),
    multiLoop: pos(opts.multiLoopBeam, 10 * b),
  };
}

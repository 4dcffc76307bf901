// Base composition of a sequence: counts per letter, length, GC content and the alphabet it is
// written in (RNA, DNA, mixed, with ambiguity codes). Used by hovers and summaries.
import { BASE_CLASS, BaseClass } from './alphabet';

export type AlphabetKind = 'RNA' | 'DNA' | 'mixed T/U' | 'nucleotide';

export interface Composition {
  /** Nucleotides: every letter counted, gaps and strand breaks excluded. */
  length: number;
  counts: { A: number; C: number; G: number; T: number; U: number; ambiguous: number; invalid: number };
  gaps: number;
  strands: number;
  lowerCase: number;
  /** (G+C) / (A+C+G+T+U) x 100, ambiguity codes excluded; NaN when there is no definite base. */
  gcPercent: number;
  alphabet: AlphabetKind;
}

export function composition(seq: string): Composition {
  const counts = { A: 0, C: 0, G: 0, T: 0, U: 0, ambiguous: 0, invalid: 0 };
  let gaps = 0;
  let strands = 1;
  let lowerCase = 0;
  for (let i = 0; i < seq.length; i++) {
    const code = seq.charCodeAt(i);
    if (code >= 97 && code <= 122) lowerCase++;
    switch (code < 128 ? BASE_CLASS[code] : BaseClass.Invalid) {
      case BaseClass.A: counts.A++; break;
      case BaseClass.C: counts.C++; break;
      case BaseClass.G: counts.G++; break;
      case BaseClass.T: counts.T++; break;
      case BaseClass.U: counts.U++; break;
      case BaseClass.Ambiguous: counts.ambiguous++; break;
      case BaseClass.Gap: gaps++; break;
      case BaseClass.StrandBreak: strands++; break;
      default: counts.invalid++;
    }
  }
  const definite = counts.A + counts.C + counts.G + counts.T + counts.U;
  const length = definite + counts.ambiguous + counts.invalid;
  const alphabet: AlphabetKind =
    counts.T > 0 && counts.U > 0 ? 'mixed T/U' : counts.U > 0 ? 'RNA' : counts.T > 0 ? 'DNA' : 'nucleotide';
  return {
    length,
    counts,
    gaps,
    strands,
    lowerCase,
    gcPercent: definite > 0 ? ((counts.G + counts.C) * 100) / definite : NaN,
    alphabet,
  };
}

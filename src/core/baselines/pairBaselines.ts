// Rule-based scores for sequence pairs (A and B both 5'->3'; B pairs antiparallel with A), usable
// as classifier scores for AUROC / AUPRC:
// - longest complementary run: the longest stretch of consecutive pairs a[i..i+r) with
//   b[j-r+1..j] reversed, at any offset (Watson-Crick, optionally G-U);
// - minimum-mismatch ungapped alignment of A against the reverse complement of B with the shorter
//   sequence fully inside the longer (for equal lengths: the single full-length alignment);
// - miRNA seed match: A is the miRNA, B the target site; TargetScan site types built from the seed
//   (A positions 2-8): 8mer > 7mer-m8 > 7mer-A1 > 6mer > none.
import { pairsWith, reverseComplement } from './complement';

export interface PairingOptions {
  /** Count G-U wobble pairs as complementary (default false). */
  gu?: boolean;
}

/** Length of the longest run of consecutive antiparallel pairs between A and B at any offset. */
export function longestComplementaryRun(a: string, b: string, options: PairingOptions = {}): number {
  const gu = options.gu ?? false;
  const la = a.length;
  const lb = b.length;
  let best = 0;
  // Diagonal s: a[i] faces b[s - i].
  for (let s = 0; s <= la + lb - 2; s++) {
    let run = 0;
    const iFrom = Math.max(0, s - (lb - 1));
    const iTo = Math.min(la - 1, s);
    if (iTo - iFrom + 1 <= best) continue;
    for (let i = iFrom; i <= iTo; i++) {
      if (pairsWith(a.charCodeAt(i), b.charCodeAt(s - i), gu)) {
        if (++run > best) best = run;
      } else run = 0;
    }
  }
  return best;
}

export interface Alignment {
  /** Fewest non-pairing positions over the allowed offsets. */
  mismatches: number;
  /** Positions compared: min(|A|, |B|). */
  overlap: number;
  /** Start of the shorter sequence inside the longer one (0 for equal lengths). */
  offset: number;
}

/** Best ungapped alignment of A against reverse-complement(B), the shorter fully inside the longer. */
export function minMismatchAlignment(a: string, b: string, options: PairingOptions = {}): Alignment {
  const gu = options.gu ?? false;
  const la = a.length;
  const lb = b.length;
  const overlap = Math.min(la, lb);
  let best: Alignment = { mismatches: overlap, overlap, offset: 0 };
  if (overlap === 0) return best;
  // a[i] faces b[lb - 1 - (i + shift)] where shift is A's position against B's reverse.
  for (let shift = Math.min(0, lb - la); shift <= Math.max(0, lb - la); shift++) {
    let mm = 0;
    for (let i = Math.max(0, -shift); i < la && i + shift < lb; i++) {
      if (!pairsWith(a.charCodeAt(i), b.charCodeAt(lb - 1 - (i + shift)), gu)) {
        mm++;
        if (mm >= best.mismatches) break;
      }
    }
    if (mm < best.mismatches) best = { mismatches: mm, overlap, offset: Math.abs(shift) };
  }
  return best;
}

/** Score for ranking: 1 - mismatches / overlap of the best alignment (1 = perfect complement). */
export function alignmentScore(a: string, b: string, options: PairingOptions = {}): number {
  const al = minMismatchAlignment(a, b, options);
  return al.overlap > 0 ? 1 - al.mismatches / al.overlap : 0;
}

export type SeedSite = '8mer' | '7mer-m8' | '7mer-A1' | '6mer' | 'none';

const SITE_SCORE: Record<SeedSite, number> = { '8mer': 4, '7mer-m8': 3, '7mer-A1': 2, '6mer': 1, none: 0 };

/** Best TargetScan-style seed site of miRNA `a` in target `b` (Watson-Crick only, T = U). */
export function seedSite(a: string, b: string): SeedSite {
  if (a.length < 8) return 'none';
  const target = b.toUpperCase().replace(/T/g, 'U');
  const m8 = reverseComplement(a.slice(1, 8)); // pairs with positions 2-8
  const m7 = reverseComplement(a.slice(1, 7)); // positions 2-7
  if (target.includes(m8 + 'A')) return '8mer';
  if (target.includes(m8)) return '7mer-m8';
  if (target.includes(m7 + 'A')) return '7mer-A1';
  if (target.includes(m7)) return '6mer';
  return 'none';
}

/** Seed-site score 4 (8mer), 3 (7mer-m8), 2 (7mer-A1), 1 (6mer), 0 (none). */
export function seedSiteScore(a: string, b: string): number {
  return SITE_SCORE[seedSite(a, b)];
}

/** The binary seed-match rule: the 7-mer complementary to A positions 2-8 occurs in B (1) or not (0). */
export function seedMatch7(a: string, b: string): 0 | 1 {
  if (a.length < 8) return 0;
  return b.toUpperCase().replace(/T/g, 'U').includes(reverseComplement(a.slice(1, 8))) ? 1 : 0;
}

// In-silico mutagenesis of a regressor: for each position, the prediction change of its three
// substitutions; the attribution of a position is the change of largest magnitude (signed). The
// record's structure is kept for every mutant (what the model makes of each base in this
// structure), so one batch of 3L + 1 predictions answers it.
export const BASES = ['A', 'C', 'G', 'U'] as const;

export interface Mutant {
  position: number;
  base: string;
  sequence: string;
}

/** The 3L single-base substitutions of a sequence (upper case, T read as U). */
export function substitutions(sequence: string): Mutant[] {
  const s = sequence.toUpperCase().replace(/T/g, 'U');
  const out: Mutant[] = [];
  for (let i = 0; i < s.length; i++) {
    for (const b of BASES) if (b !== s[i]) out.push({ position: i, base: b, sequence: s.slice(0, i) + b + s.slice(i + 1) });
  }
  return out;
}

/** Per position: the signed prediction change of largest magnitude over its substitutions. */
export function attributionFrom(length: number, reference: number, mutants: readonly Mutant[], predictions: readonly number[]): number[] {
  const values = new Array<number>(length).fill(0);
  mutants.forEach((m, k) => {
    const delta = predictions[k] - reference;
    if (Math.abs(delta) > Math.abs(values[m.position])) values[m.position] = delta;
  });
  return values;
}

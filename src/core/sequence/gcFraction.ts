// GC fraction of a nucleotide sequence as the pair tools show it: G, C and S (G or C) over the length,
// either case; 0 for an empty sequence.
export function gcFraction(s: string): number {
  if (!s.length) return 0;
  let gc = 0;
  for (const c of s.toUpperCase()) if (c === 'G' || c === 'C' || c === 'S') gc++;
  return gc / s.length;
}

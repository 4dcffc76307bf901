// The words shown for the hovered base (or dot-plot cell): position, base, partner and the pair's
// probability, P(unpaired), and the attribution value when there is one. Plain text.
import type { StructureModel } from './structureModel';

const pct = (p: number) => (p >= 0.995 ? p.toFixed(2) : p < 0.005 && p > 0 ? p.toExponential(1) : p.toFixed(2));

export function describeBase(model: StructureModel, k: number, attribution?: readonly number[] | null): string {
  if (k < 0 || k >= model.n) return '';
  const parts = [`${model.sequence[k]}${k + 1}`];
  const m = model.partner[k];
  if (m >= 0) {
    const pk = model.pairs.some((p) => (p.i === k || p.j === k) && p.pseudoknot);
    parts.push(`pairs with ${model.sequence[m]}${m + 1}${pk ? ' (pseudoknot)' : ''}`, `p = ${pct(model.probability(k, m))}`);
  } else parts.push('unpaired');
  parts.push(`P(unpaired) = ${pct(model.unpaired[k])}`);
  const a = attribution?.[k];
  if (a !== undefined && Number.isFinite(a)) parts.push(`attribution ${a >= 0 ? '+' : ''}${Number(a.toPrecision(3))}`);
  return parts.join(' · ');
}

export function describeCell(model: StructureModel, i: number, j: number): string {
  if (i === j || i < 0 || j < 0 || i >= model.n || j >= model.n) return '';
  const [a, b] = i < j ? [i, j] : [j, i];
  const inStructure = model.partner[a] === b;
  return `${model.sequence[a]}${a + 1} – ${model.sequence[b]}${b + 1} · p = ${pct(model.probability(a, b))}${inStructure ? ' · in the structure' : ''}`;
}

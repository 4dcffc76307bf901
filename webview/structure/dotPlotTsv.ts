// The dot plot as a table (export): one row per base pair that has a probability >= 1e-5 or is in
// the drawn structure, ordered by i then j, 1-based positions, probability with 6 significant digits.
import type { StructureModel } from './structureModel';

export const DOT_PLOT_TSV_HEADER = ['i', 'j', 'base_i', 'base_j', 'probability', 'in_structure'];

export function formatProbability(p: number): string {
  return p === 0 ? '0' : String(Number(p.toPrecision(6)));
}

export function dotPlotTsv(model: StructureModel): string {
  const rows = new Map<number, { i: number; j: number; p: number; inStructure: boolean }>();
  for (const { i, j, p } of model.probabilities) rows.set(i * model.n + j, { i, j, p, inStructure: false });
  for (const pair of model.pairs) {
    const key = pair.i * model.n + pair.j;
    const row = rows.get(key);
    if (row) row.inStructure = true;
    else rows.set(key, { i: pair.i, j: pair.j, p: 0, inStructure: true });
  }
  const sorted = [...rows.values()].sort((a, b) => a.i - b.i || a.j - b.j);
  const lines = [DOT_PLOT_TSV_HEADER.join('\t')];
  for (const r of sorted) {
    lines.push([r.i + 1, r.j + 1, model.sequence[r.i], model.sequence[r.j], formatProbability(r.p), r.inStructure ? 1 : 0].join('\t'));
  }
  return lines.join('\n') + '\n';
}

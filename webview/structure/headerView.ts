// The panel header: record id and description (as text), length, the energy of the drawn
// structure, the MFE and the ensemble free energy, and where the structure comes from.
/// <reference lib="dom" />
import { el, replaceChildren } from '../shared/dom';
import type { StructureRecord } from './messages';

const kcal = (v: number) => `${v < 0 ? '−' : ''}${Math.abs(v).toFixed(2)} kcal/mol`;

export function renderHeader(container: HTMLElement, r: StructureRecord): void {
  const stat = (label: string, value: string, title?: string) =>
    el('span', { className: 'stat', ...(title ? { title } : {}) }, el('span', { className: 'stat-label' }, label), ' ', el('span', { className: 'stat-value' }, value));
  const source = r.structureSource === 'file' ? 'structure from the file' : 'MFE structure';
  replaceChildren(
    container,
    el('div', { className: 'title-row' },
      el('h1', { className: 'record-id', attrs: { 'data-testid': 'record-id' } }, r.id || `record ${r.recordIndex + 1}`),
      r.description ? el('span', { className: 'record-description' }, r.description) : null,
    ),
    el('div', { className: 'stats' },
      stat('length', `${r.sequence.length} nt`),
      stat('drawn', source),
      stat('energy', r.energy !== undefined ? kcal(r.energy) : 'n/a', r.energy === undefined ? 'The energy model cannot score this structure (e.g. pseudoknots).' : 'Free energy of the drawn structure (Turner 2004, 37 °C)'),
      stat('MFE', kcal(r.mfe), 'Minimum free energy of the sequence'),
      stat('ensemble', kcal(r.ensemble), 'Ensemble free energy, −kT ln Z'),
    ),
  );
}

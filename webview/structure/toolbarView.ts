// The toolbar: colour-mode buttons (attribution disabled, with the reason, until a regressor's
// values arrive), the legend of the current mode and the words for the hovered base.
/// <reference lib="dom" />
import { el } from '../shared/dom';
import type { ColourMode } from './messages';

const MODES: { mode: ColourMode; label: string; title: string }[] = [
  { mode: 'base', label: 'Base', title: 'Colour bases by identity (A, C, G, U)' },
  { mode: 'unpaired', label: 'Unpaired p', title: 'Colour bases by their probability of being unpaired (1 − Σj pij); arc opacity = pair probability' },
  { mode: 'attribution', label: 'Attribution', title: '' },
];

export const ATTRIBUTION_UNAVAILABLE = 'Train or select a regressor to colour by attribution (in-silico mutagenesis of the active regressor).';

export class ToolbarView {
  readonly element: HTMLElement;
  readonly legend: HTMLElement;
  readonly info: HTMLElement;
  private readonly buttons = new Map<ColourMode, HTMLButtonElement>();

  constructor(onMode: (m: ColourMode) => void) {
    const group = el('div', { className: 'modes', attrs: { role: 'group', 'aria-label': 'Colour by' } }, el('span', { className: 'modes-label' }, 'Colour by'));
    for (const m of MODES) {
      const b = el('button', { className: 'mode', attrs: { type: 'button', 'data-mode': m.mode, 'aria-pressed': 'false' }, title: m.title }, m.label);
      b.addEventListener('click', () => {
        if (!b.disabled) onMode(m.mode);
      });
      this.buttons.set(m.mode, b);
      group.appendChild(b);
    }
    this.legend = el('div', { className: 'legend', attrs: { id: 'legend' } });
    this.info = el('div', { className: 'hover-info', attrs: { id: 'hover-info', 'aria-live': 'polite' } }, 'Hover a base in any view');
    this.element = el('div', { className: 'toolbar' }, group, this.legend, this.info);
  }

  update(mode: ColourMode, attributionAvailable: boolean, modelName?: string): void {
    for (const [m, b] of this.buttons) b.setAttribute('aria-pressed', String(m === mode));
    const a = this.buttons.get('attribution')!;
    a.disabled = !attributionAvailable;
    a.title = attributionAvailable
      ? `In-silico mutagenesis${modelName ? ` of ${modelName}` : ''}: per position, the largest change of the prediction over the three substitutions (signed)`
      : ATTRIBUTION_UNAVAILABLE;
  }

  setInfo(text: string): void {
    this.info.textContent = text || 'Hover a base in any view';
  }
}

// Renders a LegendSpec (colourScales.ts) as DOM: a gradient bar drawn on a small canvas with its
// labels, or one swatch per category. Text through text nodes only.
/// <reference lib="dom" />
import { el, replaceChildren } from '../shared/dom';
import type { LegendSpec } from './colourScales';

export function renderLegend(container: HTMLElement, spec: LegendSpec): void {
  const parts: HTMLElement[] = [el('span', { className: 'legend-title' }, spec.title)];
  if (spec.swatches) {
    for (const s of spec.swatches) {
      const dot = el('span', { className: 'swatch' });
      dot.style.background = s.colour;
      parts.push(el('span', { className: 'legend-item' }, dot, s.label));
    }
  }
  if (spec.stops) {
    const canvas = el('canvas', { className: 'legend-bar', attrs: { width: '120', height: '10' } });
    const ctx = canvas.getContext('2d');
    if (ctx) {
      const grad = ctx.createLinearGradient(0, 0, 120, 0);
      for (const s of spec.stops) grad.addColorStop(s.offset, s.colour);
      ctx.fillStyle = grad;
      ctx.fillRect(0, 0, 120, 10);
    }
    const labels = spec.labels ?? ['', '', ''];
    parts.push(
      el('span', { className: 'legend-gradient' },
        canvas,
        el('span', { className: 'legend-labels' }, el('span', {}, labels[0]), el('span', {}, labels[1]), el('span', {}, labels[2])),
      ),
    );
  }
  replaceChildren(container, ...parts);
}

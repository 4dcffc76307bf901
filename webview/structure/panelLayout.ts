// The static DOM of the structure panel: header, toolbar, a message line, and the three views,
// each with a title bar holding its export buttons. Returns the elements the app fills.
/// <reference lib="dom" />
import { el } from '../shared/dom';
import type { ExportKind } from './messages';
import type { ToolbarView } from './toolbarView';

export interface PanelElements {
  root: HTMLElement;
  header: HTMLElement;
  message: HTMLElement;
  dotPlot: HTMLElement;
  drawing: HTMLElement;
  arcs: HTMLElement;
}

function view(id: string, title: string, hint: string, buttons: [ExportKind, string, string][], onExport: (k: ExportKind) => void): [HTMLElement, HTMLElement] {
  const body = el('div', { className: 'view-body', attrs: { id } });
  const actions = el('div', { className: 'view-actions' });
  for (const [kind, label, tip] of buttons) {
    const b = el('button', { className: 'export', attrs: { type: 'button', 'data-export': kind }, title: tip }, label);
    b.addEventListener('click', () => onExport(kind));
    actions.appendChild(b);
  }
  const section = el('section', { className: 'view', attrs: { id: `view-${id}`, 'aria-label': title } },
    el('div', { className: 'view-header' }, el('h2', {}, title), el('span', { className: 'view-hint' }, hint), actions),
    body,
  );
  return [section, body];
}

export function buildPanel(root: HTMLElement, toolbar: ToolbarView, onExport: (k: ExportKind) => void): PanelElements {
  const header = el('header', { className: 'panel-header', attrs: { id: 'header' } });
  const message = el('div', { className: 'message', attrs: { id: 'message', role: 'status' } });
  const hint = 'scroll to zoom · drag to pan · double-click to reset';
  const [dotSection, dotPlot] = view('dotplot', 'Dot plot', `upper: P(pair) · lower: drawn structure · ${hint}`, [
    ['dotPlotPng', 'PNG', 'Save the dot plot as PNG'],
    ['dotPlotTsv', 'TSV', 'Save the base-pair probabilities as a table'],
  ], onExport);
  const [drawSection, drawing] = view('drawing', '2D structure', hint, [['drawingSvg', 'SVG', 'Save the 2D drawing as SVG']], onExport);
  const [arcSection, arcs] = view('arcs', 'Arc diagram', hint, [['arcSvg', 'SVG', 'Save the arc diagram as SVG']], onExport);
  root.replaceChildren(header, toolbar.element, message, el('div', { className: 'views' }, dotSection, drawSection, arcSection));
  return { root, header, message, dotPlot, drawing, arcs };
}

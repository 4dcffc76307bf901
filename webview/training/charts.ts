// The training panel's charts, drawn with d3 (scales, axes, line shapes) into SVG: loss curves per
// epoch, and predicted vs measured values with the identity line. Labels are text nodes only.
/// <reference lib="dom" />
import { extent } from 'd3-array';
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { line } from 'd3-shape';
import type { ThemeColours } from '../shared/themeColours';
import type { Series } from './jobState';

const SIZE = { width: 420, height: 260, margin: { top: 16, right: 16, bottom: 40, left: 52 } };

function frame(svgEl: SVGSVGElement, colours: ThemeColours, xLabel: string, yLabel: string) {
  const { width, height, margin } = SIZE;
  const svg = select(svgEl).attr('viewBox', `0 0 ${width} ${height}`).attr('role', 'img');
  svg.selectAll('*').remove();
  const inner = { w: width - margin.left - margin.right, h: height - margin.top - margin.bottom };
  const g = svg.append('g').attr('transform', `translate(${margin.left},${margin.top})`);
  svg.append('text').attr('x', margin.left + inner.w / 2).attr('y', height - 4).attr('text-anchor', 'middle').attr('fill', colours.muted).attr('font-size', 11).text(xLabel);
  svg.append('text').attr('transform', `translate(12,${margin.top + inner.h / 2}) rotate(-90)`).attr('text-anchor', 'middle').attr('fill', colours.muted).attr('font-size', 11).text(yLabel);
  return { g, inner };
}

function styleAxis(g: ReturnType<typeof select<SVGGElement, unknown>>, colours: ThemeColours): void {
  g.selectAll('path, line').attr('stroke', colours.lines);
  g.selectAll('text').attr('fill', colours.muted);
}

const SERIES_COLOURS = (c: ThemeColours) => [c.blue, c.red, c.yellow, c.green, c.purple, c.orange];

/** Loss curves: one line per series (train solid, validation dashed), coloured by member. */
export function drawLossCurves(svgEl: SVGSVGElement, series: Series[], colours: ThemeColours, yLabel: string): void {
  const { g, inner } = frame(svgEl, colours, 'epoch', yLabel);
  const all = series.flatMap((s) => s.points);
  const [x0, x1] = extent(all, (p) => p.x) as [number | undefined, number | undefined];
  const [y0, y1] = extent(all, (p) => p.y) as [number | undefined, number | undefined];
  const x = scaleLinear().domain([x0 ?? 1, Math.max(x1 ?? 1, (x0 ?? 1) + 1)]).range([0, inner.w]).nice();
  const y = scaleLinear().domain([Math.min(0, y0 ?? 0), (y1 ?? 1) * 1.05 || 1]).range([inner.h, 0]).nice();
  styleAxis(g.append('g').attr('transform', `translate(0,${inner.h})`).call(axisBottom(x).ticks(6).tickFormat((d) => String(d))), colours);
  styleAxis(g.append('g').call(axisLeft(y).ticks(5)), colours);
  const path = line<{ x: number; y: number }>().x((p) => x(p.x)).y((p) => y(p.y));
  const palette = SERIES_COLOURS(colours);
  for (const s of series) {
    g.append('path')
      .attr('d', path(s.points) ?? '')
      .attr('fill', 'none')
      .attr('stroke', palette[(s.member - 1) % palette.length]!)
      .attr('stroke-width', 1.8)
      .attr('stroke-dasharray', s.name.startsWith('validation') ? '5 3' : null)
      .attr('data-series', s.name)
      .append('title')
      .text(s.name);
  }
}

export interface ScatterPointView {
  target: number;
  prediction: number;
  id?: string;
}

/** Predicted (y) against measured (x) with the y = x line. */
export function drawScatter(svgEl: SVGSVGElement, points: ScatterPointView[], colours: ThemeColours, targetName: string): void {
  const { g, inner } = frame(svgEl, colours, `measured ${targetName}`, `predicted ${targetName}`);
  const values = points.flatMap((p) => [p.target, p.prediction]);
  const [lo, hi] = extent(values) as [number | undefined, number | undefined];
  const pad = ((hi ?? 1) - (lo ?? 0)) * 0.05 || 0.5;
  const domain: [number, number] = [(lo ?? 0) - pad, (hi ?? 1) + pad];
  const x = scaleLinear().domain(domain).range([0, inner.w]).nice();
  const y = scaleLinear().domain(domain).range([inner.h, 0]).nice();
  styleAxis(g.append('g').attr('transform', `translate(0,${inner.h})`).call(axisBottom(x).ticks(5)), colours);
  styleAxis(g.append('g').call(axisLeft(y).ticks(5)), colours);
  const [d0, d1] = x.domain() as [number, number];
  g.append('line').attr('x1', x(d0)).attr('y1', y(d0)).attr('x2', x(d1)).attr('y2', y(d1)).attr('stroke', colours.muted).attr('stroke-dasharray', '3 3');
  g.append('g')
    .selectAll('circle')
    .data(points)
    .join('circle')
    .attr('cx', (p) => x(p.target))
    .attr('cy', (p) => y(p.prediction))
    .attr('r', 2.6)
    .attr('fill', colours.blue)
    .attr('fill-opacity', 0.6)
    .append('title')
    .text((p) => `${p.id ?? ''}  measured ${p.target.toFixed(3)}, predicted ${p.prediction.toFixed(3)}`);
}

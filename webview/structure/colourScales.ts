// Colours of the bases in each colour mode and the legends that explain them: base identity (theme
// chart colours), unpaired probability (viridis, 0..1) and model attribution (red/blue diverging,
// symmetric around 0 so that sign and size read the same for every record). Also the text colour
// that stays legible on a given fill. Pure: used by the views, the exports and the unit tests.
import { interpolateRdBu, interpolateViridis } from 'd3-scale-chromatic';
import { rgb } from 'd3-color';
import type { ThemeColours } from '../shared/themeColours';
import type { ColourMode } from './messages';
import type { StructureModel } from './structureModel';

export interface LegendSpec {
  title: string;
  /** gradient stops (offset 0..1) or, for categories, one swatch each */
  stops?: { offset: number; colour: string }[];
  swatches?: { label: string; colour: string }[];
  /** labels under the gradient: left, middle, right */
  labels?: [string, string, string];
}

export function baseColour(base: string, theme: ThemeColours): string {
  switch (base) {
    case 'A':
      return theme.green;
    case 'C':
      return theme.blue;
    case 'G':
      return theme.yellow;
    case 'U':
    case 'T':
      return theme.red;
    default:
      return theme.muted;
  }
}

/** Colour of an unpaired probability in [0, 1] (clamped). */
export function unpairedColour(p: number): string {
  return rgb(interpolateViridis(Math.min(1, Math.max(0, Number.isFinite(p) ? p : 0)))).formatHex();
}

/** Largest |value| (the half-width of the symmetric attribution scale); 1 when all are 0 or absent. */
export function attributionRange(values: readonly number[]): number {
  let m = 0;
  for (const v of values) if (Number.isFinite(v)) m = Math.max(m, Math.abs(v));
  return m > 0 ? m : 1;
}

/** Colour of an attribution value on [-range, range]: blue negative, neutral 0, red positive. */
export function attributionColour(v: number, range: number): string {
  if (!Number.isFinite(v)) return '#808080';
  const t = Math.min(1, Math.max(-1, v / range));
  return rgb(interpolateRdBu(0.5 - t / 2)).formatHex();
}

/** Per-position fill colours for a colour mode (attribution falls back to base identity without values). */
export function positionColours(
  model: StructureModel,
  mode: ColourMode,
  theme: ThemeColours,
  attribution: readonly number[] | null,
): string[] {
  const out: string[] = new Array(model.n);
  if (mode === 'unpaired') {
    for (let k = 0; k < model.n; k++) out[k] = unpairedColour(model.unpaired[k]);
  } else if (mode === 'attribution' && attribution && attribution.length === model.n) {
    const range = attributionRange(attribution);
    for (let k = 0; k < model.n; k++) out[k] = attributionColour(attribution[k], range);
  } else {
    for (let k = 0; k < model.n; k++) out[k] = baseColour(model.sequence[k], theme);
  }
  return out;
}

function fmt(v: number): string {
  const a = Math.abs(v);
  return a !== 0 && (a < 0.01 || a >= 1000) ? v.toExponential(1) : String(Number(v.toPrecision(2)));
}

export function legendFor(
  mode: ColourMode,
  theme: ThemeColours,
  attribution: readonly number[] | null,
  model?: string,
): LegendSpec {
  if (mode === 'unpaired') {
    const stops = [0, 0.25, 0.5, 0.75, 1].map((offset) => ({ offset, colour: unpairedColour(offset) }));
    return { title: 'P(unpaired)', stops, labels: ['0', '0.5', '1'] };
  }
  if (mode === 'attribution' && attribution) {
    const range = attributionRange(attribution);
    const stops = [0, 0.25, 0.5, 0.75, 1].map((offset) => ({ offset, colour: attributionColour((offset * 2 - 1) * range, range) }));
    const title = model ? `Attribution (${model})` : 'Attribution';
    return { title, stops, labels: [`−${fmt(range)}`, '0', `+${fmt(range)}`] };
  }
  return {
    title: 'Base',
    swatches: ['A', 'C', 'G', 'U'].map((b) => ({ label: b, colour: baseColour(b, theme) })),
  };
}

/** Black or white, whichever reads better on `fill` (WCAG relative luminance). */
export function textColourOn(fill: string): string {
  const c = rgb(fill);
  if (!Number.isFinite(c.r)) return '#000000';
  const lin = (u: number) => {
    const s = u / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
  return l > 0.179 ? '#000000' : '#ffffff'; // the higher WCAG contrast of the two
}

/** [r, g, b] of a CSS colour (0..255); grey when it cannot be parsed. */
export function rgbOf(colour: string): [number, number, number] {
  const c = rgb(colour);
  return Number.isFinite(c.r) ? [Math.round(c.r), Math.round(c.g), Math.round(c.b)] : [128, 128, 128];
}

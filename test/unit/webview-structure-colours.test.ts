// Colour modes of the structure panel: base identity from the theme, unpaired probability on
// viridis (clamped), attribution on a diverging scale symmetric around 0, legends, and text colour.
import * as assert from 'node:assert/strict';
import {
  attributionColour,
  attributionRange,
  baseColour,
  legendFor,
  positionColours,
  rgbOf,
  textColourOn,
  unpairedColour,
} from '../../webview/structure/colourScales';
import { buildStructureModel } from '../../webview/structure/structureModel';
import { DARK_COLOURS, LIGHT_COLOURS, defaultColours } from '../../webview/shared/themeColours';
import { recordOf } from './webview-structure-support';

describe('structure panel: colour scales', () => {
  it('base identity follows the theme', () => {
    assert.equal(baseColour('A', DARK_COLOURS), DARK_COLOURS.green);
    assert.equal(baseColour('C', LIGHT_COLOURS), LIGHT_COLOURS.blue);
    assert.equal(baseColour('G', DARK_COLOURS), DARK_COLOURS.yellow);
    assert.equal(baseColour('U', DARK_COLOURS), DARK_COLOURS.red);
    assert.equal(baseColour('T', DARK_COLOURS), DARK_COLOURS.red);
    assert.equal(baseColour('N', DARK_COLOURS), DARK_COLOURS.muted);
    assert.equal(defaultColours('high-contrast-light').background, LIGHT_COLOURS.background);
  });

  it('unpaired probability: viridis from 0 to 1, clamped', () => {
    assert.equal(unpairedColour(0), '#440154');
    assert.equal(unpairedColour(1), '#fde725');
    assert.equal(unpairedColour(-3), unpairedColour(0));
    assert.equal(unpairedColour(7), unpairedColour(1));
    assert.equal(unpairedColour(Number.NaN), unpairedColour(0));
    // monotone in lightness along the scale
    const lum = (c: string) => rgbOf(c).reduce((a, b) => a + b, 0);
    for (let p = 0.1; p <= 1; p += 0.1) assert.ok(lum(unpairedColour(p)) > lum(unpairedColour(p - 0.1)));
  });

  it('attribution: symmetric diverging scale, red positive, blue negative, neutral 0', () => {
    assert.equal(attributionRange([0.5, -2, 1]), 2);
    assert.equal(attributionRange([0, 0]), 1);
    assert.equal(attributionRange([Number.NaN, -0.25]), 0.25);
    const [r1, , b1] = rgbOf(attributionColour(2, 2));
    const [r2, , b2] = rgbOf(attributionColour(-2, 2));
    assert.ok(r1 > b1 && b2 > r2);
    const mid = rgbOf(attributionColour(0, 2));
    assert.ok(Math.max(...mid) - Math.min(...mid) < 12, `0 is neutral: ${mid}`);
    assert.equal(attributionColour(5, 2), attributionColour(2, 2), 'clamped');
    assert.equal(attributionColour(Number.NaN, 1), '#808080');
  });

  it('per-position colours for each mode; attribution needs one value per base', () => {
    const model = buildStructureModel(recordOf('hp', 'GGGGAAAACCCC', '((((....))))'));
    assert.deepEqual(positionColours(model, 'base', DARK_COLOURS, null).slice(0, 5), [DARK_COLOURS.yellow, DARK_COLOURS.yellow, DARK_COLOURS.yellow, DARK_COLOURS.yellow, DARK_COLOURS.green]);
    assert.equal(positionColours(model, 'unpaired', DARK_COLOURS, null)[5], unpairedColour(model.unpaired[5]));
    const values = model.sequence.split('').map((_, k) => k - 6);
    const att = positionColours(model, 'attribution', DARK_COLOURS, values);
    assert.equal(att[0], attributionColour(-6, 6));
    assert.equal(att[11], attributionColour(5, 6));
    assert.deepEqual(positionColours(model, 'attribution', DARK_COLOURS, [1, 2]), positionColours(model, 'base', DARK_COLOURS, null));
  });

  it('legends: categories for bases, gradients with labels for the scales', () => {
    assert.deepEqual(legendFor('base', DARK_COLOURS, null).swatches?.map((s) => s.label), ['A', 'C', 'G', 'U']);
    const u = legendFor('unpaired', DARK_COLOURS, null);
    assert.equal(u.stops?.[0].colour, unpairedColour(0));
    assert.deepEqual(u.labels, ['0', '0.5', '1']);
    const a = legendFor('attribution', DARK_COLOURS, [0.02, -0.5], 'ridge-3');
    assert.equal(a.title, 'Attribution (ridge-3)');
    assert.deepEqual(a.labels, ['−0.5', '0', '+0.5']);
    assert.equal(a.stops?.[4].colour, attributionColour(0.5, 0.5));
  });

  it('letters stay legible: white on dark fills, black on light ones', () => {
    assert.equal(textColourOn('#440154'), '#ffffff');
    assert.equal(textColourOn('#fde725'), '#000000');
    assert.equal(textColourOn(DARK_COLOURS.blue), '#000000');
    assert.equal(textColourOn('#053061'), '#ffffff');
    assert.equal(textColourOn('not a colour'), '#000000');
  });
});

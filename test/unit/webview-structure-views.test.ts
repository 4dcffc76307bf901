// The structure panel's pure drawing code: the arc diagram has exactly one <path> per base pair
// (the export test in the browser relies on it), ids stay text in exported SVG, the 2D drawing
// has a circle per base, the 5'/3' marks and a tick every 10, the model and the dot-plot pixels.
import * as assert from 'node:assert/strict';
import { arcDiagramTree, arcOpacity, MIN_ARC_OPACITY } from '../../webview/structure/arcDiagram';
import { arcGeometry, arcPath } from '../../webview/structure/arcGeometry';
import { dotPlotPixels, maxPool } from '../../webview/structure/dotPlotImage';
import { drawingTree } from '../../webview/structure/drawing';
import { describeBase, describeCell } from '../../webview/structure/hoverInfo';
import { positionColours } from '../../webview/structure/colourScales';
import { buildStructureModel } from '../../webview/structure/structureModel';
import { DARK_COLOURS, LIGHT_COLOURS } from '../../webview/shared/themeColours';
import { countNodes, escapeXml, svg, toSvgString } from '../../webview/shared/svgTree';
import type { StructureRecord } from '../../webview/structure/messages';
import { exampleStructures, recordOf } from './webview-structure-support';

const count = (xml: string, re: RegExp) => (xml.match(re) ?? []).length;

function trnaRecord(): StructureRecord {
  const t = exampleStructures().find((r) => r.id === 'tRNA-Phe')!;
  return { ...recordOf('tRNA-Phe', t.sequence, t.structure), description: 'yeast tRNA-Phe' };
}

describe('structure panel: views', () => {
  it('arc diagram: one path per pair, nothing else is a path', () => {
    const model = buildStructureModel(trnaRecord());
    assert.equal(model.pairs.length, 21);
    const colours = positionColours(model, 'base', DARK_COLOURS, null);
    const xml = toSvgString(arcDiagramTree(model, { mode: 'base', colours, theme: DARK_COLOURS, standalone: true }));
    assert.equal(count(xml, /<path\b/g), 21);
    assert.equal(count(xml, /<path class="arc"/g), 21);
    assert.equal(count(xml, /<circle\b/g), 76);
    assert.ok(xml.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
    // pseudoknot arcs go below the line (sweep flag 0), in their own class
    const kiss = exampleStructures().find((r) => r.id === 'kissing-loop')!;
    const km = buildStructureModel(recordOf('kiss', kiss.sequence, kiss.structure));
    const kxml = toSvgString(arcDiagramTree(km, { mode: 'base', colours: positionColours(km, 'base', LIGHT_COLOURS, null), theme: LIGHT_COLOURS }));
    assert.equal(count(kxml, /<path\b/g), 12);
    assert.equal(count(kxml, /<path class="arc pk"/g), 4);
  });

  it('arc opacity is the pair probability in the unpaired-probability mode', () => {
    const model = buildStructureModel(trnaRecord());
    const tree = arcDiagramTree(model, { mode: 'unpaired', colours: positionColours(model, 'unpaired', DARK_COLOURS, null), theme: DARK_COLOURS });
    const opacities: number[] = [];
    const walk = (n: typeof tree) => {
      if (n.tag === 'path') opacities.push(Number(n.attrs!['stroke-opacity']));
      n.children?.forEach(walk);
    };
    walk(tree);
    assert.equal(opacities.length, 21);
    model.pairs.forEach((p, k) => assert.equal(opacities[k], arcOpacity(model.probability(p.i, p.j))));
    assert.equal(arcOpacity(0), MIN_ARC_OPACITY);
    assert.equal(arcOpacity(0.7), 0.7);
    assert.equal(arcOpacity(1.2), 1);
  });

  it('arc geometry: elliptic arcs, the widest fits the height, knots below', () => {
    assert.equal(arcPath(10, 30, 100, 1), 'M10 100A10 10 0 0 1 30 100');
    assert.equal(arcPath(10, 30, 100, 0.5, true), 'M10 100A10 5 0 0 0 30 100');
    const g = arcGeometry(101, [{ i: 0, j: 100, pseudoknot: false }], 8, 200);
    assert.equal(g.arcs.length, 1);
    assert.match(g.arcs[0].d, /A400 200 0 0 1/); // half-span 400 px squeezed to 200 px
    assert.equal(g.width, 2 * 16 + 100 * 8);
  });

  it('ids and descriptions are escaped text in exported SVG, never markup', () => {
    const r = { ...trnaRecord(), id: '<img', description: 'src=x onerror=alert(1)> & "q"' };
    const model = buildStructureModel(r);
    const colours = positionColours(model, 'base', DARK_COLOURS, null);
    for (const xml of [
      toSvgString(arcDiagramTree(model, { mode: 'base', colours, theme: DARK_COLOURS, standalone: true })),
      toSvgString(drawingTree(model, { colours, theme: DARK_COLOURS, standalone: true })),
    ]) {
      assert.ok(xml.includes('<title>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot;</title>'), xml.slice(0, 300));
      assert.ok(!xml.includes('<img'));
    }
    assert.equal(escapeXml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    assert.throws(() => toSvgString(svg('g', { 'on click': 'x' })));
  });

  it('2D drawing: a circle and a letter per base, pair lines, 5′/3′, a tick every 10', () => {
    const model = buildStructureModel(trnaRecord());
    const tree = drawingTree(model, { colours: positionColours(model, 'base', LIGHT_COLOURS, null), theme: LIGHT_COLOURS, standalone: true });
    assert.equal(countNodes(tree, (n) => n.tag === 'circle' && n.attrs?.class === 'base'), 76);
    assert.equal(countNodes(tree, (n) => n.tag === 'line' && n.attrs?.class === 'pair'), 21);
    assert.equal(countNodes(tree, (n) => n.tag === 'polyline'), 1);
    const texts: string[] = [];
    const walk = (n: typeof tree) => {
      if (n.tag === 'text' && n.text !== undefined) texts.push(n.text);
      n.children?.forEach(walk);
    };
    walk(tree);
    for (const t of ['5′', '3′', '10', '20', '30', '40', '50', '60', '70']) assert.ok(texts.includes(t), `missing ${t}`);
    assert.equal(countNodes(tree, (n) => n.tag === 'line' && n.attrs?.class === 'tick'), 7);
  });

  it('model: pairs, unpaired probabilities and hover words', () => {
    const model = buildStructureModel(recordOf('hp', 'GGGGAAAACCCC', '((((....))))'));
    assert.deepEqual(model.pairs.map((p) => [p.i, p.j]), [[0, 11], [1, 10], [2, 9], [3, 8]]);
    for (let k = 0; k < model.n; k++) {
      let s = 0;
      for (const q of model.probabilities) if (q.i === k || q.j === k) s += q.p;
      assert.ok(Math.abs(model.unpaired[k] - Math.max(0, 1 - s)) < 1e-12);
    }
    assert.ok(model.probability(0, 11) > 0.5 && model.probability(11, 0) === model.probability(0, 11));
    assert.match(describeBase(model, 0), /^G1 · pairs with C12 · p = 0\.\d\d · P\(unpaired\) = /);
    assert.match(describeBase(model, 5), /^A6 · unpaired · P\(unpaired\) = /);
    assert.match(describeBase(model, 5, Array(12).fill(0.25)), /attribution \+0\.25$/);
    assert.match(describeCell(model, 11, 0), /^G1 – C12 · p = 0\.\d\d · in the structure$/);
    assert.equal(describeCell(model, 3, 3), '');
  });

  it('dot plot pixels: p as alpha above the diagonal, the structure solid below', () => {
    const model = buildStructureModel(recordOf('hp', 'GGGGAAAACCCC', '((((....))))'));
    const px = dotPlotPixels(model, { probability: '#0000ff', structure: '#ff0000', pseudoknot: '#00ff00' });
    const at = (r: number, c: number) => Array.from(px.slice((r * 12 + c) * 4, (r * 12 + c) * 4 + 4));
    assert.deepEqual(at(0, 11), [0, 0, 255, Math.round(model.probability(0, 11) * 255)]);
    assert.deepEqual(at(11, 0), [255, 0, 0, 255]);
    assert.deepEqual(at(5, 5), [0, 0, 0, 0]);
    const pooled = maxPool(px, 12, 4);
    assert.equal(pooled.size, 3);
    assert.equal(pooled.data[(0 * 3 + 2) * 4 + 3], Math.max(...[0, 1, 2, 3].flatMap((r) => [8, 9, 10, 11].map((c) => at(r, c)[3]))));
    assert.equal(pooled.data[(2 * 3 + 0) * 4 + 3], 255);
  });
});

// The 2D layout of the structure panel: no bases on top of each other and no crossing lines for
// real structures (the tRNA cloverleaf and the other records of examples/structures.dbn), edge
// cases, and seeded random MFE structures up to 1,000 nt; pseudoknot pairs are left out of the
// layout and drawn as extra lines.
import * as assert from 'node:assert/strict';
import { checkLayout, segmentsCross } from '../../webview/structure/layoutCheck';
import { BACKBONE, radialLayout } from '../../webview/structure/radialLayout';
import { structurePairs } from '../../webview/structure/structureModel';
import { exampleStructures, randomMfeStructures } from './webview-structure-support';
import { limit } from '../support/timeLimits';

/** Lays out the nested part of a dot-bracket string and returns the defects of the drawing. */
function defects(structure: string) {
  const { nested, pairs } = structurePairs(structure);
  const layout = radialLayout(nested);
  const nestedPairs = pairs.filter((p) => !p.pseudoknot);
  return { layout, nestedPairs, report: checkLayout(layout, nestedPairs, 0.8) };
}

function assertClean(structure: string, what: string): void {
  const { layout, nestedPairs, report } = defects(structure);
  assert.deepEqual(report.close, [], `${what}: bases closer than 0.8 (min ${report.minDistance.toFixed(3)})`);
  assert.deepEqual(report.crossings, [], `${what}: crossing lines`);
  // neighbours along the backbone and paired bases keep their unit distance
  for (let k = 0; k + 1 < structure.length; k++) {
    const d = Math.hypot(layout.x[k + 1] - layout.x[k], layout.y[k + 1] - layout.y[k]);
    assert.ok(d >= BACKBONE - 1e-6, `${what}: backbone ${k}-${k + 1} is ${d}`);
  }
  for (const p of nestedPairs) {
    const d = Math.hypot(layout.x[p.j] - layout.x[p.i], layout.y[p.j] - layout.y[p.i]);
    assert.ok(Math.abs(d - 1) < 1e-6, `${what}: pair ${p.i}-${p.j} is ${d} apart`);
  }
}

describe('structure panel: 2D layout', () => {
  it('draws the tRNA cloverleaf without overlaps, four stems as straight ladders', () => {
    const trna = exampleStructures().find((r) => r.id === 'tRNA-Phe')!;
    assert.equal(trna.structure, '(((((((..((((........)))).(((((.......))))).....(((((.......))))))))))))....');
    assertClean(trna.structure, 'tRNA-Phe');
    const { layout } = defects(trna.structure);
    // acceptor stem: pairs (1,72)..(7,66) stacked one unit apart along one direction
    const step = (k: number) => [layout.x[k + 1] - layout.x[k], layout.y[k + 1] - layout.y[k]];
    for (let k = 0; k < 6; k++) assert.deepEqual(step(k).map((v) => Math.round(v * 1e6) / 1e6), step(0).map((v) => Math.round(v * 1e6) / 1e6));
  });

  it('draws every record of examples/structures.dbn without overlaps', () => {
    const records = exampleStructures();
    assert.ok(records.length >= 4);
    for (const r of records) assertClean(r.structure, r.id);
  });

  it('handles edge cases: no pairs, one hairpin, deep nesting, long multiloops, empty', () => {
    assertClean('..........', 'unpaired');
    assertClean('((((....))))', 'hairpin');
    assertClean('((((((((((((((((((((...))))))))))))))))))))', 'long stem');
    assertClean('(' .repeat(30) + '...' + ')'.repeat(30), 'nested');
    assertClean(`((${'((...))'.repeat(12)}))`, 'twelve-way multiloop');
    assertClean('((((((...))).((...)).((...)).((...))...)))'.repeat(3), 'three multiloops in a row');
    assertClean('.(.(.(...).).).', 'bulges');
    assertClean('()', 'empty hairpin');
    assertClean('', 'empty');
  });

  it('draws seeded random MFE structures (60-400 nt) without overlaps', function () {
    this.timeout(limit(120000));
    for (const [k, r] of randomMfeStructures(24, [60, 400]).entries()) assertClean(r.structure, `random #${k} (${r.sequence.length} nt)`);
  });

  it('draws random MFE structures of 1,000 nt without overlaps', function () {
    this.timeout(limit(120000));
    for (const [k, r] of randomMfeStructures(3, [1000, 1000], 'long').entries()) assertClean(r.structure, `random 1000 #${k}`);
  });

  it('lays out the nested part of a pseudoknot; the knot pairs are extra lines', () => {
    const kiss = exampleStructures().find((r) => r.id === 'kissing-loop')!;
    const { pairs } = structurePairs(kiss.structure);
    assert.equal(pairs.length, 12);
    assert.deepEqual(pairs.filter((p) => p.pseudoknot).map((p) => [p.i, p.j]), [[6, 29], [7, 28], [8, 27], [9, 26]]);
    assertClean(kiss.structure, 'kissing-loop');
  });

  it('the checker finds overlaps and crossings', () => {
    assert.ok(segmentsCross(0, 0, 2, 2, 0, 2, 2, 0));
    assert.ok(!segmentsCross(0, 0, 1, 0, 1, 0, 2, 1), 'segments sharing an end do not cross');
    const layout = { x: Float64Array.from([0, 1, 1, 0, 0.1]), y: Float64Array.from([0, 1, 0, 1, 0.1]) };
    const r = checkLayout(layout, [], 0.8);
    assert.deepEqual(r.close, [[0, 4]]);
    assert.ok(r.crossings.some(([a, b]) => (a[0] === 0 && b[0] === 2) || (a[0] === 2 && b[0] === 0)));
  });
});

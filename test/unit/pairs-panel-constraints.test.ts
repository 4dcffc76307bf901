// Generate Pairs inputs: count, GC range, max homopolymer, templates, temperature, seed, and the
// header columns offered as group columns — values and the exact messages shown while typing.
import * as assert from 'node:assert/strict';
import { headerColumns, parseCount, parseGcRange, parseMaxHomopolymer, parseSeed, parseTemperature, parseTemplate } from '../../src/client/pairs/constraintsInput';

describe('pairs panel: Generate Pairs inputs', () => {
  it('counts', () => {
    assert.deepEqual(parseCount('1000'), { value: 1000 });
    assert.deepEqual(parseCount(' 10,000 '), { value: 10000 });
    assert.deepEqual(parseCount('0'), { error: 'Between 1 and 100,000 pairs' });
    assert.deepEqual(parseCount('2.5'), { error: 'Type a whole number of pairs, 1 to 100,000' });
    assert.deepEqual(parseCount('many'), { error: 'Type a whole number of pairs, 1 to 100,000' });
  });

  it('GC ranges as fractions or percent', () => {
    assert.deepEqual(parseGcRange(''), { value: undefined });
    assert.deepEqual(parseGcRange('0.4:0.6'), { value: [0.4, 0.6] });
    assert.deepEqual(parseGcRange('.35 : .65'), { value: [0.35, 0.65] });
    assert.deepEqual(parseGcRange('40:60'), { value: [0.4, 0.6] });
    assert.deepEqual(parseGcRange('0.4-0.6'), { value: [0.4, 0.6] });
    assert.deepEqual(parseGcRange('0.7:0.3'), { error: 'MIN (0.7) is larger than MAX (0.3)' });
    assert.deepEqual(parseGcRange('40:160'), { error: 'GC percentages are between 0 and 100' });
    assert.deepEqual(parseGcRange('0.5'), { error: 'Write MIN:MAX, e.g. 0.4:0.6 (or 40:60 in percent); empty for any GC content' });
  });

  it('max homopolymer', () => {
    assert.deepEqual(parseMaxHomopolymer(''), { value: undefined });
    assert.deepEqual(parseMaxHomopolymer('4'), { value: 4 });
    assert.deepEqual(parseMaxHomopolymer('0'), { error: 'Between 1 and 50' });
    assert.deepEqual(parseMaxHomopolymer('-3'), { error: 'Type a whole number, e.g. 4 (no run of more than 4 identical bases); empty for no limit' });
  });

  it('templates: IUPAC letters, upper-cased, length checked against the model', () => {
    assert.deepEqual(parseTemplate(''), { value: undefined });
    assert.deepEqual(parseTemplate('nnnn gcnn'), { value: 'NNNNGCNN' });
    assert.deepEqual(parseTemplate('NNXN'), { error: "'X' at position 3 is not an IUPAC letter: use A C G T/U, N for any base, or R Y S W K M B D H V" });
    assert.deepEqual(parseTemplate('NNNN', { min: 26, max: 26 }), { error: 'The template has 4 nt but the model was trained on 26 nt' });
    assert.deepEqual(parseTemplate('NNNN', { min: 20, max: 30 }), { error: 'The template has 4 nt but the model was trained on 20–30 nt' });
    assert.deepEqual(parseTemplate('N'.repeat(26), { min: 20, max: 30 }), { value: 'N'.repeat(26) });
  });

  it('temperature and seed', () => {
    assert.deepEqual(parseTemperature(''), { value: undefined });
    assert.deepEqual(parseTemperature('0.8'), { value: 0.8 });
    assert.deepEqual(parseTemperature('0'), { error: 'The temperature must be above 0 and at most 5' });
    assert.deepEqual(parseTemperature('hot'), { error: 'Type a number, e.g. 0.8 (lower: safer, less diverse; higher: more diverse)' });
    assert.deepEqual(parseSeed('42'), { value: 42 });
    assert.deepEqual(parseSeed(''), { value: undefined });
    assert.deepEqual(parseSeed('-1'), { error: 'Type a whole number from 0 to 2147483647' });
  });

  it('reads header columns of TSV and CSV', () => {
    assert.deepEqual(headerColumns('\uFEFFid\tseq_a\tseq_b\tlabel\tguide\r'), ['id', 'seq_a', 'seq_b', 'label', 'guide']);
    assert.deepEqual(headerColumns('"seq_a","seq_b",label, mirna '), ['seq_a', 'seq_b', 'label', 'mirna']);
  });
});

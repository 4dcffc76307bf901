// The dot plot exported as TSV: exact text for a small record (probabilities >= 1e-5 and the
// drawn structure's pairs, ordered by i then j, 1-based, 6 significant digits).
import * as assert from 'node:assert/strict';
import { dotPlotTsv, formatProbability } from '../../webview/structure/dotPlotTsv';
import { buildStructureModel } from '../../webview/structure/structureModel';
import type { StructureRecord } from '../../webview/structure/messages';

const record: StructureRecord = {
  uri: 'file:///x.dbn',
  recordIndex: 0,
  headerLine: 0,
  id: 'toy',
  description: '',
  sequence: 'GGGAAACCCU',
  structure: '(((...))).',
  structureSource: 'file',
  mfe: -1.2,
  ensemble: -1.5,
  // flat 1-based triples, in any order; (1,10) and (2,9) are not in the structure
  pairs: [3, 7, 0.8123456789, 1, 9, 0.9, 2, 8, 0.85, 1, 10, 0.000012345678, 2, 9, 0.05],
};

describe('structure panel: dot plot TSV', () => {
  it('is exact', () => {
    assert.equal(
      dotPlotTsv(buildStructureModel(record)),
      [
        'i\tj\tbase_i\tbase_j\tprobability\tin_structure',
        '1\t9\tG\tC\t0.9\t1',
        '1\t10\tG\tU\t0.0000123457\t0',
        '2\t8\tG\tC\t0.85\t1',
        '2\t9\tG\tC\t0.05\t0',
        '3\t7\tG\tC\t0.812346\t1',
        '',
      ].join('\n'),
    );
  });

  it('lists structure pairs below the cutoff with probability 0, and skips bad triples', () => {
    const tsv = dotPlotTsv(buildStructureModel({ ...record, pairs: [1, 9, 0.5, 0, 3, 0.5, 5, 4, 0.5, 2, 11, 0.5] }));
    assert.deepEqual(tsv.trim().split('\n').slice(1), ['1\t9\tG\tC\t0.5\t1', '2\t8\tG\tC\t0\t1', '3\t7\tG\tC\t0\t1']);
  });

  it('formats probabilities with 6 significant digits', () => {
    assert.equal(formatProbability(0), '0');
    assert.equal(formatProbability(1), '1');
    assert.equal(formatProbability(0.123456789), '0.123457');
    assert.equal(formatProbability(1e-5), '0.00001');
  });
});

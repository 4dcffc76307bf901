// Pairs panel: the duplex drawing (A 5'->3' over B 3'->5') and its pairing marks, exact strings.
import * as assert from 'node:assert/strict';
import { duplexLines, gcFraction, pairingMarks, pairMark } from '../../webview/pairs/pairMarks';

describe('pairs panel: pairing marks', () => {
  it('marks Watson-Crick with |, wobble with : and anything else with a space, in RNA and DNA, any case', () => {
    assert.deepEqual(['AU', 'UA', 'AT', 'TA', 'GC', 'CG', 'gc', 'aU'].map(([x, y]) => pairMark(x!, y!)), ['|', '|', '|', '|', '|', '|', '|', '|']);
    assert.deepEqual(['GU', 'UG', 'GT', 'TG', 'gt'].map(([x, y]) => pairMark(x!, y!)), [':', ':', ':', ':', ':']);
    assert.deepEqual(['AA', 'AC', 'AG', 'CU', 'CT', 'NN', 'AN', '--'].map(([x, y]) => pairMark(x!, y!)), [' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ']);
  });

  it('aligns A 5\' with B 3\': a reverse complement pairs in every column', () => {
    // B = reverse complement of A, so reversed B is the complement of A column by column
    assert.equal(pairingMarks('ACGUAC', 'GUACGU'), '||||||');
    assert.deepEqual(duplexLines('ACGTAC', 'GTACGT'), {
      top: "5' ACGTAC 3'",
      middle: '   ||||||   ',
      bottom: "3' TGCATG 5'",
      watsonCrick: 6,
      wobble: 0,
    });
  });

  it('shows wobble pairs and mismatches', () => {
    // reversed B = UGAAG against A = ACGUC: A-U |, C-G |, G-A ' ', U-A |, C-G |
    assert.deepEqual(duplexLines('ACGUC', 'GAAGU'), {
      top: "5' ACGUC 3'",
      middle: '   || ||   ',
      bottom: "3' UGAAG 5'",
      watsonCrick: 4,
      wobble: 0,
    });
    assert.deepEqual(duplexLines('GGGA', 'UUUU'), {
      top: "5' GGGA 3'",
      middle: '   :::|   ',
      bottom: "3' UUUU 5'",
      watsonCrick: 1,
      wobble: 3,
    });
  });

  it('pads the shorter strand with spaces so the columns stay aligned', () => {
    const d = duplexLines('ACGUACGU', 'CGU');
    assert.deepEqual([d.top, d.middle, d.bottom], ["5' ACGUACGU 3'", '   |||        ', "3' UGC      5'"]);
    const e = duplexLines('GC', 'AAGC');
    assert.deepEqual([e.top, e.middle, e.bottom], ["5' GC   3'", '   ||     ', "3' CGAA 5'"]);
    assert.equal(d.top.length, d.middle.length);
    assert.equal(d.top.length, d.bottom.length);
  });

  it('computes GC fractions', () => {
    assert.equal(gcFraction('GGCCAAUU'), 0.5);
    assert.equal(gcFraction('acgt'), 0.5);
    assert.equal(gcFraction('AAAA'), 0);
    assert.equal(gcFraction(''), 0);
  });
});

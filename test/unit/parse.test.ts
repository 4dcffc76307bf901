import * as assert from 'node:assert/strict';
import { joinRanges, parseFile, recordAt } from '../../src/core/formats/parse';
import { locate, recordSequence, recordStructure, bracketAt } from '../../src/core/formats/locate';
import { at } from './helpers';

describe('parseFile (FASTA)', () => {
  it('splits records with ids, descriptions and wrapped sequence lines', () => {
    const text = '>seq1 first record\nACGU\nGGCC\n>seq2\nUUUU\n';
    const f = parseFile(text, 'fasta');
    assert.equal(f.records.length, 2);
    const [a, b] = f.records;
    assert.equal(a.id, 'seq1');
    assert.equal(a.description, 'first record');
    assert.equal(at(f, a.header), '1:1-1:19');
    assert.equal(at(f, a.idRange), '1:2-1:6');
    assert.deepEqual(a.sequenceLines.map((r) => at(f, r)), ['2:1-2:5', '3:1-3:5']);
    assert.equal(recordSequence(f, a), 'ACGUGGCC');
    assert.equal(at(f, a.range), '1:1-3:5');
    assert.equal(b.id, 'seq2');
    assert.equal(b.index, 1);
    assert.equal(recordSequence(f, b), 'UUUU');
  });

  it('handles CRLF, a BOM, trailing whitespace and blank lines inside records', () => {
    const text = '\uFEFF>r1 x\r\nACG  \r\n\r\nUUA\t\r\n\r\n>r2\r\nGG';
    const f = parseFile(text, 'fasta');
    assert.equal(f.bomLength, 1);
    assert.equal(f.preamble, undefined);
    assert.equal(f.records.length, 2);
    assert.equal(f.records[0].id, 'r1');
    assert.equal(at(f, f.records[0].header), '1:2-1:7');
    assert.equal(recordSequence(f, f.records[0]), 'ACGUUA');
    assert.deepEqual(f.records[0].sequenceLines.map((r) => at(f, r)), ['2:1-2:4', '4:1-4:4']);
    assert.equal(recordSequence(f, f.records[1]), 'GG');
  });

  it('keeps lower case and & as written, and a header without id', () => {
    const f = parseFile('>\nacgu&GGCC\n', 'fasta');
    assert.equal(f.records[0].id, '');
    assert.equal(recordSequence(f, f.records[0]), 'acgu&GGCC');
  });

  it('reports text before the first header as the preamble', () => {
    const f = parseFile('\n  junk line\nmore\n>a\nAC\n', 'fasta');
    assert.ok(f.preamble);
    assert.equal(at(f, f.preamble!), '2:3-3:5');
  });

  it('finds the record at an offset by binary search', () => {
    const text = '>a\nAC\n>b\nGU\n>c\nCC\n';
    const f = parseFile(text, 'fasta');
    assert.equal(recordAt(f, text.indexOf('GU'))?.id, 'b');
    assert.equal(recordAt(f, text.indexOf('>c'))?.id, 'c');
    assert.equal(recordAt(f, text.length), undefined);
  });
});

describe('parseFile (dot-bracket)', () => {
  it('separates sequence, structure and energy annotation', () => {
    const text = '>hp hairpin\nGGGAAAUCC\n(((...))) (-1.20)\n';
    const f = parseFile(text, 'dot-bracket');
    const r = f.records[0];
    assert.equal(recordSequence(f, r), 'GGGAAAUCC');
    assert.equal(recordStructure(f, r), '(((...)))');
    assert.equal(at(f, r.structureLines[0]), '3:1-3:10');
    assert.equal(r.energy?.value, -1.2);
    assert.equal(at(f, r.energy!.range), '3:11-3:18');
  });

  it('reads RNAfold-style padded energies and wrapped sequences and structures', () => {
    const text = '>w\nGGGAA\nAUCC\n(((..\n.))) ( -3.30)\n';
    const f = parseFile(text, 'dot-bracket');
    const r = f.records[0];
    assert.equal(recordSequence(f, r), 'GGGAAAUCC');
    assert.equal(recordStructure(f, r), '(((...)))');
    assert.equal(r.energy?.value, -3.3);
    assert.equal(r.energy?.text, '( -3.30)');
  });

  it('marks a malformed energy with an undefined value and stray annotations', () => {
    const f = parseFile('>x\nGGGAAAUCC\n(((.. junk\n.))) (-1x.0)\n', 'dot-bracket');
    const r = f.records[0];
    assert.equal(r.energy?.value, undefined);
    assert.equal(r.energy?.text, '(-1x.0)');
    assert.equal(r.strayAnnotations.length, 1);
    assert.equal(joinRanges(f.text, r.strayAnnotations), 'junk');
  });

  it('allows records without a structure line', () => {
    const f = parseFile('>a\nACGU\n>b\nGGGAAACCC\n((....)))\n', 'dot-bracket');
    assert.equal(f.records[0].structureLines.length, 0);
    assert.equal(recordStructure(f, f.records[1]), '((....)))');
  });

  it('locates header, sequence, structure and energy parts and bracket partners', () => {
    const text = '>hp\nGGGAAAUCC\n(((...))) (-1.20)\n';
    const f = parseFile(text, 'dot-bracket');
    assert.equal(locate(f, 1)?.part, 'header');
    const seq = locate(f, text.indexOf('AAA'));
    assert.deepEqual([seq?.part, seq?.index], ['sequence', 3]);
    const st = locate(f, text.indexOf('(((') + 1);
    assert.deepEqual([st?.part, st?.index], ['structure', 1]);
    assert.equal(locate(f, text.indexOf('(-1'))?.part, 'energy');
    const info = bracketAt(f, f.records[0], 1);
    assert.equal(info?.position, 2);
    assert.equal(info?.partnerPosition, 8);
    assert.equal(`${info?.base}-${info?.partnerBase}`, 'G-C');
    assert.equal(at(f, info!.partnerRange!), '3:8-3:9');
  });
});

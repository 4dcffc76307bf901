import * as assert from 'node:assert/strict';
import { lint, messages } from './helpers';

describe('lint: every diagnostic code at its exact range', () => {
  it('reports nothing for valid FASTA (IUPAC, gaps, lower case, &, wrapping, CRLF, BOM)', () => {
    assert.deepEqual(lint('\uFEFF>a x\r\nACGTRYSWKMBDHVN-\r\nacgt\r\n>b\nACGU&GGCC\n'), []);
  });

  it('tolerates trailing whitespace on sequence lines but not whitespace inside them', () => {
    assert.deepEqual(lint('>a\nACGU  \t\nGG \n'), []);
    assert.deepEqual(lint('>a\nAC GU  \nGG\n'), [{ code: 'BP001', at: '2:3-2:4' }]);
    assert.deepEqual(lint('>a\n&  \n&\n'), [{ code: 'BP003', at: '1:1-1:3' }]);
  });

  it('reports nothing for valid dot-bracket with pseudoknots and energies', () => {
    const text = '>pk\nGGGAAAGGGAAACCCAAACCC\n(((...[[[...)))...]]] (-5.10)\n>dimer\nGGGAAA&UUUCCC\n(((...&...))) ( -3.30)\n>letters\nGGAAAGGAACCAAAACCAA\n((...AA..))....aa..\n';
    assert.deepEqual(lint(text, 'dot-bracket'), []);
  });

  it('BP001: each invalid character, its range that character only', () => {
    assert.deepEqual(lint('>a\nACXG\nAC1 G\n'), [
      { code: 'BP001', at: '2:3-2:4' },
      { code: 'BP001', at: '3:3-3:4' },
      { code: 'BP001', at: '3:4-3:5' },
    ]);
    assert.match(messages('>a\nAC G\n')[0], /^BP001 space \(U\+0020\) is not allowed in a nucleotide sequence/);
  });

  it('BP001: a character outside the BMP is one diagnostic over both code units', () => {
    assert.deepEqual(lint('>a\nAC\u{1F600}G\n'), [{ code: 'BP001', at: '2:3-2:5' }]);
  });

  it('BP001: invalid characters in a structure line', () => {
    assert.deepEqual(lint('>a\nGGGAAACCC\n(((.,.)))\n', 'dot-bracket'), [{ code: 'BP001', at: '3:5-3:6' }]);
  });

  it('BP002: a sequence with T and U, over the whole sequence', () => {
    assert.deepEqual(lint('>a\nACGU\nTTAA\n>b\nACGT\n'), [{ code: 'BP002', at: '2:1-3:5' }]);
    assert.equal(messages('>a\nACGU\nTTAA\n')[0], 'BP002 sequence mixes T (2) and U (1): DNA is written with T, RNA with U');
  });

  it('BP003: a record without sequence (at its header), also when followed by blank lines', () => {
    assert.deepEqual(lint('>empty one\n\n>b\nAC\n>c\n'), [
      { code: 'BP003', at: '1:1-1:11' },
      { code: 'BP003', at: '5:1-5:3' },
    ]);
  });

  it('BP004: a duplicate id, at the later header, with the first one as related info', () => {
    assert.deepEqual(lint('>x one\nAC\n>y\nGG\n>x two\nUU\n'), [{ code: 'BP004', at: '5:1-5:7' }]);
    assert.equal(messages('>x\nA\n>x\nA\n')[0], "BP004 duplicate record id 'x' (first used by record 1)");
  });

  it('BP005: structure length differs from the sequence length, over the structure', () => {
    assert.deepEqual(lint('>a\nGGGAAACCC\n(((...))\n', 'dot-bracket'), [
      { code: 'BP006', at: '3:1-3:2' },
      { code: 'BP005', at: '3:1-3:9' },
    ]);
    assert.match(messages('>a\nGGGAAACCC\n((...))\n', 'dot-bracket')[0], /structure has 7 characters but the sequence has 9/);
  });

  it('BP005: strand breaks at different columns', () => {
    assert.deepEqual(lint('>d\nGGG&CCC\n(((..&)\n', 'dot-bracket'), [
      { code: 'BP006', at: '3:1-3:2' },
      { code: 'BP005', at: '3:1-3:8' },
      { code: 'BP006', at: '3:2-3:3' },
    ]);
  });

  it('BP006: unbalanced brackets of every family, each at the bracket without partner', () => {
    assert.deepEqual(lint('>a\nGGAAACCCGAA\n((...)))[..\n', 'dot-bracket'), [
      { code: 'BP006', at: '3:8-3:9' },
      { code: 'BP006', at: '3:9-3:10' },
    ]);
    assert.deepEqual(lint('>a\nGGAAGAACCACAA\n{<..A..>}.a.}\n', 'dot-bracket'), [{ code: 'BP006', at: '3:13-3:14' }]);
    assert.match(messages('>a\nGAAAAC\n(....)]\n', 'dot-bracket').join('\n'), /'\]' at position 7 has no opening partner/);
  });

  it('BP007: non-canonical pairs named by both positions, at the opening bracket', () => {
    assert.deepEqual(lint('>a\nAGGAAACCA\n(((...)))\n', 'dot-bracket'), [{ code: 'BP007', at: '3:1-3:2' }]);
    assert.equal(
      messages('>a\nAGGAAACCA\n(((...)))\n', 'dot-bracket')[0],
      'BP007 non-canonical base pair 1-9: A-A (canonical pairs: AU, GC, GU)',
    );
    // GU, UG and lower case are canonical; T reads as U; N is not judged
    assert.deepEqual(lint('>a\nGuggAAAcCaN\n((((...))))\n', 'dot-bracket'), []);
    assert.deepEqual(lint('>a\nGTAAAAC\n((...))\n', 'dot-bracket'), []);
  });

  it('BP007: positions do not count the strand break', () => {
    assert.equal(messages('>d\nGAG&CAA\n.((&)).\n', 'dot-bracket')[0], 'BP007 non-canonical base pair 2-5: A-A (canonical pairs: AU, GC, GU)');
  });

  it('BP008: hairpins with fewer than 3 unpaired bases, over the hairpin', () => {
    assert.deepEqual(lint('>a\nGGAACC\n((..))\n', 'dot-bracket'), [{ code: 'BP008', at: '3:2-3:6' }]);
    assert.deepEqual(lint('>a\nGC\n()\n', 'dot-bracket'), [{ code: 'BP008', at: '3:1-3:3' }]);
    // an intermolecular pair across & is not a hairpin
    assert.deepEqual(lint('>d\nG&C\n(&)\n', 'dot-bracket'), []);
    assert.equal(messages('>a\nGGAACC\n((..))\n', 'dot-bracket')[0], 'BP008 hairpin loop closed by 2-5 has 2 unpaired bases (at least 3 needed)');
  });

  it('BP009: malformed energy annotations', () => {
    assert.deepEqual(lint('>a\nGGGAAACCC\n(((...))) (-1x.0)\n', 'dot-bracket'), [{ code: 'BP009', at: '3:11-3:18' }]);
    assert.deepEqual(lint('>a\nGGGAAACCC\n(((...))) -1.0\n', 'dot-bracket'), [{ code: 'BP009', at: '3:11-3:15' }]);
    assert.deepEqual(lint('>a\nGGGAAACCC\n(((...))) (-1.0\n', 'dot-bracket'), [{ code: 'BP009', at: '3:11-3:16' }]);
    assert.deepEqual(lint('>a\nGGGAAACCC\n(((. x\n..))) (2)\n', 'dot-bracket'), [{ code: 'BP009', at: '3:6-3:7' }]);
  });

  it('BP010: text before the first header, from its first character', () => {
    assert.deepEqual(lint('ACGU\n  more\n>a\nAC\n'), [{ code: 'BP010', at: '1:1-2:7' }]);
    assert.deepEqual(lint('ACGU'), [{ code: 'BP010', at: '1:1-1:5' }]);
  });

  it('BP011: caps the problems per file and says how many were not shown', () => {
    const text = '>a\n' + 'X'.repeat(1500) + '\n';
    const found = lint(text);
    assert.equal(found.length, 1001);
    assert.deepEqual(found[999], { code: 'BP001', at: '2:1000-2:1001' });
    assert.deepEqual(found[1000], { code: 'BP011', at: '2:1001-2:1002' });
    assert.match(messages(text)[1000], /^BP011 500 more problems in this file are not shown \(cap: 1,000 per file\)$/);
    assert.equal(lint(text, 'fasta', { maxProblems: 0 }).length, 1500);
    assert.equal(lint(text, 'fasta', { maxProblems: 10 }).length, 11);
  });

  it('keeps document order across records when capping', () => {
    const text = '>a\nXX\n>a\nACGU\n>b\n';
    assert.deepEqual(lint(text, 'fasta', { maxProblems: 3 }), [
      { code: 'BP001', at: '2:1-2:2' },
      { code: 'BP001', at: '2:2-2:3' },
      { code: 'BP004', at: '3:1-3:3' },
      { code: 'BP011', at: '5:1-5:3' },
    ]);
  });
});

// The language server's feature functions on real documents (no connection needed).
import * as assert from 'node:assert/strict';
import { CodeActionKind, CodeActionTriggerKind, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import { parseFile } from '../../src/core/formats/parse';
import { lintFile } from '../../src/core/lint/lint';
import { codeActions } from '../../src/server/features/codeActions';
import { toLspDiagnostic } from '../../src/server/features/diagnostics';
import { escapeMarkdown, hoverAt } from '../../src/server/features/hover';
import { partnerDefinition, partnerHighlights } from '../../src/server/features/partners';
import { documentSymbols, foldingRanges } from '../../src/server/features/symbols';
import type { FormatKind } from '../../src/core/formats/records';

const URI = 'file:///w/x.fa';

function analyse(text: string, kind: FormatKind = 'fasta') {
  const file = parseFile(text, kind);
  return { version: 1, file, lint: lintFile(file), ms: 0 };
}

function hoverText(text: string, offset: number, kind: FormatKind = 'fasta'): string {
  const h = hoverAt(parseFile(text, kind), offset);
  return h ? (h.contents as { value: string }).value : '';
}

describe('server features', () => {
  it('hover on a sequence: id, length, alphabet, GC and composition, position', () => {
    const text = '>seq1 demo record\nACGUACGUAAGGCCUUAGCA\n';
    const md = hoverText(text, text.indexOf('GGCC'));
    assert.equal(
      md,
      '**seq1** · 20 nt · RNA\n\ndemo record\n\nGC 50.0 % · A 6 · C 5 · G 5 · U 4\n\nposition 11: G',
    );
  });

  it('hover escapes markdown in ids and reports DNA, gaps, ambiguity and soft-masking', () => {
    const text = '>*bold*<img>\nACGTN-acgt\n';
    const md = hoverText(text, 1);
    assert.match(md, /^\*\*\\\*bold\\\*\\<img\\>\*\* · 9 nt · DNA/);
    assert.match(md, /A 2 · C 2 · G 2 · T 2 · ambiguous 1 · gaps 1/);
    assert.match(md, /4 soft-masked \(lower-case\) bases/);
    assert.equal(escapeMarkdown('a_b'), 'a\\_b');
  });

  it('hover on a bracket names its partner and the pair', () => {
    const text = '>hp\nGGGAAAUCC\n(((...))) (-1.20)\n';
    const s = text.indexOf('(((');
    assert.equal(hoverText(text, s + 1, 'dot-bracket'), 'position 2 pairs with 8: G-C');
    assert.equal(hoverText(text, s + 6, 'dot-bracket'), 'position 7 pairs with 3: U-G');
    assert.equal(hoverText(text, text.indexOf('(-1'), 'dot-bracket'), 'free energy -1.20 kcal/mol (from the file)');
    const bad = '>x\nGAAAAC\n(....)]\n';
    assert.equal(hoverText(bad, bad.indexOf(']'), 'dot-bracket'), 'position 7: `]` has no partner (unbalanced)');
  });

  it('go to definition and highlights on a bracket reach its partner', () => {
    const text = '>hp\nGGGAAAUCC\n(((...)))\n';
    const f = parseFile(text, 'dot-bracket');
    const s = text.indexOf('(((');
    assert.deepEqual(partnerDefinition(f, URI, s), { uri: URI, range: { start: { line: 2, character: 8 }, end: { line: 2, character: 9 } } });
    assert.deepEqual(partnerHighlights(f, s + 8)?.map((h) => h.range.start.character), [8, 0]);
    assert.equal(partnerDefinition(f, URI, s + 4), null); // '.'
  });

  it('outline: one symbol per record with its length; folding per multi-line record', () => {
    const text = '>a first\nACGU\nAC--\n>b\nG&C\n>\n\n';
    const f = parseFile(text, 'fasta');
    const symbols = documentSymbols(f);
    assert.deepEqual(symbols.map((s) => [s.name, s.detail, s.range.start.line, s.range.end.line]), [
      ['a', '6 nt', 0, 2],
      ['b', '2 nt', 3, 4],
      ['(no id)', '0 nt', 5, 5],
    ]);
    assert.deepEqual(symbols[0].selectionRange, { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } });
    assert.deepEqual(foldingRanges(f), [{ startLine: 0, endLine: 2 }, { startLine: 3, endLine: 4 }]);
  });

  it('diagnostics carry code, source, record and related information', () => {
    const a = analyse('>x\nAC\n>x\nGG\n');
    const d = toLspDiagnostic(a.file, URI, a.lint.diagnostics[0]);
    assert.equal(d.code, 'BP004');
    assert.equal(d.source, 'basepair');
    assert.deepEqual(d.data, { record: 1 });
    assert.deepEqual(d.relatedInformation?.[0].location.range.start, { line: 0, character: 0 });
  });

  it('quick fixes for BP002 convert the record; BP001 deletes invalid characters', () => {
    const text = '>m\nACGU\nUT\n>n\nAXC\n>o\nGGQ\n';
    const a = analyse(text);
    const diags: Diagnostic[] = a.lint.diagnostics.map((d) => toLspDiagnostic(a.file, URI, d));
    const params = (d: Diagnostic): CodeActionParams => ({
      textDocument: { uri: URI },
      range: d.range,
      context: { diagnostics: [d], only: [CodeActionKind.QuickFix] },
    });
    const bp002 = codeActions(a, params(diags.find((d) => d.code === 'BP002')!));
    assert.deepEqual(bp002.map((x) => [x.title, x.isPreferred]), [
      ["Convert record 'm' to RNA (T → U)", true],
      ["Convert record 'm' to DNA (U → T)", false],
    ]);
    assert.deepEqual(bp002[0].edit?.changes?.[URI], [
      { range: { start: { line: 1, character: 0 }, end: { line: 2, character: 2 } }, newText: 'ACGU\nUU' },
    ]);
    const bp001 = codeActions(a, params(diags.find((d) => d.code === 'BP001')!));
    assert.deepEqual(bp001.map((x) => x.title), ["Delete invalid characters in record 'n'", 'Delete invalid characters in all 2 records']);
    assert.equal(bp001[1].edit?.changes?.[URI].length, 2);
  });

  it('refactorings on the record under the cursor: convert, upper-case, rewrap, join', () => {
    const text = '>s\nacgt\nAC\n';
    const a = analyse(text);
    const actions = codeActions(a, {
      textDocument: { uri: URI },
      range: { start: { line: 1, character: 1 }, end: { line: 1, character: 1 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(actions.map((x) => [x.title, x.kind]), [
      ["Convert record 's' to RNA (T → U)", 'refactor.rewrite'],
      ["Upper-case record 's'", 'refactor.rewrite'],
      ["Rewrap record 's' to 60 columns", 'refactor.rewrite'],
      ["Join record 's' into one sequence line", 'refactor.rewrite'],
    ]);
    // The light bulb asks automatically: no refactorings then, so records without problems stay quiet.
    const automatic = codeActions(a, {
      textDocument: { uri: URI },
      range: { start: { line: 1, character: 1 }, end: { line: 1, character: 1 } },
      context: { diagnostics: [], triggerKind: CodeActionTriggerKind.Automatic },
    });
    assert.deepEqual(automatic, []);
  });
});

// The TextMate grammars (syntaxes/*.tmLanguage.json) and language configurations, tested with the
// engine VS Code itself uses (vscode-textmate + vscode-oniguruma): real lines are tokenized and the
// exact scopes are asserted at exact columns; colours are resolved through VS Code's default themes
// (the theme files of the installed test host, else a snapshot of the rules that matter).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { testHost } from '../support/harness';

const ROOT = path.resolve(__dirname, '..', '..');
const GRAMMAR_FILES: Record<string, string> = {
  'source.fasta': path.join(ROOT, 'syntaxes', 'fasta.tmLanguage.json'),
  'source.dot-bracket': path.join(ROOT, 'syntaxes', 'dot-bracket.tmLanguage.json'),
};

let onigLib: Promise<vsctm.IOnigLib> | undefined;
function loadOnigLib(): Promise<vsctm.IOnigLib> {
  onigLib ??= (async () => {
    const wasm = fs.readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
    await oniguruma.loadWASM({ data: wasm });
    return {
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    };
  })();
  return onigLib;
}

function newRegistry(theme?: vsctm.IRawTheme): vsctm.Registry {
  return new vsctm.Registry({
    onigLib: loadOnigLib(),
    theme,
    loadGrammar: async (scopeName) => {
      const file = GRAMMAR_FILES[scopeName];
      return file ? vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
    },
  });
}

/** Loads a grammar as VS Code does for a contributed grammar (every scope may hold balanced brackets). */
async function loadGrammar(registry: vsctm.Registry, scopeName: string): Promise<vsctm.IGrammar> {
  const grammar = await registry.loadGrammarWithConfiguration(scopeName, 1, {
    balancedBracketSelectors: ['*'],
    unbalancedBracketSelectors: [],
  });
  assert.ok(grammar, `grammar ${scopeName} did not load`);
  return grammar;
}

/** A token as [its text, its scopes below the root joined by spaces]. */
type Tok = [text: string, scopes: string];

/** Tokenizes consecutive lines (the rule stack carries over, as in the editor). */
function tokenizeLines(grammar: vsctm.IGrammar, lines: readonly string[]): Tok[][] {
  let state = vsctm.INITIAL;
  return lines.map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t): Tok => [line.slice(t.startIndex, t.endIndex), t.scopes.slice(1).join(' ')]);
  });
}

// EncodedTokenAttributes of vscode-textmate 9 (what tokenizeLine2 returns per token).
const tokenType = (m: number) => (m >>> 8) & 0b11; // 0 other, 1 comment, 2 string, 3 regex
const balancedBrackets = (m: number) => ((m >>> 10) & 1) === 1;
const isItalic = (m: number) => ((m >>> 11) & 0b1111 & 1) === 1;
const foregroundId = (m: number) => (m >>> 15) & 0b1_1111_1111;
const STRING_TOKEN = 2;
const OTHER_TOKEN = 0;

/** Metadata of the token covering each column of one line (after the lines before it). */
function metadataPerColumn(grammar: vsctm.IGrammar, lines: readonly string[]): number[] {
  let state = vsctm.INITIAL;
  let columns: number[] = [];
  for (const line of lines) {
    const result = grammar.tokenizeLine2(line, state);
    state = result.ruleStack;
    const t = result.tokens;
    columns = [];
    for (let i = 0; i < t.length; i += 2) {
      const end = i + 2 < t.length ? t[i + 2] : line.length;
      for (let c = t[i]; c < end; c++) columns[c] = t[i + 1];
    }
  }
  return columns;
}

describe('TextMate grammars', () => {
  let fasta: vsctm.IGrammar;
  let dotBracket: vsctm.IGrammar;
  const fa = (...lines: string[]) => tokenizeLines(fasta, lines);
  const db = (...lines: string[]) => tokenizeLines(dotBracket, lines);

  before(async () => {
    const registry = newRegistry();
    fasta = await loadGrammar(registry, 'source.fasta');
    dotBracket = await loadGrammar(registry, 'source.dot-bracket');
  });

  describe('FASTA header lines', () => {
    const H = 'string.unquoted.header.fasta';
    const D = `${H} string.unquoted.description.fasta`;

    it('scopes the >, the id, the description and a key=number pair', () => {
      assert.deepEqual(fa('>seq1 mutant value=0.53'), [
        [
          ['>', `${H} keyword.other.header.fasta`],
          ['seq1', `${H} entity.name.function.sequence-id.fasta`],
          [' ', H],
          ['mutant ', D],
          ['value', `${D} variable.other.key.fasta`],
          ['=', `${D} keyword.operator.assignment.fasta`],
          ['0.53', `${D} constant.numeric.fasta`],
        ],
      ]);
    });

    it('marks only whole numeric values as numbers, and finds keys after ; , |', () => {
      assert.deepEqual(fa('>id OS=Homo sapiens;OX=9606 x=0.5y mfe=-1e-3'), [
        [
          ['>', `${H} keyword.other.header.fasta`],
          ['id', `${H} entity.name.function.sequence-id.fasta`],
          [' ', H],
          ['OS', `${D} variable.other.key.fasta`],
          ['=', `${D} keyword.operator.assignment.fasta`],
          ['Homo sapiens;', D],
          ['OX', `${D} variable.other.key.fasta`],
          ['=', `${D} keyword.operator.assignment.fasta`],
          ['9606', `${D} constant.numeric.fasta`],
          [' ', D],
          ['x', `${D} variable.other.key.fasta`],
          ['=', `${D} keyword.operator.assignment.fasta`],
          ['0.5y ', D],
          ['mfe', `${D} variable.other.key.fasta`],
          ['=', `${D} keyword.operator.assignment.fasta`],
          ['-1e-3', `${D} constant.numeric.fasta`],
        ],
      ]);
    });

    it('takes the id after blanks following >, and handles a bare > and a CRLF line', () => {
      assert.deepEqual(fa('> id  some text\r', '>', '>x\r'), [
        [
          ['>', `${H} keyword.other.header.fasta`],
          [' ', H],
          ['id', `${H} entity.name.function.sequence-id.fasta`],
          ['  ', H],
          ['some text', D],
          ['\r', H],
        ],
        [['>', `${H} keyword.other.header.fasta`]],
        [
          ['>', `${H} keyword.other.header.fasta`],
          ['x', `${H} entity.name.function.sequence-id.fasta`],
          ['\r', H],
        ],
      ]);
    });

    it('is a header only with > in column 0', () => {
      assert.deepEqual(fa(' >xz'), [
        [
          [' ', 'invalid.illegal.whitespace.fasta'],
          ['>xz', 'invalid.illegal.character.fasta'],
        ],
      ]);
    });
  });

  describe('FASTA sequence lines', () => {
    it('gives A C G T U each their own scope, one token per run of a base', () => {
      assert.deepEqual(fa('AACGGGTU'), [
        [
          ['AA', 'support.type.nucleotide.adenine.fasta'],
          ['C', 'constant.language.nucleotide.cytosine.fasta'],
          ['GGG', 'support.function.nucleotide.guanine.fasta'],
          ['T', 'markup.deleted.nucleotide.thymine.fasta'],
          ['U', 'markup.deleted.nucleotide.uracil.fasta'],
        ],
      ]);
    });

    it('gives every IUPAC ambiguity code (R Y S W K M B D H V N) its own scope, upper and lower case', () => {
      for (const code of 'RYSWKMBDHVN') {
        const lower = code.toLowerCase();
        assert.deepEqual(fa(`A${code}A`, lower), [
          [
            ['A', 'support.type.nucleotide.adenine.fasta'],
            [code, `keyword.control.nucleotide.ambiguous.${lower}.fasta`],
            ['A', 'support.type.nucleotide.adenine.fasta'],
          ],
          [[lower, `markup.italic.soft-masked.fasta keyword.control.nucleotide.ambiguous.${lower}.lowercase.fasta`]],
        ]);
      }
    });

    it('puts soft-masked (lower-case) bases in a markup.italic wrapper with per-base .lowercase scopes', () => {
      const M = 'markup.italic.soft-masked.fasta';
      assert.deepEqual(fa('ACaacgtuN'), [
        [
          ['A', 'support.type.nucleotide.adenine.fasta'],
          ['C', 'constant.language.nucleotide.cytosine.fasta'],
          ['aa', `${M} support.type.nucleotide.adenine.lowercase.fasta`],
          ['c', `${M} constant.language.nucleotide.cytosine.lowercase.fasta`],
          ['g', `${M} support.function.nucleotide.guanine.lowercase.fasta`],
          ['t', `${M} markup.deleted.nucleotide.thymine.lowercase.fasta`],
          ['u', `${M} markup.deleted.nucleotide.uracil.lowercase.fasta`],
          ['N', 'keyword.control.nucleotide.ambiguous.n.fasta'],
        ],
      ]);
    });

    it('scopes the gap and the strand separator', () => {
      assert.deepEqual(fa('AC--G&UU'), [
        [
          ['A', 'support.type.nucleotide.adenine.fasta'],
          ['C', 'constant.language.nucleotide.cytosine.fasta'],
          ['--', 'keyword.operator.gap.fasta'],
          ['G', 'support.function.nucleotide.guanine.fasta'],
          ['&', 'markup.inserted.strand-break.fasta'],
          ['UU', 'markup.deleted.nucleotide.uracil.fasta'],
        ],
      ]);
    });

    it('marks every other character as invalid.illegal', () => {
      assert.deepEqual(fa('X', '1', '*', 'AX1*G', 'ACx.E'), [
        [['X', 'invalid.illegal.character.fasta']],
        [['1', 'invalid.illegal.character.fasta']],
        [['*', 'invalid.illegal.character.fasta']],
        [
          ['A', 'support.type.nucleotide.adenine.fasta'],
          ['X1*', 'invalid.illegal.character.fasta'],
          ['G', 'support.function.nucleotide.guanine.fasta'],
        ],
        [
          ['A', 'support.type.nucleotide.adenine.fasta'],
          ['C', 'constant.language.nucleotide.cytosine.fasta'],
          ['x.E', 'invalid.illegal.character.fasta'],
        ],
      ]);
    });

    it('flags leading and inner blanks but tolerates trailing blanks, like the parser', () => {
      assert.deepEqual(fa(' AC G  \t'), [
        [
          [' ', 'invalid.illegal.whitespace.fasta'],
          ['A', 'support.type.nucleotide.adenine.fasta'],
          ['C', 'constant.language.nucleotide.cytosine.fasta'],
          [' ', 'invalid.illegal.whitespace.fasta'],
          ['G', 'support.function.nucleotide.guanine.fasta'],
          ['  \t', ''],
        ],
      ]);
    });

    it('keeps every token of a CRLF line intact and leaves the \\r unscoped', () => {
      assert.deepEqual(fa('ACGU\r', 'acgNN-\r'), [
        [
          ['A', 'support.type.nucleotide.adenine.fasta'],
          ['C', 'constant.language.nucleotide.cytosine.fasta'],
          ['G', 'support.function.nucleotide.guanine.fasta'],
          ['U', 'markup.deleted.nucleotide.uracil.fasta'],
          ['\r', ''],
        ],
        [
          ['a', 'markup.italic.soft-masked.fasta support.type.nucleotide.adenine.lowercase.fasta'],
          ['c', 'markup.italic.soft-masked.fasta constant.language.nucleotide.cytosine.lowercase.fasta'],
          ['g', 'markup.italic.soft-masked.fasta support.function.nucleotide.guanine.lowercase.fasta'],
          ['NN', 'keyword.control.nucleotide.ambiguous.n.fasta'],
          ['-', 'keyword.operator.gap.fasta'],
          ['\r', ''],
        ],
      ]);
    });
  });

  describe('dot-bracket', () => {
    const S = 'meta.structure.dot-bracket';
    const E = `${S} meta.energy.dot-bracket`;

    it('reuses the FASTA header and sequence scopes', () => {
      assert.deepEqual(db('>hp1 mfe=-3.3', 'GGGa&CCU'), [
        [
          ['>', 'string.unquoted.header.fasta keyword.other.header.fasta'],
          ['hp1', 'string.unquoted.header.fasta entity.name.function.sequence-id.fasta'],
          [' ', 'string.unquoted.header.fasta'],
          ['mfe', 'string.unquoted.header.fasta string.unquoted.description.fasta variable.other.key.fasta'],
          ['=', 'string.unquoted.header.fasta string.unquoted.description.fasta keyword.operator.assignment.fasta'],
          ['-3.3', 'string.unquoted.header.fasta string.unquoted.description.fasta constant.numeric.fasta'],
        ],
        [
          ['GGG', 'support.function.nucleotide.guanine.fasta'],
          ['a', 'markup.italic.soft-masked.fasta support.type.nucleotide.adenine.lowercase.fasta'],
          ['&', 'markup.inserted.strand-break.fasta'],
          ['CC', 'constant.language.nucleotide.cytosine.fasta'],
          ['U', 'markup.deleted.nucleotide.uracil.fasta'],
        ],
      ]);
    });

    it('scopes the pieces of a pseudoknotted structure line ((..[[..))..]]', () => {
      const [, , structure] = db('>pk', 'GGAAGGAACCAACC', '((..[[..))..]]');
      assert.deepEqual(structure, [
        ['((', `${S} constant.language.pair.open.dot-bracket`],
        ['..', `${S} punctuation.unpaired.dot-bracket`],
        ['[[', `${S} keyword.control.pseudoknot.square.open.dot-bracket`],
        ['..', `${S} punctuation.unpaired.dot-bracket`],
        ['))', `${S} constant.language.pair.close.dot-bracket`],
        ['..', `${S} punctuation.unpaired.dot-bracket`],
        [']]', `${S} keyword.control.pseudoknot.square.close.dot-bracket`],
      ]);
    });

    it('scopes {} <> pseudoknots and the strand break, from the first non-blank character', () => {
      const [, , structure] = db('>x', 'ACGU', ' {<.&.>}');
      assert.deepEqual(structure, [
        [' ', `${S} invalid.illegal.whitespace.dot-bracket`],
        ['{', `${S} keyword.control.pseudoknot.curly.open.dot-bracket`],
        ['<', `${S} keyword.control.pseudoknot.angle.open.dot-bracket`],
        ['.', `${S} punctuation.unpaired.dot-bracket`],
        ['&', `${S} markup.inserted.strand-break.dot-bracket`],
        ['.', `${S} punctuation.unpaired.dot-bracket`],
        ['>', `${S} keyword.control.pseudoknot.angle.close.dot-bracket`],
        ['}', `${S} keyword.control.pseudoknot.curly.close.dot-bracket`],
      ]);
    });

    it('reads Aa as pseudoknot letters on a structure line but A as adenine on a sequence line', () => {
      assert.deepEqual(db('>x', 'AAGCUU', '.AA.aa', 'Aa..'), [
        [
          ['>', 'string.unquoted.header.fasta keyword.other.header.fasta'],
          ['x', 'string.unquoted.header.fasta entity.name.function.sequence-id.fasta'],
        ],
        [
          ['AA', 'support.type.nucleotide.adenine.fasta'],
          ['G', 'support.function.nucleotide.guanine.fasta'],
          ['C', 'constant.language.nucleotide.cytosine.fasta'],
          ['UU', 'markup.deleted.nucleotide.uracil.fasta'],
        ],
        [
          ['.', `${S} punctuation.unpaired.dot-bracket`],
          ['AA', `${S} keyword.control.pseudoknot.letter.open.dot-bracket`],
          ['.', `${S} punctuation.unpaired.dot-bracket`],
          ['aa', `${S} keyword.control.pseudoknot.letter.close.dot-bracket`],
        ],
        // a wrapped structure line that starts with a letter is still structure (as in parse.ts)
        [
          ['A', `${S} keyword.control.pseudoknot.letter.open.dot-bracket`],
          ['a', `${S} keyword.control.pseudoknot.letter.close.dot-bracket`],
          ['..', `${S} punctuation.unpaired.dot-bracket`],
        ],
      ]);
    });

    it('ends the structure at the next header: the next sequence line is nucleotides again', () => {
      const lines = db('>a', 'GCAAGC', '((..))', '', '>b', 'Aa');
      assert.deepEqual(lines[3], [['', S]]);
      assert.deepEqual(lines[5], [
        ['A', 'support.type.nucleotide.adenine.fasta'],
        ['a', 'markup.italic.soft-masked.fasta support.type.nucleotide.adenine.lowercase.fasta'],
      ]);
    });

    it('scopes a trailing energy ( -3.30) and (-12.3) as constant.numeric inside meta.energy', () => {
      const [, , padded, plain, positive] = db('>x', 'GGGAAACCC', '(((...))) ( -3.30)', '((...)) (-12.3)', '. (+.5 )');
      assert.deepEqual(padded.slice(3), [
        [' ', S],
        ['(', `${E} punctuation.definition.string.begin.energy.dot-bracket`],
        [' ', E],
        ['-3.30', `${E} constant.numeric.energy.dot-bracket`],
        [')', `${E} punctuation.definition.string.end.energy.dot-bracket`],
      ]);
      assert.deepEqual(plain.slice(3), [
        [' ', S],
        ['(', `${E} punctuation.definition.string.begin.energy.dot-bracket`],
        ['-12.3', `${E} constant.numeric.energy.dot-bracket`],
        [')', `${E} punctuation.definition.string.end.energy.dot-bracket`],
      ]);
      assert.deepEqual(positive.slice(1), [
        [' ', S],
        ['(', `${E} punctuation.definition.string.begin.energy.dot-bracket`],
        ['+.5', `${E} constant.numeric.energy.dot-bracket`],
        [' ', E],
        [')', `${E} punctuation.definition.string.end.energy.dot-bracket`],
      ]);
    });

    it('marks a malformed trailing annotation (-1x.0) and junk after an energy as invalid', () => {
      const [, , bad, junk, unclosed] = db('>x', 'GGGAAACCC', '((...)) (-1x.0)', '((...)) (-1.0) kcal', '((...)) (-1.0');
      assert.deepEqual(bad, [
        ['((', `${S} constant.language.pair.open.dot-bracket`],
        ['...', `${S} punctuation.unpaired.dot-bracket`],
        ['))', `${S} constant.language.pair.close.dot-bracket`],
        [' ', S],
        ['(-1x.0)', `${S} invalid.illegal.annotation.dot-bracket`],
      ]);
      assert.deepEqual(junk.slice(3), [
        [' ', S],
        ['(-1.0) kcal', `${S} invalid.illegal.annotation.dot-bracket`],
      ]);
      assert.deepEqual(unclosed.slice(3), [
        [' ', S],
        ['(-1.0', `${S} invalid.illegal.annotation.dot-bracket`],
      ]);
    });

    it('marks characters that are not structure notation as invalid', () => {
      const [, , structure] = db('>x', 'ACGUAC', '.(1.)_');
      assert.deepEqual(structure, [
        ['.', `${S} punctuation.unpaired.dot-bracket`],
        ['(', `${S} constant.language.pair.open.dot-bracket`],
        ['1', `${S} invalid.illegal.character.dot-bracket`],
        ['.', `${S} punctuation.unpaired.dot-bracket`],
        [')', `${S} constant.language.pair.close.dot-bracket`],
        ['_', `${S} invalid.illegal.character.dot-bracket`],
      ]);
    });

    it('keeps the tokens of CRLF lines intact, energy included', () => {
      const [header, , structure] = db('>x\r', 'GGAUCC\r', '((..))  (-1.20)\r');
      assert.deepEqual(header, [
        ['>', 'string.unquoted.header.fasta keyword.other.header.fasta'],
        ['x', 'string.unquoted.header.fasta entity.name.function.sequence-id.fasta'],
        ['\r', 'string.unquoted.header.fasta'],
      ]);
      assert.deepEqual(structure, [
        ['((', `${S} constant.language.pair.open.dot-bracket`],
        ['..', `${S} punctuation.unpaired.dot-bracket`],
        ['))', `${S} constant.language.pair.close.dot-bracket`],
        ['  ', S],
        ['(', `${E} punctuation.definition.string.begin.energy.dot-bracket`],
        ['-1.20', `${E} constant.numeric.energy.dot-bracket`],
        [')', `${E} punctuation.definition.string.end.energy.dot-bracket`],
        ['\r', S],
      ]);
    });
  });

  describe('token types seen by VS Code (bracket matching, completions)', () => {
    it('makes structure parentheses bracket candidates, but not those of headers or of the energy', () => {
      const lines = ['>x (a) <b>', 'GGAUCC', '((..)) (-1.20)'];
      const header = metadataPerColumn(dotBracket, lines.slice(0, 1));
      for (const col of [0, 3, 5, 7, 9]) assert.equal(tokenType(header[col]), STRING_TOKEN, `header column ${col}`);
      const structure = metadataPerColumn(dotBracket, lines);
      for (const col of [0, 1, 4, 5]) {
        assert.equal(tokenType(structure[col]), OTHER_TOKEN, `structure column ${col}`);
        assert.ok(balancedBrackets(structure[col]), `structure column ${col} may hold brackets`);
      }
      assert.equal(tokenType(structure[7]), STRING_TOKEN, 'energy (');
      assert.equal(tokenType(structure[13]), STRING_TOKEN, 'energy )');
    });

    it('keeps every sequence token an "other" token (none is a string or comment)', () => {
      const line = 'ACGTURYSWKMBDHVNacgturyswkmbdhvn-&X';
      const md = metadataPerColumn(fasta, [line]);
      for (let c = 0; c < line.length; c++) assert.equal(tokenType(md[c]), OTHER_TOKEN, `column ${c} (${line[c]})`);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Colours under VS Code's default themes.

type ThemeSetting = vsctm.IRawTheme['settings'][number];
interface ThemeFile {
  include?: string;
  colors?: Record<string, string>;
  tokenColors?: ThemeSetting[];
}

function readThemeFile(dir: string, file: string): { rules: ThemeSetting[]; colors: Record<string, string> } {
  const theme = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as ThemeFile;
  const base = theme.include ? readThemeFile(dir, theme.include) : { rules: [], colors: {} };
  return { rules: [...base.rules, ...(theme.tokenColors ?? [])], colors: { ...base.colors, ...theme.colors } };
}

/** A theme as VS Code hands it to vscode-textmate: editor colours first, then the token rules. */
function themeFromFiles(dir: string, file: string, dark: boolean): vsctm.IRawTheme {
  const t = readThemeFile(dir, file);
  const foreground = t.colors['editor.foreground'] ?? (dark ? '#D4D4D4' : '#000000');
  const background = t.colors['editor.background'] ?? (dark ? '#1E1E1E' : '#FFFFFF');
  return { settings: [{ settings: { foreground, background } }, ...t.rules] };
}

/**
 * Fallback when the test host (npm run setup:host) is not installed: the rules of Dark+ and Light+
 * (VS Code 1.139: dark_vs.json + dark_plus.json, light_vs.json + light_plus.json) that decide the
 * colours of these grammars' scopes.
 */
function snapshotTheme(foreground: string, rules: Record<string, string>): vsctm.IRawTheme {
  return {
    settings: [
      { settings: { foreground, background: foreground === '#D4D4D4' ? '#1E1E1E' : '#FFFFFF' } },
      ...Object.entries(rules).map(([scope, color]): ThemeSetting => ({ scope, settings: { foreground: color } })),
      { scope: 'markup.italic', settings: { fontStyle: 'italic' } },
    ],
  };
}
const SNAPSHOT: Record<string, vsctm.IRawTheme> = {
  'Dark+': snapshotTheme('#D4D4D4', {
    'constant.language': '#569cd6', 'constant.numeric': '#b5cea8', 'entity.name.function': '#DCDCAA',
    invalid: '#f44747', keyword: '#569cd6', 'keyword.control': '#C586C0', 'keyword.operator': '#d4d4d4',
    'markup.deleted': '#ce9178', 'markup.inserted': '#b5cea8', string: '#ce9178', 'support.function': '#DCDCAA',
    'support.type': '#4EC9B0', variable: '#9CDCFE',
  }),
  'Light+': snapshotTheme('#000000', {
    'constant.language': '#0000ff', 'constant.numeric': '#098658', 'entity.name.function': '#795E26',
    invalid: '#cd3131', keyword: '#0000ff', 'keyword.control': '#AF00DB', 'keyword.operator': '#000000',
    'markup.deleted': '#a31515', 'markup.inserted': '#098658', string: '#a31515', 'support.function': '#795E26',
    'support.type': '#267f99', variable: '#001080',
  }),
};

function installedThemesDir(): string | undefined {
  try {
    const entry = testHost().codeServerEntry; // .../node_modules/code-server/out/node/entry.js
    const dir = path.resolve(entry, '..', '..', '..', 'lib', 'vscode', 'extensions', 'theme-defaults', 'themes');
    return fs.existsSync(path.join(dir, 'dark_plus.json')) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** The colour documented in the grammars' "comment" for each class, Dark+/Dark Modern and Light+/Light Modern. */
const PALETTE = {
  dark: {
    A: '#4EC9B0', C: '#569CD6', G: '#DCDCAA', TU: '#CE9178',
    ambiguous: '#C586C0', gap: '#D4D4D4', strandBreak: '#B5CEA8', invalid: '#F44747',
  },
  light: {
    A: '#267F99', C: '#0000FF', G: '#795E26', TU: '#A31515',
    ambiguous: '#AF00DB', gap: '#000000', strandBreak: '#098658', invalid: '#CD3131',
  },
};
type BaseClass = keyof typeof PALETTE.dark;
const SAMPLE = 'ACGTURYSWKMBDHVN-&X';
const CLASS_OF: Record<string, BaseClass> = {
  A: 'A', C: 'C', G: 'G', T: 'TU', U: 'TU', '-': 'gap', '&': 'strandBreak', X: 'invalid',
};
for (const c of 'RYSWKMBDHVN') CLASS_OF[c] = 'ambiguous';

interface Style {
  color: string;
  italic: boolean;
}

async function stylesOf(theme: vsctm.IRawTheme, lines: readonly string[]): Promise<Style[]> {
  const registry = newRegistry(theme);
  const grammar = await loadGrammar(registry, 'source.fasta');
  const colorMap = registry.getColorMap();
  return metadataPerColumn(grammar, lines).map((m) => ({ color: colorMap[foregroundId(m)], italic: isItalic(m) }));
}

describe('grammar colours in the default themes', () => {
  const dir = installedThemesDir();
  const themes: Array<{ name: string; theme: vsctm.IRawTheme; palette?: Record<BaseClass, string> }> = dir
    ? [
        { name: 'Dark+', theme: themeFromFiles(dir, 'dark_plus.json', true), palette: PALETTE.dark },
        { name: 'Dark Modern', theme: themeFromFiles(dir, 'dark_modern.json', true), palette: PALETTE.dark },
        { name: 'Light+', theme: themeFromFiles(dir, 'light_plus.json', false), palette: PALETTE.light },
        { name: 'Light Modern', theme: themeFromFiles(dir, 'light_modern.json', false), palette: PALETTE.light },
        // the defaults of new installs in the test host's VS Code 1.139: only distinctness is asserted
        { name: 'Dark 2026', theme: themeFromFiles(dir, '2026-dark.json', true) },
        { name: 'Light 2026', theme: themeFromFiles(dir, '2026-light.json', false) },
      ]
    : [
        { name: 'Dark+ (snapshot)', theme: SNAPSHOT['Dark+'], palette: PALETTE.dark },
        { name: 'Light+ (snapshot)', theme: SNAPSHOT['Light+'], palette: PALETTE.light },
      ];

  for (const { name, theme, palette } of themes) {
    it(`${name}: each nucleotide class, the gap, '&' and invalid characters look different`, async () => {
      const styles = await stylesOf(theme, [SAMPLE]);
      const byClass = new Map<BaseClass, Style>();
      for (let c = 0; c < SAMPLE.length; c++) {
        const cls = CLASS_OF[SAMPLE[c]];
        const seen = byClass.get(cls);
        if (seen) assert.deepEqual(styles[c], seen, `${SAMPLE[c]} differs from the rest of its class ${cls}`);
        else byClass.set(cls, styles[c]);
      }
      const entries = [...byClass];
      assert.equal(entries.length, 8);
      for (let i = 0; i < entries.length; i++) {
        for (let j = i + 1; j < entries.length; j++) {
          const [a, sa] = entries[i];
          const [b, sb] = entries[j];
          // default themes: different colours; 2026 themes: different colour or italic (invalid is italic there)
          const differ = palette ? sa.color !== sb.color : sa.color !== sb.color || sa.italic !== sb.italic;
          assert.ok(differ, `${a} and ${b} look alike in ${name}: ${JSON.stringify(sa)}`);
        }
      }
      if (palette) {
        for (const [cls, style] of entries) {
          assert.equal(style.color, palette[cls], `colour of ${cls} in ${name}`);
          assert.equal(style.italic, false, `${cls} is not italic in ${name}`);
        }
      }
    });

    it(`${name}: soft-masked bases keep their colour and turn italic`, async () => {
      const upper = await stylesOf(theme, ['ACGTURYSWKMBDHVN']);
      const lower = await stylesOf(theme, ['acgturyswkmbdhvn']);
      for (let c = 0; c < upper.length; c++) {
        assert.equal(lower[c].color, upper[c].color, `colour of column ${c}`);
        assert.equal(upper[c].italic, false, `upper case column ${c}`);
        assert.equal(lower[c].italic, true, `lower case column ${c}`);
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Language configurations, read as VS Code reads them (JSON with comments; an empty pair list counts
// as absent, and absent autoClosingPairs/surroundingPairs fall back to the brackets).

type Pair = [string, string] | { open: string; close: string; notIn?: string[] };
interface LanguageConfiguration {
  comments?: unknown;
  brackets?: Array<[string, string]>;
  colorizedBracketPairs?: Array<[string, string]>;
  autoClosingPairs?: Pair[];
  surroundingPairs?: Pair[];
  onEnterRules?: Array<{ beforeText: string; action: { indent: string } }>;
  wordPattern?: string;
}

/** JSON with // and /* *\/ comments (as VS Code's language-configuration loader accepts). */
function parseJsonc(text: string): unknown {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const start = i;
      for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++;
      out += text.slice(start, i + 1);
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2) + 1;
    } else out += c;
  }
  return JSON.parse(out);
}

function readConfiguration(name: string): LanguageConfiguration {
  const file = path.join(ROOT, 'language-configuration', `${name}.json`);
  return parseJsonc(fs.readFileSync(file, 'utf8')) as LanguageConfiguration;
}

/** The pairs VS Code will auto-close (or surround with) for this configuration. */
function effectivePairs(config: LanguageConfiguration, key: 'autoClosingPairs' | 'surroundingPairs'): Array<[string, string]> {
  const norm = (p: Pair): [string, string] => (Array.isArray(p) ? p : [p.open, p.close]);
  const own = config[key];
  if (own && own.length > 0) return own.map(norm);
  if (key === 'surroundingPairs') return effectivePairs(config, 'autoClosingPairs');
  return config.brackets ?? [];
}

/** Whether typing `ch` could ever trigger one of these pairs. */
const triggeredBy = (pairs: Array<[string, string]>, ch: string) => pairs.some(([open]) => open.endsWith(ch));

function words(config: LanguageConfiguration, line: string): string[] {
  assert.ok(config.wordPattern);
  return line.match(new RegExp(config.wordPattern, 'g')) ?? [];
}

describe('language configurations', () => {
  const fastaConfig = readConfiguration('fasta');
  const dbConfig = readConfiguration('dot-bracket');
  const typeable = [...'()[]{}<>.&ACGUacgu"\'`-'];

  it('declares no comment syntax (FASTA and dot-bracket have none)', () => {
    assert.equal(fastaConfig.comments, undefined);
    assert.equal(dbConfig.comments, undefined);
  });

  it('dot-bracket: () are brackets, colourised by depth; pseudoknot brackets are not', () => {
    assert.deepEqual(dbConfig.brackets, [['(', ')']]);
    assert.deepEqual(dbConfig.colorizedBracketPairs, [['(', ')']]);
  });

  it('dot-bracket: typing never auto-closes or wraps a selection', () => {
    for (const key of ['autoClosingPairs', 'surroundingPairs'] as const) {
      const pairs = effectivePairs(dbConfig, key);
      assert.ok(pairs.length > 0, `${key} must not be empty, else VS Code falls back to the brackets`);
      for (const ch of typeable) assert.ok(!triggeredBy(pairs, ch), `${key} triggered by ${JSON.stringify(ch)}`);
    }
  });

  it('dot-bracket: Enter after an opening bracket does not indent the next structure line', () => {
    const rules = dbConfig.onEnterRules ?? [];
    assert.equal(rules.length, 1);
    assert.ok(new RegExp(rules[0].beforeText).test('((((....'));
    assert.ok(new RegExp(rules[0].beforeText).test(''));
    assert.deepEqual(rules[0].action, { indent: 'none' });
  });

  it('fasta: no brackets, so nothing auto-closes or wraps a selection', () => {
    assert.deepEqual(fastaConfig.brackets, []);
    assert.deepEqual(fastaConfig.colorizedBracketPairs, []);
    for (const key of ['autoClosingPairs', 'surroundingPairs'] as const) {
      const pairs = effectivePairs(fastaConfig, key);
      for (const ch of typeable) assert.ok(!triggeredBy(pairs, ch), `${key} triggered by ${JSON.stringify(ch)}`);
    }
  });

  it('fasta: a word is a whole run of nucleotides (gaps included), split at the strand break', () => {
    assert.deepEqual(words(fastaConfig, 'ACGU-acgu&GGNN'), ['ACGU-acgu', 'GGNN']);
    assert.deepEqual(words(fastaConfig, '>sp|P12345|TP53_HUMAN value=0.53'), ['sp', 'P12345', 'TP53_HUMAN', 'value', '0.53']);
  });

  it('dot-bracket: a word is a whole structure run, a nucleotide run, an energy; never the header >', () => {
    assert.deepEqual(words(dbConfig, '((..[[..))..]]<<Aa..>>a&..()'), ['((..[[..))..]]<<Aa..>>a', '..()']);
    assert.deepEqual(words(dbConfig, 'GGAC-UU&CC'), ['GGAC-UU', 'CC']);
    assert.deepEqual(words(dbConfig, '(((...))) (-1.20)'), ['(((...)))', '(-1.20)']);
    assert.deepEqual(words(dbConfig, '>hp1 value=0.53'), ['hp1', 'value', '0.53']);
  });
});

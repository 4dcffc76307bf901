// Reader for ViennaRNA energy parameter files (format "## RNAfold parameter file v2.0").
// Hand-written (no maintained TS/JS library reads this format); it follows the reading rules of
// ViennaRNA's params/io.c (Lorenz et al. 2011) so that files load exactly as RNAfold -P loads them:
//   - a section starts at a line `# name`; its values follow, C comments `/* ... */` removed;
//   - every 1-D slice of a table starts on a fresh line, surplus tokens on its last line are ignored;
//   - tokens `INF`, `DEF` (-50), `NST` (0), `*` (keep previous value), `x` (log extrapolation);
//   - int22 holds only the canonical pairs/bases, the N entries are filled with maxima afterwards;
//   - both section spellings, `interior*` (up to 2.7.0) and `internal*` (2.7.1), are accepted.
// Unlike ViennaRNA, a token such as `-1i40` (the typo in 2.7.1's rna_turner2004.par, which sscanf
// reads as -1) is read as -140 and reported as a warning; any other malformed input throws a
// ParameterFileError naming file:line. Warnings are returned, never printed.

import {
  DEF,
  INF,
  LXC37,
  NBPAIRS,
  NP,
  cloneRawParams,
  emptyRawParams,
  type RawParams,
  type SpecialHairpin,
  type TablePair,
} from './rawParams';

export class ParameterFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    detail: string,
  ) {
    super(`${file}:${line}: ${detail}`);
    this.name = 'ParameterFileError';
  }
}

export interface ParsedParameters {
  params: RawParams;
  warnings: string[];
}

const HEADER = '## RNAfold parameter file v2.0';

type TableKey =
  | 'stack'
  | 'mismatchHairpin'
  | 'mismatchInterior'
  | 'mismatchInterior1n'
  | 'mismatchInterior23'
  | 'mismatchMulti'
  | 'mismatchExterior'
  | 'dangle5'
  | 'dangle3'
  | 'int11'
  | 'int21'
  | 'int22'
  | 'hairpin'
  | 'bulge'
  | 'interior';

interface TableSection {
  kind: 'table';
  key: TableKey;
  part: 'dG' | 'dH';
  dims: number[];
  shift: number[];
  post: number[];
}

type Section =
  | TableSection
  | { kind: 'list'; key: 'ml' | 'ninio' | 'misc'; size: number }
  | { kind: 'loops'; key: 'triloops' | 'tetraloops' | 'hexaloops'; width: number }
  | { kind: 'end' };

const DIM = {
  stack: { dims: [NP, NP], shift: [1, 1], post: [0, 0] },
  mismatch: { dims: [NP, 5, 5], shift: [1, 0, 0], post: [0, 0, 0] },
  dangle: { dims: [NP, 5], shift: [1, 0], post: [0, 0] },
  int11: { dims: [NP, NP, 5, 5], shift: [1, 1, 0, 0], post: [0, 0, 0, 0] },
  int21: { dims: [NP, NP, 5, 5, 5], shift: [1, 1, 0, 0, 0], post: [0, 0, 0, 0, 0] },
  int22: { dims: [NP, NP, 5, 5, 5, 5], shift: [1, 1, 1, 1, 1, 1], post: [1, 1, 0, 0, 0, 0] },
  loop: { dims: [31], shift: [0], post: [0] },
};

function sectionTable(): Map<string, Section> {
  const m = new Map<string, Section>();
  const add = (names: string[], key: TableKey, dim: keyof typeof DIM) => {
    for (const name of names) {
      m.set(name, { kind: 'table', key, part: 'dG', ...DIM[dim] });
      m.set(`${name}_enthalpies`, { kind: 'table', key, part: 'dH', ...DIM[dim] });
    }
  };
  add(['stack'], 'stack', 'stack');
  add(['mismatch_hairpin'], 'mismatchHairpin', 'mismatch');
  add(['mismatch_interior', 'mismatch_internal'], 'mismatchInterior', 'mismatch');
  add(['mismatch_interior_1n', 'mismatch_internal_1n'], 'mismatchInterior1n', 'mismatch');
  add(['mismatch_interior_23', 'mismatch_internal_23'], 'mismatchInterior23', 'mismatch');
  add(['mismatch_multi'], 'mismatchMulti', 'mismatch');
  add(['mismatch_exterior'], 'mismatchExterior', 'mismatch');
  add(['dangle5'], 'dangle5', 'dangle');
  add(['dangle3'], 'dangle3', 'dangle');
  add(['int11'], 'int11', 'int11');
  add(['int21'], 'int21', 'int21');
  add(['int22'], 'int22', 'int22');
  add(['hairpin'], 'hairpin', 'loop');
  add(['bulge'], 'bulge', 'loop');
  add(['interior', 'internal'], 'interior', 'loop');
  m.set('ML_params', { kind: 'list', key: 'ml', size: 6 });
  m.set('NINIO', { kind: 'list', key: 'ninio', size: 3 });
  m.set('Misc', { kind: 'list', key: 'misc', size: 4 });
  m.set('Triloops', { kind: 'loops', key: 'triloops', width: 5 });
  m.set('Tetraloops', { kind: 'loops', key: 'tetraloops', width: 6 });
  m.set('Hexaloops', { kind: 'loops', key: 'hexaloops', width: 8 });
  m.set('END', { kind: 'end' });
  return m;
}

const SECTIONS = sectionTable();

/** Flat indices filled by one ViennaRNA "1-D slice" read; each slice starts on a new line. */
function slices(dims: number[], shift: number[], post: number[], base = 0): number[][] {
  const size = dims.reduce((a, b) => a * b, 1);
  const delta = shift.reduce((a, b) => a + b, 0) + post.reduce((a, b) => a + b, 0);
  if (delta === 0) return [Array.from({ length: size }, (_, k) => base + k)];
  if (dims.length === 1) {
    const out: number[] = [];
    for (let k = shift[0]; k < dims[0] - post[0]; k++) out.push(base + k);
    return [out];
  }
  const stride = size / dims[0];
  const out: number[][] = [];
  for (let k = shift[0]; k < dims[0] - post[0]; k++) {
    out.push(...slices(dims.slice(1), shift.slice(1), post.slice(1), base + k * stride));
  }
  return out;
}

class LineReader {
  pos = 0;
  constructor(
    readonly lines: string[],
    readonly file: string,
  ) {}
  get lineNumber(): number {
    return this.pos; // 1-based number of the line last returned by next()
  }
  next(): string | undefined {
    if (this.pos >= this.lines.length) return undefined;
    return this.lines[this.pos++];
  }
  fail(detail: string, line = this.pos): never {
    throw new ParameterFileError(this.file, line, detail);
  }
}

/** Removes the first C comment of a line, as ViennaRNA does (one comment per line). */
function stripComment(r: LineReader, line: string): string {
  const a = line.indexOf('/*');
  if (a < 0) return line;
  const b = line.indexOf('*/', a + 2);
  if (b < 0) r.fail('unclosed comment');
  return line.slice(0, a) + line.slice(b + 2);
}

/**
 * Reads `targets.length` values into `arr` starting on the next line (ViennaRNA's get_array1).
 */
function readSlice(
  r: LineReader,
  arr: number[],
  targets: number[],
  section: string,
  warnings: string[],
): void {
  let i = 0;
  let last = 0;
  while (i < targets.length) {
    const raw = r.next();
    if (raw === undefined) r.fail(`unexpected end of file in section '${section}'`, r.lines.length);
    const tokens = stripComment(r, raw).trim().split(/\s+/).filter((t) => t.length > 0);
    for (const tok of tokens) {
      if (i >= targets.length) break;
      let v: number;
      if (tok[0] === '*') {
        i++;
        continue;
      } else if (tok[0] === 'x') {
        if (i === 0) r.fail(`can't extrapolate the first value of section '${section}'`);
        v = arr[targets[last]] + Math.trunc(0.5 + LXC37 * Math.log(i / last));
      } else if (tok === 'DEF') {
        v = DEF;
      } else if (tok === 'INF') {
        v = INF;
      } else if (tok === 'NST') {
        v = 0;
      } else if (/^[+-]?\d+$/.test(tok)) {
        v = parseInt(tok, 10) || 0; // no -0
        last = i;
      } else if (/^[+-]?\d+\.\d*$/.test(tok)) {
        v = parseInt(tok, 10) || 0; // C's %d reads the integer part
        last = i;
      } else {
        const typo = /^([+-]?\d+)[A-Za-z](\d+)$/.exec(tok);
        if (!typo) r.fail(`can't interpret '${tok}' in section '${section}'`);
        v = parseInt(typo[1] + typo[2], 10);
        last = i;
        warnings.push(
          `${r.file}:${r.lineNumber}: malformed number '${tok}' in section '${section}' read as ${v}`,
        );
      }
      arr[targets[i++]] = v;
    }
  }
}

function readLoops(r: LineReader, width: number): SpecialHairpin[] {
  const out: SpecialHairpin[] = [];
  for (;;) {
    const line = r.next();
    if (line === undefined) break;
    const m = /^\s*(\S+)\s+([+-]?\d+)\s+([+-]?\d+)/.exec(line);
    if (!m || out.length >= 40) break;
    out.push({ seq: m[1].slice(0, width).toUpperCase(), dG: parseInt(m[2], 10), dH: parseInt(m[3], 10) });
  }
  return out;
}

/** Fills the N (index 0) and NN (type 7) entries of int22, exactly as ViennaRNA's update_nst. */
export function fillInt22Nonstandard(a: number[]): void {
  const ix = (i: number, j: number, k: number, l: number, m: number, n: number) =>
    ((((i * NP + j) * 5 + k) * 5 + l) * 5 + m) * 5 + n;
  const NEG = -INF;
  for (let i = 1; i < NBPAIRS; i++)
    for (let j = 1; j < NBPAIRS; j++) {
      for (let k = 1; k < 5; k++)
        for (let l = 1; l < 5; l++)
          for (let m = 1; m < 5; m++) {
            let m1 = NEG, m2 = NEG, m3 = NEG, m4 = NEG;
            for (let n = 1; n < 5; n++) {
              m1 = Math.max(m1, a[ix(i, j, k, l, m, n)]);
              m2 = Math.max(m2, a[ix(i, j, k, l, n, m)]);
              m3 = Math.max(m3, a[ix(i, j, k, n, l, m)]);
              m4 = Math.max(m4, a[ix(i, j, n, k, l, m)]);
            }
            a[ix(i, j, k, l, m, 0)] = m1;
            a[ix(i, j, k, l, 0, m)] = m2;
            a[ix(i, j, k, 0, l, m)] = m3;
            a[ix(i, j, 0, k, l, m)] = m4;
          }
    }
  for (let i = 1; i < NBPAIRS; i++)
    for (let j = 1; j < NBPAIRS; j++)
      for (let k = 1; k < 5; k++)
        for (let l = 1; l < 5; l++) {
          let m1 = NEG, m2 = NEG, m3 = NEG, m4 = NEG, m5 = NEG, m6 = NEG;
          for (let m = 1; m < 5; m++) {
            m1 = Math.max(m1, a[ix(i, j, k, l, m, 0)]);
            m2 = Math.max(m2, a[ix(i, j, k, m, 0, l)]);
            m3 = Math.max(m3, a[ix(i, j, m, 0, k, l)]);
            m4 = Math.max(m4, a[ix(i, j, 0, k, l, m)]);
            m5 = Math.max(m5, a[ix(i, j, 0, k, m, l)]);
            m6 = Math.max(m6, a[ix(i, j, k, 0, l, m)]);
          }
          a[ix(i, j, k, l, 0, 0)] = m1;
          a[ix(i, j, k, 0, 0, l)] = m2;
          a[ix(i, j, 0, 0, k, l)] = m3;
          a[ix(i, j, k, 0, l, 0)] = m6;
          a[ix(i, j, 0, k, 0, l)] = m5;
          a[ix(i, j, 0, k, l, 0)] = m4;
        }
  for (let i = 1; i < NBPAIRS; i++)
    for (let j = 1; j < NBPAIRS; j++)
      for (let k = 1; k < 5; k++) {
        let m1 = NEG, m2 = NEG, m3 = NEG, m4 = NEG;
        for (let l = 1; l < 5; l++) {
          m1 = Math.max(m1, a[ix(i, j, k, l, 0, 0)]);
          m2 = Math.max(m2, a[ix(i, j, 0, k, l, 0)]);
          m3 = Math.max(m3, a[ix(i, j, 0, 0, k, l)]);
          m4 = Math.max(m4, a[ix(i, j, 0, 0, l, k)]);
        }
        a[ix(i, j, k, 0, 0, 0)] = m1;
        a[ix(i, j, 0, k, 0, 0)] = m2;
        a[ix(i, j, 0, 0, k, 0)] = m3;
        a[ix(i, j, 0, 0, 0, k)] = m4;
      }
  for (let i = 1; i < NBPAIRS; i++)
    for (let j = 1; j < NBPAIRS; j++) {
      let m1 = NEG;
      for (let k = 1; k < 5; k++) m1 = Math.max(m1, a[ix(i, j, k, 0, 0, 0)]);
      a[ix(i, j, 0, 0, 0, 0)] = m1;
    }
  for (let i = 1; i < NBPAIRS; i++)
    for (let k = 0; k < 5; k++)
      for (let l = 0; l < 5; l++)
        for (let m = 0; m < 5; m++)
          for (let n = 0; n < 5; n++) {
            let m1 = NEG, m2 = NEG;
            for (let j = 1; j < NBPAIRS; j++) {
              m1 = Math.max(m1, a[ix(i, j, k, l, m, n)]);
              m2 = Math.max(m2, a[ix(j, i, k, l, m, n)]);
            }
            a[ix(i, NBPAIRS, k, l, m, n)] = m1;
            a[ix(NBPAIRS, i, k, l, m, n)] = m2;
          }
  for (let k = 0; k < 5; k++)
    for (let l = 0; l < 5; l++)
      for (let m = 0; m < 5; m++)
        for (let n = 0; n < 5; n++) {
          let m1 = NEG;
          for (let j = 1; j < NBPAIRS; j++) m1 = Math.max(m1, a[ix(NBPAIRS, j, k, l, m, n)]);
          a[ix(NBPAIRS, NBPAIRS, k, l, m, n)] = m1;
        }
}

function symmetryWarnings(p: RawParams, file: string): string[] {
  const out: string[] = [];
  const check = (label: string, t: TablePair, asym: (a: number[]) => boolean) => {
    if (asym(t.dG)) out.push(`${file}: ${label} energies not symmetric`);
    if (asym(t.dH)) out.push(`${file}: ${label} enthalpies not symmetric`);
  };
  check('stacking', p.stack, (a) => {
    for (let i = 0; i < NP; i++) for (let j = 0; j < NP; j++) if (a[i * NP + j] !== a[j * NP + i]) return true;
    return false;
  });
  check('int11', p.int11, (a) => {
    for (let i = 0; i < NP; i++)
      for (let j = 0; j < NP; j++)
        for (let k = 0; k < 5; k++)
          for (let l = 0; l < 5; l++)
            if (a[((i * NP + j) * 5 + k) * 5 + l] !== a[((j * NP + i) * 5 + l) * 5 + k]) return true;
    return false;
  });
  check('int22', p.int22, (a) => {
    const ix = (i: number, j: number, k: number, l: number, m: number, n: number) =>
      ((((i * NP + j) * 5 + k) * 5 + l) * 5 + m) * 5 + n;
    for (let i = 0; i < NP; i++)
      for (let j = 0; j < NP; j++)
        for (let k = 0; k < 5; k++)
          for (let l = 0; l < 5; l++)
            for (let m = 0; m < 5; m++)
              for (let n = 0; n < 5; n++) if (a[ix(i, j, k, l, m, n)] !== a[ix(j, i, m, n, k, l)]) return true;
    return false;
  });
  return out;
}

/** Number of values a table section holds in a file, in reading order (its 1-D slices joined). */
function tableTargets(section: TableSection): number[] {
  return slices(section.dims, section.shift, section.post).flat();
}

/**
 * Stores the values of one table or list section, given in file reading order (used to rebuild
 * the built-in defaults from their compact form).
 */
export function applySectionValues(params: RawParams, name: string, values: readonly number[]): void {
  const section = SECTIONS.get(name);
  if (!section || (section.kind !== 'table' && section.kind !== 'list')) {
    throw new Error(`not a value section: ${name}`);
  }
  if (section.kind === 'list') {
    if (values.length !== section.size) throw new Error(`section ${name}: expected ${section.size} values`);
    params[section.key] = values.slice();
    return;
  }
  const targets = tableTargets(section);
  if (values.length !== targets.length) throw new Error(`section ${name}: expected ${targets.length} values`);
  const arr = params[section.key][section.part];
  targets.forEach((t, k) => (arr[t] = values[k]));
  if (section.key === 'int22') fillInt22Nonstandard(arr);
}

/** The values of one table or list section in file reading order (inverse of applySectionValues). */
export function sectionValues(params: RawParams, name: string): number[] {
  const section = SECTIONS.get(name);
  if (!section || (section.kind !== 'table' && section.kind !== 'list')) {
    throw new Error(`not a value section: ${name}`);
  }
  if (section.kind === 'list') return params[section.key].slice();
  const arr = params[section.key][section.part];
  return tableTargets(section).map((t) => arr[t]);
}

/** Canonical (2.7.1) names of the value sections, in the order of rna_turner2004.par. */
export const VALUE_SECTIONS = [
  'stack', 'stack_enthalpies',
  'mismatch_hairpin', 'mismatch_hairpin_enthalpies',
  'mismatch_internal', 'mismatch_internal_enthalpies',
  'mismatch_internal_1n', 'mismatch_internal_1n_enthalpies',
  'mismatch_internal_23', 'mismatch_internal_23_enthalpies',
  'mismatch_multi', 'mismatch_multi_enthalpies',
  'mismatch_exterior', 'mismatch_exterior_enthalpies',
  'dangle5', 'dangle5_enthalpies',
  'dangle3', 'dangle3_enthalpies',
  'int11', 'int11_enthalpies',
  'int21', 'int21_enthalpies',
  'int22', 'int22_enthalpies',
  'hairpin', 'hairpin_enthalpies',
  'bulge', 'bulge_enthalpies',
  'internal', 'internal_enthalpies',
  'ML_params', 'NINIO', 'Misc',
] as const;

/**
 * Parses the text of a `.par` file. Sections present in the file replace those of `base`
 * (ViennaRNA overlays a file on the current parameters; pass the defaults), absent ones are kept.
 */
export function parseParameterFile(text: string, file: string, base?: RawParams): ParsedParameters {
  const params = base ? cloneRawParams(base, file) : emptyRawParams(file);
  const warnings: string[] = [];
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop(); // trailing newline
  const r = new LineReader(lines, file);
  const first = r.next();
  if (first === undefined || !first.startsWith(HEADER)) {
    warnings.push(`${file}:1: missing header line '${HEADER}'; the file may not be in v2.0 format`);
  }
  for (;;) {
    const line = r.next();
    if (line === undefined) break;
    const m = /^#\s*(\S+)/.exec(line);
    if (!m) continue;
    const section = SECTIONS.get(m[1]);
    if (!section) {
      warnings.push(`${file}:${r.lineNumber}: unknown section '${m[1]}' ignored`);
      continue;
    }
    switch (section.kind) {
      case 'table': {
        const arr = params[section.key][section.part];
        for (const targets of slices(section.dims, section.shift, section.post)) {
          readSlice(r, arr, targets, m[1], warnings);
        }
        if (section.key === 'int22') fillInt22Nonstandard(arr);
        break;
      }
      case 'list': {
        const arr = params[section.key];
        readSlice(r, arr, Array.from({ length: section.size }, (_, k) => k), m[1], warnings);
        break;
      }
      case 'loops':
        params[section.key] = readLoops(r, section.width);
        break;
      case 'end':
        break;
    }
  }
  warnings.push(...symmetryWarnings(params, file));
  return { params, warnings };
}

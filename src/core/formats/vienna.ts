// Writers for Vienna (dot-bracket) output as RNAfold prints it, so results diff cleanly against
// ViennaRNA: `>id`, the sequence on one line, `structure ( -3.30)` with the energy as C's "%6.2f".

/** RNAfold's energy annotation: "(%6.2f)", e.g. "( -3.30)", "(-11.20)". */
export function energyAnnotation(kcal: number, open = '(', close = ')'): string {
  // toFixed keeps the sign of small negatives ("-0.00") as C's printf does.
  return `${open}${kcal.toFixed(2).padStart(6)}${close}`;
}

export interface ViennaRecord {
  /** header text after '>' (id and description) */
  header: string;
  sequence: string;
  structure: string;
  energy?: number;
}

export function viennaRecord(r: ViennaRecord): string {
  const energy = r.energy === undefined ? '' : ' ' + energyAnnotation(r.energy);
  return `>${r.header}\n${r.sequence}\n${r.structure}${energy}\n`;
}

/**
 * RNAfold's pseudo-bracket summary of base-pair probabilities: per base, from its probabilities of
 * being unpaired (p0), paired downstream (p1) or upstream (p2), one of `. ( ) { } | , :`
 * (thresholds of ViennaRNA's vrna_bpp_symbol; sums in single precision as RNAfold does).
 * `forEachPair` yields every i < j (1-based) with its probability.
 */
export function probabilitySymbols(n: number, forEachPair: (cb: (i: number, j: number, p: number) => void) => void): string {
  const down = new Float32Array(n + 1); // i pairs with some j > i
  const up = new Float32Array(n + 1); // j pairs with some i < j
  const unpaired = new Float32Array(n + 1).fill(1);
  forEachPair((i, j, p) => {
    const f = Math.fround(p);
    down[i] = Math.fround(down[i] + f);
    up[j] = Math.fround(up[j] + f);
    unpaired[i] = Math.fround(unpaired[i] - f);
    unpaired[j] = Math.fround(unpaired[j] - f);
  });
  let s = '';
  for (let k = 1; k <= n; k++) {
    const p0 = unpaired[k];
    const p1 = down[k];
    const p2 = up[k];
    if (p0 > 0.667) s += '.';
    else if (p1 > 0.667) s += '(';
    else if (p2 > 0.667) s += ')';
    else {
      const both = Math.fround(p1 + p2);
      if (both > p0) s += Math.fround(p1 / both) > 0.667 ? '{' : Math.fround(p2 / both) > 0.667 ? '}' : '|';
      else s += p0 > both ? ',' : ':';
    }
  }
  return s;
}

/** C's printf("%.<precision>g") (default %g = 6 significant digits): trailing zeros dropped, exponent form when small/large. */
export function formatG(x: number, precision = 6): string {
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return String(x);
  const exp = Math.floor(Math.log10(Math.abs(Number(x.toPrecision(precision)))));
  if (exp < -4 || exp >= precision) {
    const [mant, e] = x.toExponential(precision - 1).split('e');
    const m = mant.includes('.') ? mant.replace(/0+$/, '').replace(/\.$/, '') : mant;
    const ev = Number(e);
    return `${m}e${ev < 0 ? '-' : '+'}${String(Math.abs(ev)).padStart(2, '0')}`;
  }
  const fixed = x.toFixed(Math.max(0, precision - 1 - exp));
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}

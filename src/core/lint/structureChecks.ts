// The dot-bracket checks of one complete record: malformed energy annotations (BP009), characters
// outside the structure alphabet (BP001), unbalanced brackets (BP006), structure/sequence length and
// strand mismatch (BP005), non-canonical pairs (BP007) and hairpins shorter than 3 (BP008). Ranges
// index `text`, shifted by `base` (the text's offset in the whole file).
import { joinRanges, offsetOfIndex } from '../formats/parse';
import type { OffsetRange, SeqRecord } from '../formats/records';
import { describeChar, isCanonicalPair, isDefiniteBase } from '../sequence/alphabet';
import { nucleotideNumbers, parsePairTable } from '../structure/dotBracket';
import { diagnostic, type FileDiagnostic } from './diagnostic';

const STRUCTURE_ALPHABET = "allowed: . ( ) [ ] { } < > &, and letter pairs A-a .. Z-z";

/** `idx`: the record's index in the whole file. */
export function checkStructure(text: string, record: SeqRecord, idx: number, base: number, hasSequence: boolean, found: FileDiagnostic[]): void {
  const g = (r: OffsetRange): OffsetRange => ({ start: base + r.start, end: base + r.end });
  for (const stray of record.strayAnnotations) {
    found.push(
      diagnostic('BP009', g(stray), `malformed energy annotation '${text.slice(stray.start, stray.end)}': only the last structure line may end with an energy such as (-12.30)`, idx),
    );
  }
  if (record.energy && record.energy.value === undefined) {
    found.push(
      diagnostic('BP009', g(record.energy.range), `malformed energy annotation '${record.energy.text}': expected a number in kcal/mol in parentheses, e.g. (-12.30)`, idx),
    );
  }
  const lines = record.structureLines;
  if (lines.length === 0) return;
  const structure = joinRanges(text, lines);
  const at = (k: number): OffsetRange => {
    const o = base + offsetOfIndex(lines, k);
    return { start: o, end: o + 1 };
  };
  const table = parsePairTable(structure);
  const numbers = nucleotideNumbers(structure);

  for (const k of table.invalid) {
    found.push(diagnostic('BP001', at(k), `${describeChar(structure[k])} is not allowed in a dot-bracket structure (${STRUCTURE_ALPHABET})`, idx));
  }
  for (const k of table.unmatched) {
    const c = structure[k];
    const opens = c === '(' || c === '[' || c === '{' || c === '<' || (c >= 'A' && c <= 'Z');
    const what = opens ? 'has no closing partner' : 'has no opening partner';
    found.push(diagnostic('BP006', at(k), `unbalanced bracket: '${c}' at position ${numbers[k]} ${what}`, idx));
  }

  const sequence = joinRanges(text, record.sequenceLines);
  const structureRange = g({ start: lines[0].start, end: lines[lines.length - 1].end });
  let aligned = hasSequence;
  if (hasSequence && structure.length !== sequence.length) {
    aligned = false;
    found.push(
      diagnostic('BP005', structureRange, `structure has ${structure.length} characters but the sequence has ${sequence.length}`, idx),
    );
  } else if (hasSequence) {
    for (let k = 0; k < structure.length; k++) {
      if ((structure[k] === '&') !== (sequence[k] === '&')) {
        aligned = false;
        const where = structure[k] === '&' ? 'the structure has a strand break' : 'the sequence has a strand break';
        found.push(diagnostic('BP005', structureRange, `strands differ: at column ${k + 1} ${where} ('&') and the other does not`, idx));
        break;
      }
    }
  }

  // Strand of each index, to keep intermolecular pairs out of the hairpin check.
  const strand = new Int32Array(structure.length);
  for (let k = 0, s = 0; k < structure.length; k++) {
    if (structure[k] === '&') s++;
    strand[k] = s;
  }
  const { partner } = table;
  let nextPaired = -1;
  const nextPairedAfter = new Int32Array(structure.length);
  for (let k = structure.length - 1; k >= 0; k--) {
    nextPairedAfter[k] = nextPaired;
    if (partner[k] >= 0) nextPaired = k;
  }
  for (let i = 0; i < structure.length; i++) {
    const j = partner[i];
    if (j <= i) continue;
    if (aligned) {
      const a = sequence[i];
      const b = sequence[j];
      const gap = a === '-' || b === '-';
      if (gap || (isDefiniteBase(a) && isDefiniteBase(b) && !isCanonicalPair(a, b))) {
        found.push(
          diagnostic('BP007', at(i), `non-canonical base pair ${numbers[i]}-${numbers[j]}: ${a}-${b} (canonical pairs: AU, GC, GU)`, idx, [
            { range: at(j), message: `partner of position ${numbers[i]}: ${b} at ${numbers[j]}` },
          ]),
        );
      }
    }
    if (nextPairedAfter[i] === j && strand[i] === strand[j] && j - i - 1 < 3) {
      const span = { start: at(i).start, end: at(j).end };
      found.push(
        diagnostic('BP008', span, `hairpin loop closed by ${numbers[i]}-${numbers[j]} has ${j - i - 1} unpaired bases (at least 3 needed)`, idx),
      );
    }
  }
}

// The sequence checks of one record, fed its sequence lines in one or more pieces (the whole record
// from a parsed file, or consecutive pieces of a record read as a stream): BP001 per invalid
// character (built only while under the cap, counted past it), and what BP002 (T and U mixed) and
// BP003 (empty sequence) need at the end of the record. Ranges are shifted by `base` so that pieces
// of a stream report offsets in the whole file.
import type { OffsetRange } from '../formats/records';
import { BASE_CLASS, BaseClass, describeChar } from '../sequence/alphabet';
import { diagnostic, type DiagnosticCollector, type FileDiagnostic } from './diagnostic';

export const SEQUENCE_ALPHABET = "allowed: A C G T U, IUPAC codes R Y S W K M B D H V N, gap '-', strand break '&'";

// Tested on the extent of the lines fed (first to last line), line ends included: a '\r' not
// before '\n' may be inside a line, where it is invalid (it used to slip through this test).
const INVALID_IN_SEQUENCE = /[^ACGTURYSWKMBDHVNacgturyswkmbdhvn&\-\r\n]/;
const LONE_CR = /\r(?!\n)/;

function suspicious(extent: string): boolean {
  return INVALID_IN_SEQUENCE.test(extent) || (extent.indexOf('\r') !== -1 && LONE_CR.test(extent));
}
const HAS_T = /[Tt]/;
const HAS_U = /[Uu]/;
const HAS_CONTENT = /[^&\s]/;

export class SequenceScan {
  private sawT = false;
  private sawU = false;
  private t = 0;
  private u = 0;
  /** Some character besides strand breaks and white space. */
  hasContent = false;
  /** Whole-file offsets of the first sequence line's start and the last one's end (-1: none yet). */
  private first = -1;
  private last = -1;

  /** @param countAlways count T and U in every piece (a stream cannot come back to count them later) */
  constructor(
    private readonly record: number,
    private readonly countAlways: boolean,
  ) {}

  /**
   * One piece of the record's sequence lines (ranges into `text`, which starts at whole-file offset
   * `base`). The piece is first tested with native regular expressions; only pieces with suspicious
   * characters are walked character by character.
   */
  add(text: string, lines: readonly OffsetRange[], base: number, found: FileDiagnostic[], collector: DiagnosticCollector): void {
    if (lines.length === 0) return;
    const extent = text.slice(lines[0].start, lines[lines.length - 1].end);
    if (suspicious(extent)) {
      for (const line of lines) this.reportInvalid(text, line, base, found, collector);
    }
    const hasT = HAS_T.test(extent);
    const hasU = HAS_U.test(extent);
    if ((hasT && hasU) || (this.countAlways && (hasT || hasU))) {
      // Counted in place: a streamed record may be hundreds of megabytes.
      for (const l of lines) {
        for (let o = l.start; o < l.end; o++) {
          const c = text.charCodeAt(o) | 0x20; // lower case
          if (c === 0x74) this.t++;
          else if (c === 0x75) this.u++;
        }
      }
    }
    this.sawT ||= hasT;
    this.sawU ||= hasU;
    this.hasContent ||= HAS_CONTENT.test(extent);
    if (this.first < 0) this.first = base + lines[0].start;
    this.last = base + lines[lines.length - 1].end;
  }

  /** At the end of the record: BP002 when it mixes T and U. */
  finish(found: FileDiagnostic[]): void {
    if (!(this.sawT && this.sawU)) return;
    const range = { start: this.first, end: this.last };
    found.push(diagnostic('BP002', range, `sequence mixes T (${this.t}) and U (${this.u}): DNA is written with T, RNA with U`, this.record));
  }

  private reportInvalid(text: string, line: OffsetRange, base: number, found: FileDiagnostic[], collector: DiagnosticCollector): void {
    const table = BASE_CLASS;
    for (let o = line.start; o < line.end; o++) {
      const code = text.charCodeAt(o);
      if (code < 128 && table[code] !== BaseClass.Invalid) continue;
      const width = code >= 0xd800 && code <= 0xdbff && o + 1 < line.end ? 2 : 1;
      const range = { start: base + o, end: base + o + width };
      // Past the cap, only count: a binary file must not allocate millions of objects.
      if (collector.cap > 0 && collector.kept.length + found.length >= collector.cap) collector.count(range);
      else {
        const ch = text.slice(o, o + width);
        found.push(diagnostic('BP001', range, `${describeChar(ch)} is not allowed in a nucleotide sequence (${SEQUENCE_ALPHABET})`, this.record));
      }
      o += width - 1;
    }
  }
}

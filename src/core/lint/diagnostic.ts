// A problem found in a file, in text offsets (the server and the CLI convert to their positions),
// and the collector that keeps the first N problems in document order while counting the rest.
import type { OffsetRange } from '../formats/records';
import { formatCount } from '../text/formatNumber';
import { DIAGNOSTIC_CODES, type DiagnosticCode, type Severity } from './codes';

export interface RelatedLocation {
  range: OffsetRange;
  message: string;
}

export interface FileDiagnostic {
  code: DiagnosticCode;
  severity: Severity;
  range: OffsetRange;
  message: string;
  /** Index of the record the problem belongs to (quick fixes act on it). */
  record?: number;
  related?: RelatedLocation[];
}

export function diagnostic(
  code: DiagnosticCode,
  range: OffsetRange,
  message: string,
  record?: number,
  related?: RelatedLocation[],
): FileDiagnostic {
  const d: FileDiagnostic = { code, severity: DIAGNOSTIC_CODES[code].severity, range, message };
  if (record !== undefined) d.record = record;
  if (related) d.related = related;
  return d;
}

/** Keeps at most `cap` diagnostics (0 = no cap), counts all of them. Add in document order. */
export class DiagnosticCollector {
  readonly kept: FileDiagnostic[] = [];
  total = 0;
  /** Range of the first problem that was counted but not kept. */
  firstDropped: OffsetRange | undefined;

  constructor(readonly cap: number) {}

  get full(): boolean {
    return this.cap > 0 && this.kept.length >= this.cap;
  }

  add(d: FileDiagnostic): void {
    this.total++;
    if (!this.full) this.kept.push(d);
    else if (!this.firstDropped) this.firstDropped = d.range;
  }

  /** Count a problem without building it (used once the cap is reached). */
  count(range: OffsetRange): void {
    this.total++;
    if (!this.firstDropped) this.firstDropped = range;
  }

  addAll(ds: FileDiagnostic[]): void {
    ds.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
    for (const d of ds) this.add(d);
  }

  /** The kept diagnostics, plus BP011 when some were dropped. */
  result(): FileDiagnostic[] {
    const out = this.kept.slice();
    const dropped = this.total - this.kept.length;
    if (dropped > 0) {
      const cap = formatCount(this.cap);
      out.push(
        diagnostic(
          'BP011',
          this.firstDropped ?? { start: 0, end: 0 },
          `${formatCount(dropped)} more problems in this file are not shown (cap: ${cap} per file)`,
        ),
      );
    }
    return out;
  }
}

// The linter's state over one file, fed in document order: the preamble, then each record (header,
// its sequence lines in one or more pieces, for dot-bracket its complete structure), then finish().
// lintFile feeds it a parsed file; lintStream feeds it blocks of a file read as a stream. Both see
// the same diagnostics: the checks live in sequenceScan.ts and structureChecks.ts. Offsets are
// whole-file offsets: each call gives the text it indexes and that text's offset `base` in the file.
import type { FormatKind, OffsetRange, SeqRecord } from '../formats/records';
import { diagnostic, DiagnosticCollector, type FileDiagnostic } from './diagnostic';
import { SequenceScan } from './sequenceScan';
import { checkStructure } from './structureChecks';

export interface LintResult {
  /** Kept diagnostics in document order, then BP011 when some were dropped. */
  diagnostics: FileDiagnostic[];
  /** Number of problems found, kept or not (BP011 not counted). */
  total: number;
}

interface OpenRecord {
  index: number;
  header: OffsetRange;
  id: string;
  scan: SequenceScan;
  found: FileDiagnostic[];
  structure?: { text: string; record: SeqRecord; base: number };
}

export class LintSession {
  readonly collector: DiagnosticCollector;
  private readonly firstHeaderOf = new Map<string, { index: number; header: OffsetRange }>();
  private preambleRange: OffsetRange | undefined;
  private preambleDone = false;
  private open: OpenRecord | undefined;
  private records = 0;

  /** @param streamed pieces of one record may arrive in several calls (counts T/U as it goes) */
  constructor(
    readonly kind: FormatKind,
    maxProblems: number,
    private readonly streamed = false,
  ) {
    this.collector = new DiagnosticCollector(maxProblems);
  }

  /** Number of records begun so far. */
  get recordCount(): number {
    return this.records;
  }

  /** Non-blank text before the first header; consecutive calls extend it. */
  preamble(range: OffsetRange): void {
    if (this.preambleRange) this.preambleRange.end = range.end;
    else this.preambleRange = { ...range };
  }

  /** Reports the preamble (BP010) now; done by the first header or finish() otherwise. */
  flushPreamble(): void {
    if (this.preambleDone) return;
    this.preambleDone = true;
    if (this.preambleRange) {
      this.collector.add(diagnostic('BP010', this.preambleRange, "text before the first '>' header: every record must start with a line '>id'"));
    }
  }

  /** A header (`record.header`, `record.id` index `text`, which starts at file offset `base`). Ends the open record. */
  beginRecord(record: SeqRecord, base: number): void {
    this.endRecord();
    this.flushPreamble();
    const index = this.records++;
    const header = { start: base + record.header.start, end: base + record.header.end };
    const open: OpenRecord = { index, header, id: record.id, scan: new SequenceScan(index, this.streamed), found: [] };
    this.open = open;
    if (record.id === '') return;
    const first = this.firstHeaderOf.get(record.id);
    if (!first) {
      this.firstHeaderOf.set(record.id, { index, header });
      return;
    }
    open.found.push(
      diagnostic('BP004', header, `duplicate record id '${record.id}' (first used by record ${first.index + 1})`, index, [
        { range: first.header, message: `first record with id '${record.id}'` },
      ]),
    );
  }

  /** Problems of the open record not yet handed to the collector (they are, in order, when it ends). */
  get pending(): readonly FileDiagnostic[] {
    return this.open?.found ?? [];
  }

  /** Sequence lines of the open record (ranges into `text`, which starts at file offset `base`). */
  sequence(text: string, lines: readonly OffsetRange[], base: number): void {
    if (this.open) this.open.scan.add(text, lines, base, this.open.found, this.collector);
  }

  /** dot-bracket: the open record complete in `text` (checked when the record ends). */
  structure(text: string, record: SeqRecord, base: number): void {
    if (this.open) this.open.structure = { text, record, base };
  }

  /** Ends the open record (if any): BP002, BP003, structure checks, then its problems in document order. */
  endRecord(): void {
    const open = this.open;
    if (!open) return;
    this.open = undefined;
    open.scan.finish(open.found);
    if (!open.scan.hasContent) {
      open.found.push(diagnostic('BP003', open.header, `record '${open.id}' has an empty sequence`, open.index));
    }
    const s = open.structure;
    if (s && this.kind === 'dot-bracket') checkStructure(s.text, s.record, open.index, s.base, open.scan.hasContent, open.found);
    this.collector.addAll(open.found);
  }

  finish(): LintResult {
    this.endRecord();
    this.flushPreamble();
    return { diagnostics: this.collector.result(), total: this.collector.total };
  }
}

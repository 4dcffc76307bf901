// Feeds the records of a text read as blocks (textBlocks.ts) to a sink, in document order and with
// the same rules as parseFile: the preamble, each header, its sequence lines (a FASTA record larger
// than a block arrives in several pieces, possibly cutting a long line in two), and for dot-bracket
// the complete record. Every range indexes the text passed along with it; `base` is that text's
// offset in the whole file. Memory stays within a few blocks whatever the size of the file.
import { LineIndex } from '../text/lineIndex';
import { parseFile } from './parse';
import type { FormatKind, OffsetRange, SeqRecord } from './records';
import type { TextBlock } from './textBlocks';

export interface RecordSink {
  /** Non-blank text before the first header (whole-file offsets); consecutive calls extend it. */
  preamble(range: OffsetRange): void;
  /** A header; ends the previous record. */
  beginRecord(record: SeqRecord, base: number): void;
  /** Sequence lines of the current record (content only: trailing white space and line ends cut). */
  sequence(text: string, lines: readonly OffsetRange[], base: number): void;
  /** dot-bracket: the current record, complete in `text`. */
  structure(text: string, record: SeqRecord, base: number): void;
  endRecord(): void;
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d || code === 0x0b || code === 0x0c;
}

/** Non-blank lines of text[from, to) (to is a line start or the end): [first non-blank, content end) and line start. */
function contentLines(text: string, from: number, to: number): { start: number; first: number; end: number }[] {
  const out: { start: number; first: number; end: number }[] = [];
  let start = from;
  while (start < to) {
    const nl = text.indexOf('\n', start);
    const next = nl === -1 || nl >= to ? to : nl + 1;
    let end = nl === -1 || nl >= to ? to : nl;
    while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
    if (end > start) {
      let first = start;
      while (isBlank(text.charCodeAt(first))) first++;
      out.push({ start, first, end });
    }
    start = next;
  }
  return out;
}

export class RecordStream {
  private inRecord = false;
  /** The block being fed and its line index (for position lookups by the sink's owner). */
  block: TextBlock | undefined;
  private index: LineIndex | undefined;

  constructor(
    readonly kind: FormatKind,
    private readonly sink: RecordSink,
  ) {}

  /** Line index of the current block's text (built on demand). */
  get lines(): LineIndex {
    if (!this.index) this.index = new LineIndex(this.block?.text ?? '');
    return this.index;
  }

  feed(block: TextBlock): void {
    this.block = block;
    this.index = undefined;
    const text = block.text;
    const bom = block.offset === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
    let recStart: number;
    if (!block.midLine && text.charCodeAt(bom) === 0x3e) recStart = bom;
    else {
      const h = text.indexOf('\n>');
      recStart = h === -1 ? text.length : h + 1;
    }
    // Lines before the first header of the block: the preamble, or the rest of a FASTA record.
    const lines = contentLines(text, bom, recStart);
    if (lines.length > 0) {
      if (!this.inRecord) for (const l of lines) this.sink.preamble({ start: block.offset + l.first, end: block.offset + l.end });
      else this.sink.sequence(text, lines.map((l) => ({ start: l.start, end: l.end })), block.offset);
    }
    if (recStart >= text.length) return;
    const recText = text.slice(recStart);
    const base = block.offset + recStart;
    const file = parseFile(recText, this.kind);
    for (const r of file.records) {
      this.sink.beginRecord(r, base);
      this.inRecord = true;
      this.sink.sequence(recText, r.sequenceLines, base);
      if (this.kind === 'dot-bracket') {
        // textBlocks never cuts a dot-bracket record: it is complete here.
        this.sink.structure(recText, r, base);
        this.sink.endRecord();
      }
    }
    // A FASTA record stays open: its next lines may come with the next block.
  }

  end(): void {
    this.sink.endRecord();
  }
}

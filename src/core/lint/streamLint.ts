// The linter over a file read as a stream (the CLI's `lint` on files of any size): blocks of text
// (formats/textBlocks.ts) go through the record stream into the same LintSession as lintFile, so the
// diagnostics are the same; only the kept ones (at most the cap) get line/column positions, computed
// while their block is at hand (problems waiting for the end of a long record are pinned). Related locations are not reported here (they may lie in blocks
// long gone). Memory: a few blocks, the diagnostics kept, and the ids seen (for BP004).
import { RecordStream, type RecordSink } from '../formats/recordStream';
import type { FormatKind, OffsetRange, SeqRecord } from '../formats/records';
import { textBlocks, type BlockOptions } from '../formats/textBlocks';
import type { Position } from '../text/lineIndex';
import { MAX_PROBLEMS_PER_FILE } from './codes';
import type { FileDiagnostic } from './diagnostic';
import { LintSession } from './lintSession';

export interface StreamDiagnostic extends Omit<FileDiagnostic, 'related'> {
  /** 0-based positions in the whole file (end exclusive). */
  start: Position;
  end: Position;
}

export interface StreamLintResult {
  diagnostics: StreamDiagnostic[];
  /** Problems found, kept or not (BP011 not counted). */
  total: number;
  records: number;
  /** UTF-16 code units read. */
  characters: number;
}

export interface StreamLintOptions extends BlockOptions {
  /** Problems kept per file; 0 = all. Default 1,000. */
  maxProblems?: number;
}

/** Positions of whole-file offsets: in the current block, else remembered ones ("pins"). */
class Positions {
  private readonly pins = new Map<number, Position>([[0, { line: 0, character: 0 }]]);

  constructor(private readonly stream: RecordStream) {}

  private local(offset: number): Position | undefined {
    const b = this.stream.block;
    if (!b || offset < b.offset || offset > b.offset + b.text.length) return undefined;
    const p = this.stream.lines.positionAt(offset - b.offset);
    return { line: b.line + p.line, character: (p.line === 0 ? b.column : 0) + p.character };
  }

  pin(offset: number): void {
    const p = this.local(offset);
    if (p) this.pins.set(offset, p);
  }

  /** Forget the pins of the previous record (keeps the file start). */
  clear(): void {
    const zero = this.pins.get(0)!;
    this.pins.clear();
    this.pins.set(0, zero);
  }

  at(offset: number): Position {
    const p = this.local(offset) ?? this.pins.get(offset);
    if (!p) throw new Error(`internal: no position for offset ${offset}`);
    return p;
  }
}

export async function lintStream(
  chunks: AsyncIterable<string> | Iterable<string>,
  kind: FormatKind,
  options: StreamLintOptions = {},
): Promise<StreamLintResult> {
  const session = new LintSession(kind, options.maxProblems ?? MAX_PROBLEMS_PER_FILE, true);
  const kept: StreamDiagnostic[] = [];
  let droppedAt: Position | undefined;
  let droppedEnd: Position | undefined;
  /** Positions of the diagnostics kept since the last call (and of the first dropped one). */
  const sync = () => {
    const c = session.collector;
    for (let i = kept.length; i < c.kept.length; i++) {
      const { related: _related, ...d } = c.kept[i];
      kept.push({ ...d, start: positions.at(d.range.start), end: positions.at(d.range.end) });
    }
    if (!droppedAt && c.firstDropped) {
      droppedAt = positions.at(c.firstDropped.start);
      droppedEnd = positions.at(c.firstDropped.end);
    }
  };

  const sink: RecordSink = {
    preamble(range: OffsetRange) {
      positions.pin(range.start);
      positions.pin(range.end);
      session.preamble(range);
    },
    beginRecord(record: SeqRecord, base: number) {
      // Everything that refers to the previous record (or the preamble) is placed before its pins go.
      session.endRecord();
      session.flushPreamble();
      sync();
      positions.clear();
      positions.pin(base + record.header.start);
      positions.pin(base + record.header.end);
      session.beginRecord(record, base);
      sync();
    },
    sequence(text: string, lines: readonly OffsetRange[], base: number) {
      if (lines.length === 0) return;
      positions.pin(base + lines[0].start);
      positions.pin(base + lines[lines.length - 1].end);
      const before = session.pending.length;
      session.sequence(text, lines, base);
      // Problems wait for the end of their record; place them while their block is at hand.
      const pending = session.pending;
      for (let i = before; i < pending.length; i++) {
        positions.pin(pending[i].range.start);
        positions.pin(pending[i].range.end);
      }
      sync();
    },
    structure(text: string, record: SeqRecord, base: number) {
      session.structure(text, record, base);
    },
    endRecord() {
      session.endRecord();
      sync();
    },
  };
  const stream = new RecordStream(kind, sink);
  const positions = new Positions(stream);
  let characters = 0;
  for await (const block of textBlocks(chunks, kind, options)) {
    characters += block.text.length;
    stream.feed(block);
  }
  stream.end();
  const result = session.finish();
  sync();
  const diagnostics: StreamDiagnostic[] = [...kept];
  const extra = result.diagnostics[result.diagnostics.length - 1];
  if (extra && extra.code === 'BP011') {
    const { related: _related, ...d } = extra;
    diagnostics.push({ ...d, start: droppedAt ?? { line: 0, character: 0 }, end: droppedEnd ?? droppedAt ?? { line: 0, character: 0 } });
  }
  return { diagnostics, total: result.total, records: session.recordCount, characters };
}

// Line index of a text: maps UTF-16 offsets to 0-based (line, character) positions and back.
// Built in one pass with indexOf('\n'); lookups are binary searches, so a 50 MB file costs one
// Uint32Array of line starts. Lines end at '\n'; a preceding '\r' belongs to the line's end.

export interface Position {
  /** 0-based line */
  line: number;
  /** 0-based UTF-16 column */
  character: number;
}

export class LineIndex {
  /** Offset of the first character of every line; lineStarts[0] = 0. */
  readonly lineStarts: Uint32Array;

  constructor(readonly text: string) {
    let starts = new Uint32Array(Math.max(16, (text.length >>> 5) + 1));
    let n = 1;
    let i = text.indexOf('\n');
    while (i !== -1) {
      if (n === starts.length) {
        const grown = new Uint32Array(starts.length * 2);
        grown.set(starts);
        starts = grown;
      }
      starts[n++] = i + 1;
      i = text.indexOf('\n', i + 1);
    }
    this.lineStarts = starts.subarray(0, n);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Line containing the offset (offsets past the end map to the last line). */
  lineAt(offset: number): number {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    return { line, character: clamped - this.lineStarts[line] };
  }

  /** Offset of a position; characters past the line's end clamp to the end of its content. */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineContentEnd(position.line));
  }

  /** Offset just after the last character of a line, before '\r\n' or '\n'. */
  lineContentEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] - 1 : this.text.length;
    return next > this.lineStarts[line] && this.text.charCodeAt(next - 1) === 13 ? next - 1 : next;
  }
}

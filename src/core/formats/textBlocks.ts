// Cuts a text that arrives in chunks (a file read as a stream) into blocks that the record parser
// can take one at a time, in bounded memory. A block ends before a header line ('>' at a line start)
// when there is one; a FASTA record (or the preamble) larger than a block is cut at a line end, and a
// line larger than a block is cut inside it, after a character that is neither white space nor half
// of a surrogate pair (so no check can tell the cut). Header lines and dot-bracket records are never
// cut: past `maxBlock` characters they throw BlockLimitError naming the line.
import type { FormatKind } from './records';

export interface TextBlock {
  text: string;
  /** Offset (UTF-16) of the block's first character in the whole text. */
  offset: number;
  /** 0-based line of the block's first character, and its column in that line. */
  line: number;
  column: number;
  /** The block starts inside a line (a sequence or preamble line cut because it was too long). */
  midLine: boolean;
}

export interface BlockOptions {
  /** Blocks are cut once this many characters are buffered. Default 2 Mi characters. */
  blockSize?: number;
  /** A header line or dot-bracket record longer than this throws BlockLimitError. Default 256 Mi. */
  maxBlock?: number;
}

export const DEFAULT_BLOCK_SIZE = 1 << 21;
export const DEFAULT_MAX_BLOCK = 1 << 28;

/** A record or line too large to hold in memory; `line` is 0-based. */
export class BlockLimitError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d || code === 0x0b || code === 0x0c;
}

/** Index after the last character that may end a piece of a cut line, or 0 when there is none. */
function midLineCut(buf: string, from: number): number {
  for (let k = buf.length - 1; k >= from; k--) {
    const c = buf.charCodeAt(k);
    if (!isBlank(c) && !(c >= 0xd800 && c <= 0xdbff)) return k + 1;
  }
  return 0;
}

export async function* textBlocks(chunks: AsyncIterable<string> | Iterable<string>, kind: FormatKind, options: BlockOptions = {}): AsyncGenerator<TextBlock> {
  const blockSize = Math.max(1, options.blockSize ?? DEFAULT_BLOCK_SIZE);
  const maxBlock = Math.max(blockSize, options.maxBlock ?? DEFAULT_MAX_BLOCK);
  let buf = '';
  let offset = 0;
  let line = 0;
  let column = 0;
  let midLine = false;
  let seenHeader = false;
  let emitted = false;

  const take = (c: number): TextBlock => {
    const text = buf.slice(0, c);
    buf = buf.slice(c);
    const block: TextBlock = { text, offset, line, column, midLine };
    let newlines = 0;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) newlines++;
    if (newlines > 0) {
      line += newlines;
      column = c - (text.lastIndexOf('\n') + 1);
    } else column += c;
    offset += c;
    midLine = text.charCodeAt(c - 1) !== 0x0a;
    if (!seenHeader && (text.indexOf('\n>') !== -1 || (!block.midLine && (text.startsWith('>') || (block.offset === 0 && text.startsWith('\uFEFF>')))))) {
      seenHeader = true;
    }
    emitted = true;
    return block;
  };

  /** Where to cut the buffer now, or 0 to wait for more text. */
  const cutPoint = (): number => {
    const h = buf.lastIndexOf('\n>');
    if (h !== -1) return h + 1;
    // No header after the start: the buffer is inside one record (or the preamble).
    const insideRecord = seenHeader || (!midLine && (buf.startsWith('>') || (offset === 0 && buf.startsWith('\uFEFF>'))));
    if (kind === 'dot-bracket' && insideRecord) return 0;
    const nl = buf.lastIndexOf('\n');
    if (nl !== -1) return nl + 1;
    // One partial line: never cut a header line.
    if (!midLine && (buf.startsWith('>') || (offset === 0 && buf.startsWith('\uFEFF>')))) return 0;
    return midLineCut(buf, 0);
  };

  const tooLarge = (): BlockLimitError => {
    const what = kind === 'dot-bracket' ? 'dot-bracket record' : 'header line';
    return new BlockLimitError(line, `${what} longer than ${maxBlock.toLocaleString('en-US')} characters: too large to check`);
  };

  for await (const chunk of chunks) {
    buf += chunk;
    while (buf.length >= blockSize) {
      const c = cutPoint();
      if (c === 0) {
        if (buf.length > maxBlock) throw tooLarge();
        break;
      }
      yield take(c);
    }
  }
  if (buf.length > 0 || !emitted) yield take(buf.length || 0);
}

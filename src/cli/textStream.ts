// Reading a FASTA / dot-bracket input as a stream of decoded text chunks (a file or stdin), so that
// `lint` and `stats` work on files of any size in bounded memory. The format comes from --format,
// else the extension, else a sniff of the first megabyte.
import * as fs from 'node:fs';
import type { FormatKind } from '../core/formats/records';
import { unreadable } from '../core/datasets/errors';
import { formatOfPath, sniffFormat } from './files';

const CHUNK = 1 << 20;

/** Decoded UTF-8 chunks of a file ('-' = stdin); read errors become UnreadableFileErrors naming the file. */
export async function* fileChunks(name: string): AsyncGenerator<string> {
  const stream = name === '-' ? process.stdin.setEncoding('utf8') : fs.createReadStream(name, { encoding: 'utf8', highWaterMark: CHUNK });
  try {
    for await (const chunk of stream) yield chunk as string;
  } catch (err) {
    throw unreadable(name, err);
  }
}

export interface TextInput {
  kind: FormatKind;
  chunks: AsyncIterable<string>;
}

/** Opens an input: reads its first megabyte (to sniff the format when needed) and streams the rest. */
export async function openTextInput(name: string, forced: FormatKind | undefined): Promise<TextInput> {
  const it = fileChunks(name)[Symbol.asyncIterator]();
  const head: string[] = [];
  let size = 0;
  let done = false;
  while (size < CHUNK) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    head.push(r.value);
    size += r.value.length;
  }
  const kind = forced ?? formatOfPath(name) ?? sniffFormat(head.join(''));
  async function* all(): AsyncGenerator<string> {
    yield* head;
    if (done) return;
    for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
  }
  return { kind, chunks: all() };
}

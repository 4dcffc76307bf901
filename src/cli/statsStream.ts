// `basepair stats` over a file read as a stream: the same summary as fileStats (stats.ts) without
// holding the file — per record only its length and base counts are kept (a Uint32Array of lengths
// for the median), so a 1 GB FASTA is summarised in bounded memory.
import { RecordStream, type RecordSink } from '../core/formats/recordStream';
import type { FormatKind, OffsetRange, SeqRecord } from '../core/formats/records';
import { textBlocks, type BlockOptions } from '../core/formats/textBlocks';
import { composition, type AlphabetKind } from '../core/sequence/composition';

class Lengths {
  private data = new Uint32Array(1024);
  size = 0;

  push(n: number): void {
    if (this.size === this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.size++] = n;
  }

  sorted(): Uint32Array {
    return this.data.slice(0, this.size).sort();
  }
}

export async function streamFileStats(
  name: string,
  chunks: AsyncIterable<string> | Iterable<string>,
  format: FormatKind,
  options: BlockOptions = {},
): Promise<FileStats> {
  const lengths = new Lengths();
  const alphabets: Record<string, number> = {};
  let gc = 0;
  let definite = 0;
  let withStructure = 0;
  let nucleotides = 0;
  let current: { length: number; T: number; U: number } | undefined;

  const end = () => {
    if (!current) return;
    lengths.push(current.length);
    nucleotides += current.length;
    const alphabet: AlphabetKind = current.T > 0 && current.U > 0 ? 'mixed T/U' : current.U > 0 ? 'RNA' : current.T > 0 ? 'DNA' : 'nucleotide';
    alphabets[alphabet] = (alphabets[alphabet] ?? 0) + 1;
    current = undefined;
  };
  const sink: RecordSink = {
    preamble() {},
    beginRecord() {
      end();
      current = { length: 0, T: 0, U: 0 };
    },
    sequence(text: string, lines: readonly OffsetRange[]) {
      if (!current) return;
      for (const l of lines) {
        const c = composition(text.slice(l.start, l.end));
        current.length += c.length;
        current.T += c.counts.T;
        current.U += c.counts.U;
        gc += c.counts.G + c.counts.C;
        definite += c.counts.A + c.counts.C + c.counts.G + c.counts.T + c.counts.U;
      }
    },
    structure(_text: string, record: SeqRecord) {
      if (record.structureLines.length) withStructure++;
    },
    endRecord: end,
  };
  const stream = new RecordStream(format, sink);
  for await (const block of textBlocks(chunks, format, options)) stream.feed(block);
  stream.end();

  const sorted = lengths.sorted();
  const n = sorted.length;
  const mid = n >> 1;
  return {
    file: name,
    format,
    records: n,
    nucleotides,
    minLength: n ? sorted[0] : 0,
    medianLength: n === 0 ? 0 : n % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2,
    maxLength: n ? sorted[n - 1] : 0,
    gcPercent: definite ? Math.round((gc * 1000) / definite) / 10 : null,
    alphabets,
    withStructure,
  };
}

export interface FileStats {
  file: string;
  format: FormatKind;
  records: number;
  nucleotides: number;
  minLength: number;
  medianLength: number;
  maxLength: number;
  /** GC % over all definite bases of the file; null when there are none. */
  gcPercent: number | null;
  alphabets: Record<string, number>;
  withStructure: number;
}

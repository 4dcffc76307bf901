// Data types of a parsed FASTA or dot-bracket (Vienna) file. Records keep offsets into the original
// text, never copies of it, so a 50 MB file costs little more than its string. Ranges are UTF-16
// offsets [start, end); a LineIndex turns them into line/column positions.
import type { LineIndex } from '../text/lineIndex';

export type FormatKind = 'fasta' | 'dot-bracket';

export interface OffsetRange {
  start: number;
  end: number;
}

/** Trailing `(-12.30)` on a structure line. `value` is undefined when the annotation is malformed. */
export interface EnergyAnnotation {
  range: OffsetRange;
  text: string;
  value: number | undefined;
}

export interface SeqRecord {
  /** 0-based position of the record in the file */
  index: number;
  /** From `>` to the end of the header line (trailing whitespace excluded). */
  header: OffsetRange;
  /** First word after `>` ('' when the header is only `>`). */
  id: string;
  idRange: OffsetRange;
  /** The rest of the header after the id, trimmed. */
  description: string;
  /** Content of each sequence line, trailing whitespace and line ends excluded. */
  sequenceLines: OffsetRange[];
  /** dot-bracket only: the structure part of each structure line (energy annotation excluded). */
  structureLines: OffsetRange[];
  /** Energy annotation that ends the last structure line. */
  energy?: EnergyAnnotation;
  /** Text after whitespace on structure lines other than the last one (always malformed). */
  strayAnnotations: OffsetRange[];
  /** From the header start to the end of the record's last non-blank line. */
  range: OffsetRange;
}

export interface ParsedFile {
  kind: FormatKind;
  text: string;
  lines: LineIndex;
  records: SeqRecord[];
  /** Non-blank text before the first header, if any. */
  preamble?: OffsetRange;
  /** 1 when the text starts with a byte-order mark (U+FEFF), else 0. */
  bomLength: number;
}

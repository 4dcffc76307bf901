// Every custom request and notification between the extension (client) and the language server,
// typed once here and imported by both sides.
import { RequestType } from 'vscode-languageserver-protocol';

export interface FileSummaryParams {
  uri: string;
}

export interface FileSummary {
  uri: string;
  /** Document version the summary was computed for. */
  version: number;
  records: number;
  /** Nucleotides over all records (gaps and strand breaks not counted). */
  nucleotides: number;
  errors: number;
  warnings: number;
  /** Time to parse and lint the current version, in milliseconds. */
  analysisMs: number;
}

/** Summary of an open FASTA / dot-bracket document, for the status bar. */
export const FileSummaryRequest = new RequestType<FileSummaryParams, FileSummary | null, void>('basepair/fileSummary');

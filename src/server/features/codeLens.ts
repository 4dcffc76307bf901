// "Show structure" code lens above each record of a FASTA / dot-bracket document (setting
// basepair.structure.codeLens). The lens runs the client command basepair.showStructure with
// [document uri, position of the record header], which opens the structure panel on that record.
import type { CodeLens } from 'vscode-languageserver';
import type { ParsedFile } from '../../core/formats/records';
import { toRange } from '../ranges';

export const SHOW_STRUCTURE_COMMAND = 'basepair.showStructure';
/** Files with more records get lenses on the first ones only (a lens per record of a 10^5-record file costs more than it helps). */
export const MAX_STRUCTURE_LENSES = 2000;

export function structureCodeLenses(file: ParsedFile, uri: string): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const r of file.records) {
    if (lenses.length >= MAX_STRUCTURE_LENSES) break;
    if (r.sequenceLines.length === 0) continue;
    const range = toRange(file, r.header);
    lenses.push({
      range,
      command: { title: 'Show structure', command: SHOW_STRUCTURE_COMMAND, arguments: [uri, range.start] },
    });
  }
  return lenses;
}

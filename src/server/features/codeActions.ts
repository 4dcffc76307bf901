// Quick fixes and refactorings on records: delete invalid characters (BP001), convert T->U / U->T
// (BP002, and on any record), upper-case a soft-masked record, rewrap a record's sequence.
import { CodeActionKind, CodeActionTriggerKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import { recordAt } from '../../core/formats/parse';
import type { OffsetRange, ParsedFile, SeqRecord } from '../../core/formats/records';
import { convertRecord, deleteInvalidCharacters, rewrapRecord, upperCaseRecord, wrapWidth, type TextEdit } from '../../core/lint/fixes';
import { composition } from '../../core/sequence/composition';
import { recordSequence } from '../../core/formats/locate';
import type { Analysis } from '../analysis';
import { toRange } from '../ranges';

const REWRAP_WIDTH = 60;

function action(
  file: ParsedFile,
  uri: string,
  title: string,
  kind: string,
  edits: TextEdit[],
  extra: Partial<CodeAction> = {},
): CodeAction | undefined {
  if (edits.length === 0) return undefined;
  const lsp: LspTextEdit[] = edits.map((e) => ({ range: toRange(file, e.range), newText: e.newText }));
  return { title, kind, edit: { changes: { [uri]: lsp } }, ...extra };
}

function recordName(r: SeqRecord): string {
  return r.id ? `'${r.id}'` : `${r.index + 1}`;
}

function recordOf(analysis: Analysis, d: Diagnostic): SeqRecord | undefined {
  const data = d.data as { record?: number } | undefined;
  return data?.record !== undefined ? analysis.file.records[data.record] : undefined;
}

function quickFixes(analysis: Analysis, uri: string, d: Diagnostic): (CodeAction | undefined)[] {
  const file = analysis.file;
  const r = recordOf(analysis, d);
  if (!r) return [];
  const name = recordName(r);
  if (d.code === 'BP001') {
    const out = [action(file, uri, `Delete invalid characters in record ${name}`, CodeActionKind.QuickFix, deleteInvalidCharacters(file, r), { diagnostics: [d], isPreferred: true })];
    const affected = new Set(analysis.lint.diagnostics.filter((x) => x.code === 'BP001' && x.record !== undefined).map((x) => x.record!));
    if (affected.size > 1) {
      const edits = [...affected].sort((a, b) => a - b).flatMap((i) => deleteInvalidCharacters(file, file.records[i]));
      out.push(action(file, uri, `Delete invalid characters in all ${affected.size} records`, CodeActionKind.QuickFix, edits, { diagnostics: [d] }));
    }
    return out;
  }
  if (d.code === 'BP002') {
    const c = composition(recordSequence(file, r));
    const preferRna = c.counts.U >= c.counts.T;
    return [
      action(file, uri, `Convert record ${name} to RNA (T → U)`, CodeActionKind.QuickFix, convertRecord(file, r, 'T->U'), { diagnostics: [d], isPreferred: preferRna }),
      action(file, uri, `Convert record ${name} to DNA (U → T)`, CodeActionKind.QuickFix, convertRecord(file, r, 'U->T'), { diagnostics: [d], isPreferred: !preferRna }),
    ];
  }
  return [];
}

/** Refactorings offered on the record under the cursor, whatever its diagnostics. */
function recordRefactorings(analysis: Analysis, uri: string, range: OffsetRange, fixed: Set<string>): (CodeAction | undefined)[] {
  const file = analysis.file;
  const r = recordAt(file, range.start);
  if (!r || r.sequenceLines.length === 0) return [];
  const name = recordName(r);
  const c = composition(recordSequence(file, r));
  const kind = CodeActionKind.RefactorRewrite;
  const out: (CodeAction | undefined)[] = [];
  if (c.counts.T > 0 && !fixed.has('T->U')) out.push(action(file, uri, `Convert record ${name} to RNA (T → U)`, kind, convertRecord(file, r, 'T->U')));
  if (c.counts.U > 0 && !fixed.has('U->T')) out.push(action(file, uri, `Convert record ${name} to DNA (U → T)`, kind, convertRecord(file, r, 'U->T')));
  if (c.lowerCase > 0) out.push(action(file, uri, `Upper-case record ${name}`, kind, upperCaseRecord(file, r)));
  const width = wrapWidth(r);
  if (r.sequenceLines.length > 1 || width > REWRAP_WIDTH) {
    out.push(action(file, uri, `Rewrap record ${name} to ${REWRAP_WIDTH} columns`, kind, rewrapRecord(file, r, REWRAP_WIDTH)));
  }
  if (r.sequenceLines.length > 1) out.push(action(file, uri, `Join record ${name} into one sequence line`, kind, rewrapRecord(file, r, 0)));
  return out;
}

export function codeActions(analysis: Analysis, params: CodeActionParams): CodeAction[] {
  const uri = params.textDocument.uri;
  const file = analysis.file;
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
  const out: (CodeAction | undefined)[] = [];
  const fixed = new Set<string>();
  if (wants(CodeActionKind.QuickFix)) {
    for (const d of params.context.diagnostics) {
      if (d.source !== 'basepair') continue;
      if (d.code === 'BP002') fixed.add('T->U').add('U->T');
      out.push(...quickFixes(analysis, uri, d));
    }
  }
  // Refactorings only when asked for (Ctrl+. or the Refactor menu): offered automatically they would
  // put a light bulb on every record of a file.
  const automatic = params.context.triggerKind === CodeActionTriggerKind.Automatic && !only;
  if (!automatic && wants(CodeActionKind.RefactorRewrite)) {
    const start = file.lines.offsetAt(params.range.start);
    const end = file.lines.offsetAt(params.range.end);
    out.push(...recordRefactorings(analysis, uri, { start, end }, fixed));
  }
  return out.filter((a): a is CodeAction => a !== undefined);
}

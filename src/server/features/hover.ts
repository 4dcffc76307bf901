// Hovers: on a header or sequence, the record's id, length, alphabet, GC content and composition
// (plus the base under the cursor); on a structure bracket, its partner and the pair.
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { bracketAt, locate, recordSequence, type Location } from '../../core/formats/locate';
import type { ParsedFile } from '../../core/formats/records';
import { composition } from '../../core/sequence/composition';
import { isCanonicalPair, isDefiniteBase } from '../../core/sequence/alphabet';
import { nucleotideNumbers } from '../../core/structure/dotBracket';
import { toRange } from '../ranges';
import { formatCount } from '../../core/text/formatNumber';

/** Escapes text for Markdown so that ids and headers always show literally. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (c) => '\\' + c);
}

const fmt = formatCount;

export function recordMarkdown(file: ParsedFile, loc: Location): string {
  const { record } = loc;
  const seq = recordSequence(file, record);
  const c = composition(seq);
  const lines: string[] = [];
  const strands = c.strands > 1 ? ` · ${c.strands} strands` : '';
  lines.push(`**${escapeMarkdown(record.id || '(no id)')}** · ${fmt(c.length)} nt · ${c.alphabet}${strands}`);
  if (record.description) lines.push(escapeMarkdown(record.description));
  const gc = Number.isNaN(c.gcPercent) ? 'n/a' : `${c.gcPercent.toFixed(1)} %`;
  const u = c.counts.U > 0 || c.counts.T === 0 ? `U ${fmt(c.counts.U)}` : '';
  const t = c.counts.T > 0 ? `T ${fmt(c.counts.T)}` : '';
  const parts = [`A ${fmt(c.counts.A)}`, `C ${fmt(c.counts.C)}`, `G ${fmt(c.counts.G)}`, u, t].filter(Boolean);
  if (c.counts.ambiguous) parts.push(`ambiguous ${fmt(c.counts.ambiguous)}`);
  if (c.gaps) parts.push(`gaps ${fmt(c.gaps)}`);
  if (c.counts.invalid) parts.push(`invalid ${fmt(c.counts.invalid)}`);
  lines.push(`GC ${gc} · ${parts.join(' · ')}`);
  if (c.lowerCase) lines.push(`${fmt(c.lowerCase)} soft-masked (lower-case) bases`);
  if (loc.part === 'sequence' && loc.index >= 0 && seq[loc.index] !== '&') {
    const numbers = nucleotideNumbers(seq);
    lines.push(`position ${fmt(numbers[loc.index])}: ${escapeMarkdown(seq[loc.index])}`);
  }
  return lines.join('\n\n');
}

export function bracketMarkdown(file: ParsedFile, loc: Location): string | undefined {
  const info = bracketAt(file, loc.record, loc.index);
  if (!info) return undefined;
  if (info.partnerPosition === undefined) {
    return `position ${fmt(info.position)}: \`${info.bracket}\` has no partner (unbalanced)`;
  }
  let pair = '';
  if (info.base !== undefined && info.partnerBase !== undefined) {
    const [a, b] = [info.base.toUpperCase(), info.partnerBase.toUpperCase()];
    const kind = isDefiniteBase(a) && isDefiniteBase(b) ? (isCanonicalPair(a, b) ? '' : ' (non-canonical)') : '';
    pair = `: ${escapeMarkdown(a)}-${escapeMarkdown(b)}${kind}`;
  }
  return `position ${fmt(info.position)} pairs with ${fmt(info.partnerPosition)}${pair}`;
}

export function hoverAt(file: ParsedFile, offset: number): Hover | null {
  const loc = locate(file, offset);
  if (!loc) return null;
  let value: string | undefined;
  if (loc.part === 'structure') value = bracketMarkdown(file, loc) ?? recordMarkdown(file, loc);
  else if (loc.part === 'energy') {
    const e = loc.record.energy;
    value = e?.value !== undefined ? `free energy ${e.value.toFixed(2)} kcal/mol (from the file)` : undefined;
  } else value = recordMarkdown(file, loc);
  if (!value) return null;
  const range = loc.part === 'header' ? loc.record.header : undefined;
  return {
    contents: { kind: MarkupKind.Markdown, value },
    ...(range ? { range: toRange(file, range) } : {}),
  };
}

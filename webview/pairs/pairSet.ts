// Builds the panel's pair sets (from a GenerationSummary or from the rows of a pairs file) and the
// facts of the summary header as plain label/value strings. Pure (unit-tested).
import type { GenerationSummary } from '../../src/protocol/editor';
import type { PairRow, PairSet } from './messages';
import { formatScore } from './pairExport';

export function generationToPairSet(summary: GenerationSummary): PairSet {
  const { pairs, ...generation } = summary;
  const rows: PairRow[] = pairs.map((p) => ({
    id: p.id,
    a: p.a,
    b: p.b,
    score: p.score,
    gcA: p.gcA,
    gcB: p.gcB,
    novel: p.novel,
    ...(p.rule !== undefined ? { rule: p.rule } : {}),
  }));
  return { title: summary.modelName, source: { kind: 'generation', modelDir: summary.modelDir }, generation, rows };
}

export function fileToPairSet(uri: string, rows: PairRow[]): PairSet {
  const title = decodeURIComponent(uri.split('/').pop() ?? uri);
  return { title, source: { kind: 'file', uri }, rows };
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const fixed = (v: number, d = 3) => v.toFixed(d);

export interface SummaryFact {
  label: string;
  value: string;
  /** tooltip: what the number means */
  title?: string;
}

/** The summary header's facts, in display order. */
export function summaryFacts(set: PairSet): SummaryFact[] {
  const g = set.generation;
  if (!g) {
    const scored = set.rows.filter((r) => r.score !== undefined);
    const labelled = set.rows.filter((r) => r.label !== undefined);
    const facts: SummaryFact[] = [{ label: 'pairs', value: set.rows.length.toLocaleString('en-US') }];
    if (scored.length) {
      const mean = scored.reduce((s, r) => s + r.score!, 0) / scored.length;
      facts.push({ label: 'mean score', value: fixed(mean), title: `over the ${scored.length} pairs with a score` });
    }
    if (labelled.length) facts.push({ label: 'label 1', value: `${labelled.filter((r) => r.label === 1).length} of ${labelled.length}` });
    const novel = set.rows.filter((r) => r.novel !== undefined);
    if (novel.length) facts.push({ label: 'novel', value: pct(novel.filter((r) => r.novel).length / novel.length) });
    return facts;
  }
  const m = g.metrics;
  const kept = set.rows.length;
  const facts: SummaryFact[] = [
    { label: 'mode', value: g.mode },
    { label: 'kept / drawn', value: `${kept.toLocaleString('en-US')} / ${g.drawn.toLocaleString('en-US')}`, title: `pairs kept (score >= threshold ${formatScore(g.threshold)}) of the pairs ${g.mode === 'sample' ? 'sampled' : 'designed'}` },
    { label: 'validity', value: pct(m.validity), title: 'accepted by the classifier (score >= its threshold)' },
  ];
  if (m.ruleValidity !== undefined) facts.push({ label: 'rule validity', value: pct(m.ruleValidity), title: 'the exact rule of the synthetic task holds' });
  facts.push(
    { label: 'uniqueness', value: pct(m.uniqueness), title: 'distinct pairs among the generated ones' },
    { label: 'novelty', value: pct(m.novelty), title: 'not among the training pairs' },
    {
      label: 'diversity A / B',
      value: `${fixed(m.diversity.a)} / ${fixed(m.diversity.b)} (reference ${fixed(m.diversity.referenceA)} / ${fixed(m.diversity.referenceB)})`,
      title: 'mean pairwise Hamming distance (per position), generated vs the training positives',
    },
    { label: '3-mer JSD A / B', value: `${fixed(m.kmerJsd.a)} / ${fixed(m.kmerJsd.b)}`, title: 'Jensen-Shannon divergence of the 3-mer distributions to the training positives (0 = same)' },
  );
  const c = g.constraints;
  const cs = [
    c.gc ? `GC ${c.gc[0]}–${c.gc[1]}` : '',
    c.maxHomopolymer !== undefined ? `homopolymer ≤ ${c.maxHomopolymer}` : '',
    c.templateA ? `A template ${c.templateA}` : '',
    c.templateB ? `B template ${c.templateB}` : '',
    c.temperature !== undefined ? `temperature ${c.temperature}` : '',
  ].filter(Boolean);
  if (cs.length) facts.push({ label: 'constraints', value: cs.join(', ') });
  facts.push({ label: 'time', value: `${g.seconds.toFixed(1)} s` });
  return facts;
}

// Rule baselines of a pair task, scored like the classifier (AUROC, AUPRC) on the same records:
// longest Watson-Crick run (and with G-U), min-mismatch alignment, and the miRNA seed rules (site type,
// 7mer-m8 match), from core/baselines/pairBaselines. They answer "does the network beat plain
// complementarity?" beside every run.
import { alignmentScore, longestComplementaryRun, seedMatch7, seedSiteScore } from '../../core/baselines/pairBaselines';
import { auroc, averagePrecision } from '../../core/metrics/classification';
import type { LabelledPair } from './batches';
import type { PairBaselineMetrics } from '../../protocol/results';
export type { PairBaselineMetrics } from '../../protocol/results';

export const PAIR_BASELINE_RULES: ReadonlyArray<[string, (a: string, b: string) => number]> = [
  ['longest Watson-Crick run', (a, b) => longestComplementaryRun(a, b)],
  ['longest run with G-U', (a, b) => longestComplementaryRun(a, b, { gu: true })],
  ['min-mismatch alignment', (a, b) => alignmentScore(a, b)],
  ['seed site type', seedSiteScore],
  ['seed match 7mer-m8', seedMatch7],
];

export function pairBaselines(pairs: readonly LabelledPair[]): PairBaselineMetrics[] {
  const labels = pairs.map((p) => p.label);
  return PAIR_BASELINE_RULES.map(([name, rule]) => {
    const scores = pairs.map((p) => rule(p.a, p.b));
    return { name, auroc: auroc(labels, scores), auprc: averagePrecision(labels, scores) };
  });
}

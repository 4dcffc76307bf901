// Pairs panel: a GenerationSummary becomes the panel's pair set, and the summary header's facts.
import * as assert from 'node:assert/strict';
import type { GenerationSummary } from '../../src/protocol/editor';
import { fileToPairSet, generationToPairSet, summaryFacts } from '../../webview/pairs/pairSet';

const summary: GenerationSummary = {
  modelDir: '/w/.basepair/models/rc26',
  modelName: 'rc26',
  mode: 'sample',
  drawn: 1040,
  threshold: 0.5,
  constraints: { gc: [0.4, 0.6], maxHomopolymer: 4, temperature: 0.8 },
  metrics: {
    validity: 1,
    ruleValidity: 0.995,
    uniqueness: 1,
    novelty: 0.999,
    diversity: { a: 0.7412, b: 0.7388, referenceA: 0.75, referenceB: 0.7499 },
    kmerJsd: { a: 0.0123, b: 0.0151 },
  },
  pairs: [
    { id: 'g1', a: 'ACGU', b: 'ACGU', score: 0.97, gcA: 0.5, gcB: 0.5, novel: true, rule: true },
    { id: 'g2', a: 'GGCC', b: 'GGCC', score: 0.91, gcA: 1, gcB: 1, novel: false },
  ],
  seconds: 3.456,
};

describe('pairs panel: pair sets and summary', () => {
  it('turns a generation summary into a pair set', () => {
    const set = generationToPairSet(summary);
    assert.equal(set.title, 'rc26');
    assert.deepEqual(set.source, { kind: 'generation', modelDir: '/w/.basepair/models/rc26' });
    assert.equal('pairs' in set.generation!, false);
    assert.deepEqual(set.rows, [
      { id: 'g1', a: 'ACGU', b: 'ACGU', score: 0.97, gcA: 0.5, gcB: 0.5, novel: true, rule: true },
      { id: 'g2', a: 'GGCC', b: 'GGCC', score: 0.91, gcA: 1, gcB: 1, novel: false },
    ]);
  });

  it('lists the generation facts in order', () => {
    assert.deepEqual(
      summaryFacts(generationToPairSet(summary)).map((f) => `${f.label}: ${f.value}`),
      [
        'mode: sample',
        'kept / drawn: 2 / 1,040',
        'validity: 100.0%',
        'rule validity: 99.5%',
        'uniqueness: 100.0%',
        'novelty: 99.9%',
        'diversity A / B: 0.741 / 0.739 (reference 0.750 / 0.750)',
        '3-mer JSD A / B: 0.012 / 0.015',
        'constraints: GC 0.4–0.6, homopolymer ≤ 4, temperature 0.8',
        'time: 3.5 s',
      ],
    );
  });

  it('summarises a pairs file', () => {
    const set = fileToPairSet('file:///w/data/my%20pairs.tsv', [
      { id: 'a', a: 'AC', b: 'GU', gcA: 0.5, gcB: 0.5, score: 0.25, label: 1 },
      { id: 'b', a: 'AC', b: 'GU', gcA: 0.5, gcB: 0.5, score: 0.75, label: 0 },
      { id: 'c', a: 'AC', b: 'GU', gcA: 0.5, gcB: 0.5 },
    ]);
    assert.equal(set.title, 'my pairs.tsv');
    assert.deepEqual(summaryFacts(set).map((f) => `${f.label}: ${f.value}`), ['pairs: 3', 'mean score: 0.500', 'label 1: 1 of 2']);
  });
});

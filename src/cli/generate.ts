// `basepair generate <modelDir> -n N [...]`: new pairs from a pair model, in sample mode (the
// generator, scored and filtered by the classifier) or design mode (optimised against the
// classifier), under constraints. Prints TSV (id, seq_a, seq_b, score, gc_a, gc_b, novel) or a JSON
// array of {seq_a, seq_b, score}; the generation report goes to stderr.
import { commandArgs, FLAG, STRING } from './commandArgs';
import { UserError } from './files';
import type { CliIO } from './io';
import { runCancellable } from './cancellableRun';

export const GENERATE_USAGE = `usage: basepair generate <modelDir> -n N [--mode sample|design] [--gc MIN:MAX]
         [--max-homopolymer K] [--template-a T] [--template-b T] [--temperature X] [--min-score P] [--seed S] [--json]

Generates N pairs the model's classifier accepts (score >= its threshold, or >= --min-score when
that is higher: a stricter bar costs more draws and gives pairs other classifiers accept more often).
sample: draws from the autoregressive generator (with --temperature, default 1) and keeps accepted
pairs; design: optimises sequences for the classifier's score (Fast-SeqProp). Constraints hold in
every output pair: --gc (GC fraction range of A and B, e.g. 0.4:0.6), --max-homopolymer,
--template-a / --template-b (IUPAC letters per position, N = any; fixes the length). The report
(drawn, validity, uniqueness, novelty, diversity, 3-mer JSD) is printed on stderr.`;

function num(name: string, v: string | undefined, opts: { int?: boolean; min?: number } = {}): number | undefined {
  if (v === undefined) return undefined;
  const x = Number(v);
  if (v.trim() === '' || !Number.isFinite(x) || (opts.int && !Number.isInteger(x)) || (opts.min !== undefined && x < opts.min)) {
    throw new UserError(`generate: --${name} must be ${opts.int ? 'a whole number' : 'a number'}${opts.min !== undefined ? ` >= ${opts.min}` : ''}, not '${v}'`);
  }
  return x;
}

function gcRange(v: string | undefined): [number, number] | undefined {
  if (v === undefined) return undefined;
  const m = /^\s*([0-9.]+)\s*:\s*([0-9.]+)\s*$/.exec(v);
  const lo = m ? Number(m[1]) : NaN;
  const hi = m ? Number(m[2]) : NaN;
  if (!(lo >= 0 && hi <= 1 && lo <= hi)) throw new UserError(`generate: --gc must be MIN:MAX with 0 <= MIN <= MAX <= 1 (e.g. 0.4:0.6), not '${v}'`);
  return [lo, hi];
}

const pct = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? 'n/a' : `${(100 * x).toFixed(1)}%`);
const f3 = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? 'n/a' : x.toFixed(3));

const GENERATE_OPTIONS = {
  n: { type: 'string', short: 'n' }, mode: { type: 'string', default: 'sample' }, gc: STRING,
  'max-homopolymer': STRING, 'template-a': STRING, 'template-b': STRING, temperature: STRING,
  'min-score': STRING, seed: STRING, json: FLAG,
} as const;

export async function generateCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = commandArgs(argv, io, GENERATE_USAGE, GENERATE_OPTIONS, 1, 'generate: give one model directory');
  const n = num('n', values.n, { int: true, min: 1 });
  if (n === undefined) throw new UserError('generate: -n N is required (how many pairs)');
  if (values.mode !== 'sample' && values.mode !== 'design') throw new UserError(`generate: --mode must be sample or design, not '${values.mode}'`);
  const mode: 'sample' | 'design' = values.mode;
  const gc = gcRange(values.gc);
  const maxHomopolymer = num('max-homopolymer', values['max-homopolymer'], { int: true, min: 1 });
  const temperature = num('temperature', values.temperature, { min: 0.01 });
  const seed = num('seed', values.seed, { int: true, min: 0 });
  const minScore = num('min-score', values['min-score'], { min: 0 });
  if (minScore !== undefined && minScore > 1) throw new UserError(`generate: --min-score must be a probability in [0, 1], not '${values['min-score']}'`);

  const { runPairGeneration } = await import('../jobs/pairGeneration');
  const { ModelFileError } = await import('../ml/io/modelFileError');
  const { GenerationError } = await import('../ml/pairs/generate');
  return runCancellable(io, { what: 'generation', userErrors: [ModelFileError, GenerationError] }, async (signal) => {
    const r = await runPairGeneration(
      {
        modelDir: positionals[0]!,
        count: n,
        mode,
        ...(gc ? { gc } : {}),
        ...(maxHomopolymer !== undefined ? { maxHomopolymer } : {}),
        ...(values['template-a'] ? { templateA: values['template-a'] } : {}),
        ...(values['template-b'] ? { templateB: values['template-b'] } : {}),
        ...(temperature !== undefined ? { temperature } : {}),
        ...(minScore !== undefined ? { minScore } : {}),
        ...(seed !== undefined ? { seed } : {}),
      },
      { signal },
    );
    const m = r.metrics;
    io.err(
      [
        `generated ${r.pairs.length} of ${n} pairs (${mode}; ${r.drawn} drawn; threshold ${f3(r.threshold)}; ${r.seconds.toFixed(1)} s)`,
        `  classifier-accepted ${pct(m.validity)}${m.ruleValidity !== undefined ? `, exact rule ${pct(m.ruleValidity)}` : ''}, unique ${pct(m.uniqueness)}, novel ${pct(m.novelty)}`,
        `  diversity (mean pairwise Hamming) A ${f3(m.diversity.a)} (training positives ${f3(m.diversity.referenceA)}), B ${f3(m.diversity.b)} (${f3(m.diversity.referenceB)})`,
        `  3-mer JSD to real positives A ${f3(m.kmerJsd.a)}, B ${f3(m.kmerJsd.b)}`,
      ].join('\n') + '\n',
    );
    if (r.pairs.length < n) io.err(`basepair: only ${r.pairs.length} of ${n} pairs were accepted within the draw budget\n`);
    if (values.json) io.out(JSON.stringify(r.pairs.map((p) => ({ seq_a: p.a, seq_b: p.b, score: p.score })), null, 2) + '\n');
    else {
      io.out('id\tseq_a\tseq_b\tscore\tgc_a\tgc_b\tnovel\n');
      for (const p of r.pairs) io.out(`${p.id}\t${p.a}\t${p.b}\t${p.score.toFixed(4)}\t${p.gcA.toFixed(3)}\t${p.gcB.toFixed(3)}\t${p.novel ? 1 : 0}\n`);
    }
    return 0;
  });
}

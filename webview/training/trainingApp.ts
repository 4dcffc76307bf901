// The training panel: the selected job's status, its verdict in words, live loss curves, the
// metrics table (model vs baselines) and, for a regressor, predicted-vs-measured on the test set.
// Every training job shows here: regressors, and pair models (classifier, then generator). All user
// strings (file names, model names, ids) are inserted as text.
/// <reference lib="dom" />
import { el, replaceChildren } from '../shared/dom';
import { onThemeChange, readTheme } from '../shared/theme';
import type { Messenger } from '../shared/vscodeApi';
import { drawLossCurves, drawScatter } from './charts';
import { applyEvent, jobData, jobName, jobToShow, lossCharts, statusLine, type JobView, type PairJobView, type RegressorJobView } from './jobState';
import { isMessage, type TrainingEvent, type TrainingHostMessage, type TrainingPanelMessage, type TrainingPanelState } from './messages';
import { formatMetric, metricsTable, pairMetricsTable, type MetricsTable } from './metricsTable';

const SVG_NS = 'http://www.w3.org/2000/svg';

export class TrainingApp {
  private jobs = new Map<string, JobView>();
  private selected: string | undefined;
  private activeModel: string | null = null;
  private pending = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly messenger: Messenger<TrainingHostMessage, TrainingPanelMessage, TrainingPanelState>,
  ) {
    this.selected = messenger.getState()?.selectedJob;
    messenger.listen(isMessage as (m: unknown) => m is TrainingHostMessage, (m) => this.onMessage(m));
    onThemeChange(() => this.render());
    this.render();
    messenger.post({ kind: 'ready' });
  }

  private onMessage(m: TrainingHostMessage): void {
    if (m.kind === 'event') this.apply(m.event);
    else if (m.kind === 'replay') {
      this.jobs = new Map();
      for (const e of m.events) this.apply(e, false);
    } else if (m.kind === 'activeModel') this.activeModel = m.dir;
    this.scheduleRender();
  }

  private apply(e: TrainingEvent, follow = true): void {
    applyEvent(this.jobs, e);
    if (follow && e.kind === 'started') this.select(e.jobId);
  }

  private select(jobId: string): void {
    this.selected = jobId;
    this.messenger.setState({ selectedJob: jobId });
  }

  /** Progress events can come many per second: render at most once per frame. */
  private scheduleRender(): void {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.render();
    });
  }

  private render(): void {
    try {
      this.renderJob();
    } catch (err) {
      // Never leave a half-updated panel: say what went wrong instead.
      this.root.dataset['state'] = 'error';
      replaceChildren(this.root, el('div', { className: 'empty' }, el('h2', {}, 'The training panel could not draw this job'), el('p', {}, String(err))));
      this.messenger.post({ kind: 'log', message: `training panel: ${String(err)}` });
    }
  }

  private renderJob(): void {
    const job = jobToShow(this.jobs, this.selected);
    if (!job) {
      this.root.dataset['state'] = 'empty';
      replaceChildren(
        this.root,
        el('div', { className: 'empty' },
          el('h2', {}, 'No training yet'),
          el('p', {}, 'Run "Basepair: Train Regressor" on a data file (TSV/CSV with sequence and target columns, or FASTA/dot-bracket with value=… in the headers), or "Basepair: Train Pair Model" on a pairs file (seq_a, seq_b, label). The curves, the metrics against the baselines and the verdict appear here.')),
      );
      return;
    }
    replaceChildren(this.root, this.header(job), this.verdict(job), this.charts(job), this.table(job));
    this.root.dataset['state'] = job.status;
  }

  private header(job: JobView): HTMLElement {
    const actions = el('div', { className: 'actions' });
    if (job.status === 'running') {
      const stop = el('button', { attrs: { 'data-action': 'stop' } }, 'Stop');
      stop.addEventListener('click', () => this.messenger.post({ kind: 'cancel', jobId: job.jobId }));
      actions.appendChild(stop);
    } else if (job.status === 'done' && job.task === 'regressor' && job.report) {
      const dir = job.report.modelDir;
      const isActive = this.activeModel === dir;
      const use = el('button', { attrs: { 'data-action': 'use', ...(isActive ? { disabled: '' } : {}) } }, isActive ? 'Active model' : 'Use as active model');
      use.addEventListener('click', () => this.messenger.post({ kind: 'useModel', dir }));
      actions.appendChild(use);
    } else if (job.status === 'done' && job.task === 'pairs' && job.report?.generator) {
      const dir = job.report.modelDir;
      const generate = el('button', { attrs: { 'data-action': 'generate' } }, 'Generate pairs…');
      generate.addEventListener('click', () => this.messenger.post({ kind: 'generatePairs', dir }));
      actions.appendChild(generate);
    }
    let picker: HTMLElement | false = false;
    if (this.jobs.size > 1) {
      const select = el('select', { attrs: { 'aria-label': 'Training job' } });
      for (const j of [...this.jobs.values()].reverse()) {
        const label = `${jobName(j)}${j.task === 'pairs' ? ' (pairs)' : ''} — ${j.status}`;
        const option = el('option', { attrs: { value: j.jobId } }, label);
        if (j.jobId === job.jobId) option.selected = true;
        select.appendChild(option);
      }
      select.addEventListener('change', () => {
        this.select((select as HTMLSelectElement).value);
        this.render();
      });
      picker = select;
    }
    return el('header', {},
      el('div', { className: 'title' }, el('h1', {}, jobName(job)), picker),
      el('div', { className: 'meta' }, jobData(job)),
      el('div', { className: `status ${job.status}` }, statusLine(job)),
      actions);
  }

  private verdict(job: JobView): HTMLElement | string {
    return job.task === 'regressor' ? this.regressorVerdict(job) : this.pairVerdict(job);
  }

  private regressorVerdict(job: RegressorJobView): HTMLElement | string {
    const r = job.report;
    if (!r) return '';
    const v = r.verdict;
    return el('section', { className: `verdict ${v.kind.replace(/\s+/g, '-')}` },
      el('h2', {}, v.kind === 'learns' ? 'The model learns' : v.kind === 'no signal' ? 'No signal' : 'No better than a baseline'),
      el('p', {}, v.headline),
      v.causes.length ? el('ul', {}, ...v.causes.map((c) => el('li', {}, c.sentence))) : false,
      el('p', { className: 'meta' },
        `${r.data.records} records (train ${r.sizes.train}, validation ${r.sizes.valid}, test ${r.sizes.test}); structures: ${r.structureSource}; ${r.parameters.toLocaleString('en-US')} parameters${r.members > 1 ? ` × ${r.members} models` : ''}; backend ${r.backend.name}.`,
        r.data.skipped.length ? ` ${r.data.skipped.length} bad rows skipped.` : ''));
  }

  /** A pair model's result in words: the classifier against the best rule baseline (AUROC), and the generator's fit. */
  private pairVerdict(job: PairJobView): HTMLElement | string {
    const r = job.report;
    if (!r) return '';
    const best = [...r.baselines].sort((x, y) => y.test.auroc - x.test.auroc)[0];
    const beats = !best || r.test.auroc > best.test.auroc;
    const split = r.sizes.test > 0 ? 'test' : 'validation';
    const f3 = formatMetric;
    const against = best ? `, best rule baseline (${best.name}) ${f3(best.test.auroc)}` : '';
    return el('section', { className: `verdict ${beats ? 'learns' : 'no-better-than-a-baseline'}` },
      el('h2', {}, beats ? 'The classifier beats the rule baselines' : 'No better than a rule baseline'),
      el('p', {}, `${split} AUROC ${f3(r.test.auroc)}${against}; decision threshold ${f3(r.threshold)}.`),
      r.generator ? el('p', {}, `Generator: validation NLL ${f3(r.generator.validNll)} nats per base after ${r.generator.epochsRun} epochs on ${r.generator.pairs} pairs.`) : false,
      el('p', { className: 'meta' },
        `${r.data.records} pairs (train ${r.sizes.train}, validation ${r.sizes.valid}, test ${r.sizes.test}); backend ${r.backend.name}.`,
        r.skipped ? ` ${r.skipped} bad rows skipped.` : ''));
  }

  private charts(job: JobView): HTMLElement {
    const colours = readTheme();
    const parts: (HTMLElement | false)[] = lossCharts(job).map((c) => {
      const svg = document.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
      svg.classList.add('chart', 'loss-curves');
      svg.dataset['chart'] = c.chart;
      drawLossCurves(svg, c.series, colours, c.yLabel);
      return el('figure', {}, svg, el('figcaption', {}, c.caption));
    });
    const r = job.task === 'regressor' ? job.report : undefined;
    if (r) {
      const split = r.metrics.test ? 'test' : 'valid';
      const pts = r.predictions.filter((p) => p.split === split);
      const scatter = document.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
      scatter.classList.add('chart', 'scatter');
      drawScatter(scatter, pts, colours, r.targetName || 'value');
      parts.push(el('figure', {}, scatter, el('figcaption', {}, `Predicted vs measured, ${split === 'test' ? 'test' : 'validation'} set (${pts.length} records); dashed: y = x.`)));
    }
    return el('section', { className: 'charts' }, ...parts);
  }

  private table(job: JobView): HTMLElement | string {
    const t: MetricsTable | undefined = job.task === 'regressor' ? job.report && metricsTable(job.report) : job.report && pairMetricsTable(job.report);
    if (!t) return '';
    return el('section', { className: 'metrics' },
      el('h2', {}, `${t.split === 'test' ? 'Test' : 'Validation'} set (n = ${t.n})`),
      el('table', {},
        el('thead', {}, el('tr', {}, ...t.header.map((h) => el('th', {}, h)))),
        el('tbody', {}, ...t.rows.map((row) => el('tr', { className: row.best ? 'best' : '' }, el('th', {}, row.name), ...row.cells.map((c) => el('td', {}, c)))))));
  }
}

// The training panel: the selected job's status, its verdict in words, live loss curves, the
// metrics table (model vs baselines) and predicted-vs-measured on the test set. All user strings
// (file names, model names, ids) are inserted as text.
/// <reference lib="dom" />
import { el, replaceChildren } from '../shared/dom';
import { onThemeChange, readTheme } from '../shared/theme';
import type { Messenger } from '../shared/vscodeApi';
import { drawLossCurves, drawScatter } from './charts';
import { applyEvent, jobToShow, lossSeries, statusLine, type JobView } from './jobState';
import { isMessage, type TrainingEvent, type TrainingHostMessage, type TrainingPanelMessage, type TrainingPanelState } from './messages';
import { metricsTable } from './metricsTable';

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
          el('p', {}, 'Run "Basepair: Train Regressor" on a data file (TSV/CSV with sequence and target columns, or FASTA/dot-bracket with value=… in the headers). The curves, the metrics against the baselines and the verdict appear here.')),
      );
      return;
    }
    replaceChildren(this.root, this.header(job), this.verdict(job), this.charts(job), this.table(job));
    this.root.dataset['state'] = job.status;
  }

  private header(job: JobView): HTMLElement {
    const name = job.report?.name ?? job.params?.out.split(/[\\/]/).pop() ?? job.jobId;
    const data = job.report?.data.file ?? job.params?.data ?? '';
    const actions = el('div', { className: 'actions' });
    if (job.status === 'running') {
      const stop = el('button', { attrs: { 'data-action': 'stop' } }, 'Stop');
      stop.addEventListener('click', () => this.messenger.post({ kind: 'cancel', jobId: job.jobId }));
      actions.appendChild(stop);
    } else if (job.status === 'done' && job.report) {
      const dir = job.report.modelDir;
      const isActive = this.activeModel === dir;
      const use = el('button', { attrs: { 'data-action': 'use', ...(isActive ? { disabled: '' } : {}) } }, isActive ? 'Active model' : 'Use as active model');
      use.addEventListener('click', () => this.messenger.post({ kind: 'useModel', dir }));
      actions.appendChild(use);
    }
    let picker: HTMLElement | false = false;
    if (this.jobs.size > 1) {
      const select = el('select', { attrs: { 'aria-label': 'Training job' } });
      for (const j of [...this.jobs.values()].reverse()) {
        const label = `${j.report?.name ?? j.params?.out.split(/[\\/]/).pop() ?? j.jobId} — ${j.status}`;
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
      el('div', { className: 'title' }, el('h1', {}, name), picker),
      el('div', { className: 'meta' }, data),
      el('div', { className: `status ${job.status}` }, statusLine(job)),
      actions);
  }

  private verdict(job: JobView): HTMLElement | string {
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

  private charts(job: JobView): HTMLElement {
    const colours = readTheme();
    const curves = document.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
    curves.classList.add('chart', 'loss-curves');
    drawLossCurves(curves, lossSeries(job.curve), colours);
    const parts: (HTMLElement | false)[] = [el('figure', {}, curves, el('figcaption', {}, 'Loss per epoch: training (solid), validation (dashed).'))];
    const r = job.report;
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
    if (!job.report) return '';
    const t = metricsTable(job.report);
    return el('section', { className: 'metrics' },
      el('h2', {}, `${t.split === 'test' ? 'Test' : 'Validation'} set (n = ${t.n})`),
      el('table', {},
        el('thead', {}, el('tr', {}, ...t.header.map((h) => el('th', {}, h)))),
        el('tbody', {}, ...t.rows.map((row) => el('tr', { className: row.best ? 'best' : '' }, el('th', {}, row.name), ...row.cells.map((c) => el('td', {}, c)))))));
  }
}

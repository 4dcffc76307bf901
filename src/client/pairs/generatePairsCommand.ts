// "Basepair: Generate Pairs": pick a pair model (models folder, or browse), how many pairs, the
// mode (sample from the generator + classifier filter, or design by optimising the classifier
// score) and the constraints through a small quick-pick menu with validated inputs (GC MIN:MAX,
// max homopolymer, templates A/B, temperature); then generate in a job process with a cancellable
// progress notification and show the result in the pairs panel.
import * as vscode from 'vscode';
import { GeneratePairsRequest, type GeneratePairsParams, type GenerationSummary } from '../../protocol/editor';
import { generationToPairSet } from '../../../webview/pairs/pairSet';
import { modelsFolder } from '../models/modelsFolder';
import { PairsPanel, type PairsPanelDeps } from '../panels/pairsPanel';
import { parseCount, parseGcRange, parseMaxHomopolymer, parseSeed, parseTemperature, parseTemplate, type Parsed } from './constraintsInput';
import { errorMessage, JobCancelled, runJob } from '../jobProgress';
import { listPairModels, readPairModel, type PairModelEntry } from './pairModels';

type Mode = GeneratePairsParams['mode'];
type Constraints = Pick<GeneratePairsParams, 'gc' | 'maxHomopolymer' | 'templateA' | 'templateB' | 'temperature' | 'seed'>;

/** Arguments for scripted use (tests, walkthrough, the "Generate Pairs" button after training). */
export interface GeneratePairsPreset extends Constraints {
  modelDir?: string;
  count?: number;
  mode?: Mode;
}

let counter = 0;

async function pickModel(context: vscode.ExtensionContext): Promise<PairModelEntry | undefined> {
  const models = await listPairModels(context);
  type Item = vscode.QuickPickItem & { model?: PairModelEntry; browse?: true };
  const items: Item[] = models.map((m) => ({
    label: m.name,
    description: [m.auroc !== undefined ? `test AUROC ${m.auroc.toFixed(3)}` : '', m.lengths ? `A ${span(m.lengths.a)} nt, B ${span(m.lengths.b)} nt` : '', m.hasGenerator ? '' : 'no generator: design mode only']
      .filter(Boolean)
      .join(' · '),
    ...(m.createdAt ? { detail: `trained ${m.createdAt.replace('T', ' ').slice(0, 16)}` } : {}),
    model: m,
  }));
  items.push({ label: '$(folder-opened) Browse…', description: 'a pair model directory elsewhere', browse: true });
  const pick = await vscode.window.showQuickPick(items, {
    title: 'Generate Pairs (1/4): pair model',
    placeHolder: models.length ? 'A pair classifier + generator' : `No pair models in ${modelsFolder(context).fsPath} yet: run "Basepair: Train Pair Model" or browse`,
    ignoreFocusOut: true,
  });
  if (!pick) return undefined;
  if (pick.model) return pick.model;
  const chosen = await vscode.window.showOpenDialog({ canSelectFiles: false, canSelectFolders: true, openLabel: 'Generate with this model' });
  if (!chosen?.[0]) return undefined;
  return checkedModel(chosen[0]);
}

async function checkedModel(dir: vscode.Uri): Promise<PairModelEntry | undefined> {
  const m = await readPairModel(dir);
  if (!m) void vscode.window.showErrorMessage(`Basepair: ${dir.fsPath} has no card.json of a pair model (task 'pairs'): train one with "Basepair: Train Pair Model".`);
  return m;
}

function span(r: { min: number; max: number }): string {
  return r.min === r.max ? String(r.min) : `${r.min}–${r.max}`;
}

function validator<T>(parse: (text: string) => Parsed<T>): (text: string) => string | undefined {
  return (text) => {
    const p = parse(text);
    return 'error' in p ? p.error : undefined;
  };
}

async function ask<T>(title: string, prompt: string, value: string, parse: (text: string) => Parsed<T>, placeHolder?: string): Promise<{ value: T } | undefined> {
  const text = await vscode.window.showInputBox({ title, prompt, value, ignoreFocusOut: true, validateInput: validator(parse), ...(placeHolder ? { placeHolder } : {}) });
  if (text === undefined) return undefined;
  const p = parse(text);
  return 'value' in p ? p : undefined;
}

function describe(c: Constraints, mode: Mode): string {
  const parts = [
    c.gc ? `GC ${c.gc[0]}:${c.gc[1]}` : '',
    c.maxHomopolymer !== undefined ? `homopolymer ≤ ${c.maxHomopolymer}` : '',
    c.templateA ? `A ${c.templateA}` : '',
    c.templateB ? `B ${c.templateB}` : '',
    mode === 'sample' && c.temperature !== undefined ? `temperature ${c.temperature}` : '',
    c.seed !== undefined ? `seed ${c.seed}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no constraints';
}

/** The constraints menu: pick one to change (validated input), or Generate. */
async function askConstraints(mode: Mode, model: PairModelEntry, initial: Constraints): Promise<Constraints | undefined> {
  const c: Constraints = { ...initial };
  const title = 'Generate Pairs (4/4): constraints';
  type Key = 'go' | 'gc' | 'homopolymer' | 'templateA' | 'templateB' | 'temperature' | 'seed';
  for (;;) {
    const items: (vscode.QuickPickItem & { key: Key })[] = [
      { key: 'go', label: '$(play) Generate', description: describe(c, mode) },
      { key: 'gc', label: 'GC range', description: c.gc ? `${c.gc[0]}:${c.gc[1]}` : 'any', detail: 'GC fraction of A and of B, MIN:MAX (e.g. 0.4:0.6)' },
      { key: 'homopolymer', label: 'Max homopolymer', description: c.maxHomopolymer !== undefined ? String(c.maxHomopolymer) : 'no limit', detail: 'Longest run of one base (e.g. 4)' },
      { key: 'templateA', label: 'Template A', description: c.templateA ?? 'none', detail: "IUPAC 5'→3' (N = any base): fixes positions and the length of A" },
      { key: 'templateB', label: 'Template B', description: c.templateB ?? 'none', detail: "IUPAC 5'→3' (N = any base): fixes positions and the length of B" },
      ...(mode === 'sample' ? [{ key: 'temperature' as const, label: 'Temperature', description: c.temperature !== undefined ? String(c.temperature) : '1 (default)', detail: 'Sampling temperature: lower is safer, higher more diverse' }] : []),
      { key: 'seed', label: 'Seed', description: c.seed !== undefined ? String(c.seed) : 'default', detail: 'Random seed of the generation' },
    ];
    const pick = await vscode.window.showQuickPick(items, { title, placeHolder: 'Enter to generate, or pick a constraint to change', ignoreFocusOut: true });
    if (!pick) return undefined;
    switch (pick.key) {
      case 'go':
        return c;
      case 'gc': {
        const r = await ask('GC range of A and B', 'MIN:MAX as fractions (0.4:0.6) or percent (40:60); empty for any', c.gc ? `${c.gc[0]}:${c.gc[1]}` : '', parseGcRange, '0.4:0.6');
        if (r) c.gc = r.value;
        break;
      }
      case 'homopolymer': {
        const r = await ask('Max homopolymer', 'Longest run of one base allowed; empty for no limit', c.maxHomopolymer !== undefined ? String(c.maxHomopolymer) : '', parseMaxHomopolymer, '4');
        if (r) c.maxHomopolymer = r.value;
        break;
      }
      case 'templateA':
      case 'templateB': {
        const which = pick.key === 'templateA' ? 'A' : 'B';
        const lengths = model.lengths?.[which === 'A' ? 'a' : 'b'];
        const r = await ask(`Template ${which}`, `IUPAC letters 5'→3' (N = any base)${lengths ? `; the model saw ${span(lengths)} nt` : ''}; empty for none`, c[pick.key] ?? '', (t) => parseTemplate(t, lengths), 'NNNNNNNNGCNNNN');
        if (r) c[pick.key] = r.value;
        break;
      }
      case 'temperature': {
        const r = await ask('Sampling temperature', 'Above 0, at most 5; empty for the default (1)', c.temperature !== undefined ? String(c.temperature) : '', parseTemperature, '1');
        if (r) c.temperature = r.value;
        break;
      }
      case 'seed': {
        const r = await ask('Seed', 'A whole number; empty for the default', c.seed !== undefined ? String(c.seed) : '', parseSeed);
        if (r) c.seed = r.value;
        break;
      }
    }
  }
}

async function askCountAndMode(model: PairModelEntry, preset: GeneratePairsPreset): Promise<{ count: number; mode: Mode } | undefined> {
  let count = preset.count;
  if (count === undefined) {
    const r = await ask('Generate Pairs (2/4): how many pairs', 'Pairs to keep (accepted by the classifier), 1 to 100,000', '1000', (t) => parseCount(t));
    if (!r) return undefined;
    count = r.value;
  }
  let mode = preset.mode;
  if (!mode) {
    const pick = await vscode.window.showQuickPick<vscode.QuickPickItem & { mode: Mode }>(
      [
        { label: 'Sample', description: 'sample', detail: 'Draw pairs from the generator (autoregressive, A then B), keep those the classifier accepts.', mode: 'sample' },
        { label: 'Design', description: 'design', detail: 'Optimise sequences for the classifier score under the constraints (Fast-SeqProp style).', mode: 'design' },
      ],
      { title: 'Generate Pairs (3/4): mode', ignoreFocusOut: true },
    );
    if (!pick) return undefined;
    mode = pick.mode;
  }
  if (mode === 'sample' && !model.hasGenerator) {
    void vscode.window.showWarningMessage(`Basepair: ${model.name} has no generator: use the design mode, or train it again.`);
  }
  return { count, mode };
}

export async function generatePairs(
  deps: PairsPanelDeps,
  preset: GeneratePairsPreset = {},
): Promise<GenerationSummary | undefined> {
  const { context, client, output } = deps;
  const lc = await client.runningOrExplain();
  if (!lc) return undefined;
  const model = preset.modelDir ? await checkedModel(vscode.Uri.file(preset.modelDir)) : await pickModel(context);
  if (!model) return undefined;
  const cm = await askCountAndMode(model, preset);
  if (!cm) return undefined;
  const { modelDir: _m, count: _c, mode: _mode, ...given } = preset;
  const scripted = preset.modelDir !== undefined && preset.count !== undefined && preset.mode !== undefined;
  const constraints = scripted ? given : await askConstraints(cm.mode, model, given);
  if (!constraints) return undefined;
  const jobId = `pairs-generate-${Date.now()}-${++counter}`;
  const workDoneToken = `basepair-${jobId}`;
  const params: GeneratePairsParams = { jobId, modelDir: model.dir.fsPath, count: cm.count, mode: cm.mode, ...constraints, workDoneToken };
  output.appendLine(`generate pairs: ${model.name}, ${cm.count} pairs, ${cm.mode}, ${describe(constraints, cm.mode)}`);
  try {
    const s = await runJob(lc, `Basepair: generating ${cm.count.toLocaleString('en-US')} pairs with ${model.name}`, workDoneToken, (token) =>
      lc.sendRequest(GeneratePairsRequest, params, token),
    );
    const m = s.metrics;
    const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
    output.appendLine(
      `generate pairs: kept ${s.pairs.length} of ${s.drawn} drawn in ${s.seconds.toFixed(1)} s; validity ${pct(m.validity)}${m.ruleValidity !== undefined ? `, rule ${pct(m.ruleValidity)}` : ''}, uniqueness ${pct(m.uniqueness)}, novelty ${pct(m.novelty)}, diversity A ${m.diversity.a.toFixed(3)} (reference ${m.diversity.referenceA.toFixed(3)}), B ${m.diversity.b.toFixed(3)} (reference ${m.diversity.referenceB.toFixed(3)}), 3-mer JSD A ${m.kmerJsd.a.toFixed(3)}, B ${m.kmerJsd.b.toFixed(3)}`,
    );
    PairsPanel.show(deps, generationToPairSet(s));
    if (s.pairs.length < cm.count) {
      void vscode.window.showWarningMessage(`Basepair: ${s.pairs.length} of the ${cm.count} pairs asked for passed the classifier and the constraints (${s.drawn} drawn).`);
    }
    return s;
  } catch (err) {
    if (err instanceof JobCancelled) {
      output.appendLine('generate pairs: cancelled');
      return undefined;
    }
    const message = errorMessage(err);
    output.appendLine(`generate pairs: ${message}`);
    void vscode.window.showErrorMessage(`Basepair: generating pairs failed: ${message}`);
    return undefined;
  }
}

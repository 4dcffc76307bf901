// The training panel: one webview panel (webview/training) with the live curves, metrics vs
// baselines, predicted-vs-measured and the verdict of each training job. It replays what the
// TrainingEventLog remembers when it (re)loads, so it needs no retainContextWhenHidden, and it is
// restored after a window reload by trainingPanelSerializer (viewType basepair.training).
import * as vscode from 'vscode';
import { CancelJobRequest } from '../../protocol/editor';
import { isMessage, type TrainingHostMessage, type TrainingPanelMessage } from '../../../webview/training/messages';
import type { BasepairClient } from '../languageClient';
import type { ActiveModelController } from '../models/activeModel';
import type { TrainingEventLog } from './trainingEventLog';
import { PanelHost } from './panelHost';
import { createPanel, PanelSerializer } from './panelSetup';

export const TRAINING_VIEW_TYPE = 'basepair.training';

export interface TrainingPanelDeps {
  context: vscode.ExtensionContext;
  client: BasepairClient;
  log: TrainingEventLog;
  activeModel: ActiveModelController;
  output: vscode.OutputChannel;
}

export class TrainingPanel extends PanelHost<TrainingHostMessage> {
  private static instance: TrainingPanel | undefined;

  static get current(): TrainingPanel | undefined {
    return TrainingPanel.instance;
  }

  static show(deps: TrainingPanelDeps): TrainingPanel {
    if (TrainingPanel.instance) {
      TrainingPanel.instance.panel.reveal(undefined, true);
      return TrainingPanel.instance;
    }
    return new TrainingPanel(createPanel(TRAINING_VIEW_TYPE, 'Basepair Training', deps.context.extensionUri), deps);
  }

  static restore(panel: vscode.WebviewPanel, deps: TrainingPanelDeps): TrainingPanel {
    TrainingPanel.instance?.dispose();
    return new TrainingPanel(panel, deps);
  }

  private constructor(
    panel: vscode.WebviewPanel,
    private readonly deps: TrainingPanelDeps,
  ) {
    super(panel, deps.context.extensionUri, { title: 'Basepair Training', script: 'training.js', styles: ['webview.css', 'training.css'] });
    TrainingPanel.instance = this;
    this.disposables.push(deps.log.onEvent((event) => this.send({ kind: 'event', event })));
  }

  protected async receive(raw: unknown): Promise<void> {
    if (!isMessage(raw)) return;
    const m = raw as TrainingPanelMessage;
    switch (m.kind) {
      case 'log':
        this.deps.output.appendLine(m.message);
        break;
      case 'ready':
        this.send({ kind: 'activeModel', dir: this.deps.activeModel.active?.dir ?? null });
        this.send({ kind: 'replay', events: this.deps.log.events() });
        break;
      case 'cancel':
        await this.deps.client.current?.sendRequest(CancelJobRequest, { jobId: m.jobId });
        break;
      case 'generatePairs':
        await vscode.commands.executeCommand('basepair.generatePairs', { modelDir: m.dir });
        break;
      case 'useModel': {
        const info = await this.deps.activeModel.set(m.dir);
        this.send({ kind: 'activeModel', dir: info?.dir ?? null });
        break;
      }
    }
  }

  protected override released(): void {
    if (TrainingPanel.instance === this) TrainingPanel.instance = undefined;
  }
}

/** Restores the panel after a window reload (activation event onWebviewPanel:basepair.training). */
export function trainingPanelSerializer(deps: TrainingPanelDeps): PanelSerializer<unknown> {
  return new PanelSerializer((panel) => TrainingPanel.restore(panel, deps));
}

// The training panel: one webview panel (webview/training) with the live curves, metrics vs
// baselines, predicted-vs-measured and the verdict of each training job. It replays what the
// TrainingEventLog remembers when it (re)loads, so it needs no retainContextWhenHidden, and it is
// restored after a window reload by TrainingPanelSerializer (viewType basepair.training).
import * as vscode from 'vscode';
import { CancelJobRequest } from '../../protocol/editor';
import { isMessage, type TrainingHostMessage, type TrainingPanelMessage } from '../../../webview/training/messages';
import type { BasepairClient } from '../languageClient';
import type { ActiveModelController } from '../models/activeModel';
import type { TrainingEventLog } from './trainingEventLog';
import { createPanel, preparePanel } from './panelSetup';

export const TRAINING_VIEW_TYPE = 'basepair.training';

export interface TrainingPanelDeps {
  context: vscode.ExtensionContext;
  client: BasepairClient;
  log: TrainingEventLog;
  activeModel: ActiveModelController;
  output: vscode.OutputChannel;
}

export class TrainingPanel implements vscode.Disposable {
  private static instance: TrainingPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];

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
    readonly panel: vscode.WebviewPanel,
    private readonly deps: TrainingPanelDeps,
  ) {
    TrainingPanel.instance = this;
    preparePanel(panel, deps.context.extensionUri, { title: 'Basepair Training', script: 'training.js', styles: ['webview.css', 'training.css'] });
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => {
        if (isMessage(m)) void this.onMessage(m as TrainingPanelMessage);
      }),
      deps.log.onEvent((event) => this.post({ kind: 'event', event })),
    );
  }

  private post(m: TrainingHostMessage): void {
    void this.panel.webview.postMessage(m);
  }

  private async onMessage(m: TrainingPanelMessage): Promise<void> {
    switch (m.kind) {
      case 'log':
        this.deps.output.appendLine(m.message);
        break;
      case 'ready':
        this.post({ kind: 'activeModel', dir: this.deps.activeModel.active?.dir ?? null });
        this.post({ kind: 'replay', events: this.deps.log.events() });
        break;
      case 'cancel':
        await this.deps.client.current?.sendRequest(CancelJobRequest, { jobId: m.jobId });
        break;
      case 'useModel': {
        const info = await this.deps.activeModel.set(m.dir);
        this.post({ kind: 'activeModel', dir: info?.dir ?? null });
        break;
      }
    }
  }

  dispose(): void {
    if (TrainingPanel.instance === this) TrainingPanel.instance = undefined;
    this.disposables.forEach((d) => d.dispose());
    this.panel.dispose();
  }
}

export class TrainingPanelSerializer implements vscode.WebviewPanelSerializer {
  constructor(private readonly deps: TrainingPanelDeps) {}

  async deserializeWebviewPanel(panel: vscode.WebviewPanel): Promise<void> {
    TrainingPanel.restore(panel, this.deps);
  }
}

// Connects the structure panel to the active regressor: whenever the panel shows a record or the
// active model changes, asks the server for the in-silico mutagenesis attribution of that record
// and colours the panel with it (or marks the mode unavailable when there is no model).
import * as vscode from 'vscode';
import { AttributionRequest } from '../../protocol/editor';
import type { BasepairClient } from '../languageClient';
import type { ActiveModelController } from '../models/activeModel';
import { StructurePanel, type ShownRecord } from './structurePanel';

export function linkAttribution(client: BasepairClient, activeModel: ActiveModelController, output: vscode.OutputChannel): vscode.Disposable {
  let last: ShownRecord | undefined;
  let request = 0;
  const update = async () => {
    const panel = StructurePanel.current;
    const record = last;
    if (!panel || !record) return;
    const model = activeModel.active;
    const lc = client.current;
    if (!model || !lc) {
      panel.setAttribution(null);
      return;
    }
    const mine = ++request;
    try {
      const r = await lc.sendRequest(AttributionRequest, { sequence: record.sequence, structure: record.structure });
      if (mine !== request || StructurePanel.current !== panel) return;
      panel.setAttribution(r ? r.values : null, r?.model.name);
    } catch (err) {
      output.appendLine(`attribution failed: ${err instanceof Error ? err.message : String(err)}`);
      if (mine === request) panel.setAttribution(null);
    }
  };
  return vscode.Disposable.from(
    StructurePanel.onDidShowRecord((r) => {
      last = r;
      void update();
    }),
    activeModel.onDidChange(() => void update()),
  );
}

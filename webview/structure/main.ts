// Entry point of the structure panel's webview bundle (dist/webview/structure.js): connects the
// VS Code webview API to the panel app. Everything else lives in the modules next to this one.
/// <reference lib="dom" />
import { createMessenger } from '../shared/vscodeApi';
import type { HostMessage, PanelMessage, StructurePanelState } from './messages';
import { PanelApp } from './panelApp';

const root = document.getElementById('app');
if (root) new PanelApp(root, createMessenger<HostMessage, PanelMessage, StructurePanelState>());

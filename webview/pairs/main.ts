// Entry point of the pairs panel's webview bundle (dist/webview/pairs.js).
/// <reference lib="dom" />
import { createMessenger } from '../shared/vscodeApi';
import type { PairsHostMessage, PairsPanelMessage, PairsPanelState } from './messages';
import { PairsApp } from './pairsApp';

const root = document.getElementById('app');
if (root) new PairsApp(root, createMessenger<PairsHostMessage, PairsPanelMessage, PairsPanelState>());

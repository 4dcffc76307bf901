// Entry point of the training panel's webview bundle (dist/webview/training.js).
/// <reference lib="dom" />
import { createMessenger } from '../shared/vscodeApi';
import type { TrainingHostMessage, TrainingPanelMessage, TrainingPanelState } from './messages';
import { TrainingApp } from './trainingApp';

const root = document.getElementById('app');
if (root) new TrainingApp(root, createMessenger<TrainingHostMessage, TrainingPanelMessage, TrainingPanelState>());

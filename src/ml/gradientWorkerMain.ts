// Entry of a gradient worker thread (bundled as dist/gradientWorker.js): registers every custom layer
// and every training objective, then serves shard gradients to the training thread (engine/gradientWorker).
import { parentPort } from 'node:worker_threads';
import './layers';
import './pairs/layers';
import './regressor/regressionTask';
import './pairs/classifierTask';
import './pairs/generator/generatorTask';
import { serveGradients } from './engine/gradientWorker';

if (!parentPort) throw new Error('the gradient worker must run in a worker thread');
serveGradients(parentPort);

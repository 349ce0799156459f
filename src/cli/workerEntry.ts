/**
 * The batch pool's worker script (dist/jianding-worker.mjs): the task from the one-shot
 * script and its code cache where they fit the batch's V8 flags (a small batch), else from
 * the worker's own module bundle.
 */
import { workerData } from 'node:worker_threads';
import type { BatchWorkerData } from './batchWorker.js';
import { START_PATH_ZH, STARTUP_REPORT_ENV, workerTaskFromCodeCache } from './codeCache.js';

const cached = workerTaskFromCodeCache((workerData as BatchWorkerData).v8Flags);
if (process.env[STARTUP_REPORT_ENV] === '1') process.stderr.write(`批量子线程${START_PATH_ZH[cached?.started ?? 'module bundle']}\n`);

export default cached?.task ?? (await import('./batchWorker.js')).renderTask;

/**
 * The one-shot script's entry (dist/jianding-oneshot.cjs, src/cli/codeCache.ts): the CLI on
 * the main thread; in a small batch's worker thread, the worker's task, so that the workers
 * start from the same code cache as a single render.
 */
import { isMainThread } from 'node:worker_threads';
import { runCli } from './main.js';

export { renderTask } from './batchWorker.js';

if (isMainThread) runCli();

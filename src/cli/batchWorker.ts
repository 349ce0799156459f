/** A worker thread of the batch pool: renders one case file and reports the result. */
import { isMainThread, workerData } from 'node:worker_threads';
import { renderFile, type RenderFileOptions, type RenderFileResult } from './renderFile.js';
import { useSharedFonts, type SharedFonts } from './sharedFonts.js';

/** What the batch hands each worker (commands/batch.ts). */
export interface BatchWorkerData {
  fonts: SharedFonts;
  /** The V8 flags the batch set, for the code cache's check. */
  v8Flags: string[];
}

if (!isMainThread) useSharedFonts((workerData as BatchWorkerData | undefined)?.fonts);

export async function renderTask(task: { file: string; options: RenderFileOptions }): Promise<RenderFileResult> {
  return renderFile(task.file, task.options);
}

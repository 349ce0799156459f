/** A worker thread of the batch pool: renders one case file and reports the result. */
import { workerData } from 'node:worker_threads';
import { renderFile, type RenderFileOptions, type RenderFileResult } from './renderFile.js';
import { useSharedFonts, type SharedFonts } from './sharedFonts.js';

useSharedFonts((workerData as { fonts?: SharedFonts } | undefined)?.fonts);

export default async function renderTask(task: { file: string; options: RenderFileOptions }): Promise<RenderFileResult> {
  return renderFile(task.file, task.options);
}

/** A worker thread of the batch pool: renders one case file and reports the result. */
import { renderFile, type RenderFileOptions, type RenderFileResult } from './renderFile.js';

export default async function renderTask(task: { file: string; options: RenderFileOptions }): Promise<RenderFileResult> {
  return renderFile(task.file, task.options);
}

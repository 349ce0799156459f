/** jianding render <file> [--format docx,pdf] [--out DIR] [--templates DIR] [--draft|--final] [--force] [--sample] */
import { renderFile, type RenderFileOptions } from '../renderFile.js';
import { t, type Lang } from '../i18n.js';
import { formatDiagnostics } from '../printDiagnostics.js';

export async function renderCommand(file: string, options: RenderFileOptions, lang: Lang): Promise<number> {
  const r = await renderFile(file, options);
  if (r.diagnostics.length) process.stderr.write(`${formatDiagnostics(file, r.diagnostics, lang)}\n`);
  if (r.failure) process.stderr.write(`${file}  ${t('error', lang)}  ${lang === 'en' ? r.failure.messageEn : r.failure.message}\n`);
  if (r.written.length) process.stdout.write(`${r.written.map((w) => `${t('written', lang)} ${w}`).join('\n')}\n`);
  else process.stderr.write(`${t('nothingWritten', lang)}\n`);
  return r.exitCode;
}

/** jianding render <file> [--format docx,pdf] [--out DIR] [--templates DIR] [--draft|--final] [--force] [--correction REASON] [--sample] */
import { renderFile, type RenderFileOptions, type RenderFileResult } from '../renderFile.js';
import { t, type Lang } from '../i18n.js';
import { formatDiagnostics } from '../printDiagnostics.js';

function report(r: RenderFileResult, lang: Lang): void {
  const title = r.version && (lang === 'en' ? r.version.titleEn : r.version.title);
  if (r.outcome === 'written') {
    process.stdout.write(`${r.written.map((w) => `${t('written', lang)} ${w}`).join('\n')}\n`);
    process.stdout.write(`${lang === 'en' ? 'version' : '版本'} ${r.version!.seq}：${title}\n`);
  } else if (r.outcome === 'upToDate' || r.outcome === 'issued') {
    process.stdout.write(`${title}：${t(r.outcome, lang)}：${r.version!.files.join('、')}\n`);
  } else {
    process.stderr.write(`${t('nothingWritten', lang)}\n`);
  }
  if (r.notice) process.stderr.write(`${t('warning', lang)}：${r.notice}\n`);
}

export async function renderCommand(file: string, options: RenderFileOptions, lang: Lang): Promise<number> {
  const r = await renderFile(file, options);
  if (r.diagnostics.length) process.stderr.write(`${formatDiagnostics(file, r.diagnostics, lang)}\n`);
  if (r.failure) process.stderr.write(`${file}  ${t('error', lang)}  ${lang === 'en' ? r.failure.messageEn : r.failure.message}\n`);
  report(r, lang);
  return r.exitCode;
}

/**
 * jianding batch <dir or files…> --out DIR [--jobs N] [--sample]: a worker pool over the cores,
 * a progress bar on a terminal (plain lines otherwise), a summary table at the end.
 * One bad case does not stop the others; exit 1 if any failed.
 */
import os from 'node:os';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { Piscina } from 'piscina';
import { EXIT } from '../errors.js';
import { caseFilesIn } from '../files.js';
import type { Lang } from '../i18n.js';
import { formatDiagnostics } from '../printDiagnostics.js';
import type { RenderFileOptions, RenderFileResult } from '../renderFile.js';
import { shareFonts } from '../sharedFonts.js';
import { isUpToDate } from '../upToDate.js';
import { TOOL_VERSION } from '../version.js';

/** Room for a case far larger than any real one (100,000-character paragraphs, 1,000 treatment entries). */
const WORKER_HEAP_MB = 512;
const WORKER_YOUNG_MB = 16;

interface Row { file: string; result: '已生成' | '已是最新' | '失败'; pages: string; warnings: number; reason: string }

function progress(total: number) {
  if (!process.stderr.isTTY) {
    let done = 0;
    return { tick: (file: string, ok: boolean) => process.stderr.write(`[${++done}/${total}] ${ok ? '完成' : '失败'} ${file}\n`), stop: () => {} };
  }
  const bar = new cliProgress.SingleBar({ format: '生成中 [{bar}] {value}/{total} {file}', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic);
  bar.start(total, 0, { file: '' });
  return { tick: (file: string) => bar.increment({ file: path.basename(file) }), stop: () => bar.stop() };
}

function rowOf(r: RenderFileResult, lang: Lang): Row {
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  const failed = r.exitCode !== EXIT.ok;
  const reason = r.failure ? (lang === 'en' ? r.failure.messageEn : r.failure.message) : errors.map((d) => d.code).join(', ');
  return { file: path.basename(r.file), result: failed ? '失败' : '已生成', pages: r.pages === null ? '' : String(r.pages), warnings: r.diagnostics.length - errors.length, reason };
}

function summary(rows: Row[]): string {
  const lines = [['文件', '结果', '页数', '警告', '原因'].join('\t'), ...rows.map((r) => [r.file, r.result, r.pages, r.warnings, r.reason].join('\t'))];
  const count = (k: Row['result']) => rows.filter((r) => r.result === k).length;
  lines.push(`共 ${rows.length} 件：已生成 ${count('已生成')}，已是最新 ${count('已是最新')}，失败 ${count('失败')}`);
  return lines.join('\n');
}

export async function batchCommand(inputs: string[], options: RenderFileOptions & { jobs?: number }, lang: Lang): Promise<number> {
  const files = caseFilesIn(inputs);
  const jobs = Math.max(1, Math.min(options.jobs ?? os.availableParallelism(), files.length || 1));
  const pool = new Piscina({
    filename: new URL('../batchWorker.js', import.meta.url).href, maxThreads: jobs, minThreads: jobs,
    // Every render lays the document out (the DOCX takes its page count from the typesetter), so all need fonts.
    workerData: { fonts: shareFonts(options.fonts) },
    // Bounded heaps make V8 collect early: a 1,000-case batch peaks near 370 MB instead of 650 MB,
    // for about 8% of throughput (measured; see README, 基准测试).
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
  });
  // A worker that dies (out of memory, say) fails its case; the pool replaces it and the batch goes on.
  pool.on('error', () => {});
  let interrupted = false;
  const onSigint = () => { interrupted = true; void pool.close({ force: true }); };
  process.once('SIGINT', onSigint);
  const bar = progress(files.length);
  const rows: Row[] = [];
  const { jobs: _jobs, ...renderOptions } = options;
  await Promise.all(files.map(async (file) => {
    const manifest = path.join(options.out, `${path.basename(file).replace(/\.(ya?ml|json)$/i, '')}.manifest.json`);
    if (!options.force && isUpToDate(file, manifest, { version: TOOL_VERSION, sample: options.sample ?? false, formats: options.formats, status: options.status, templatesDir: options.templatesDir })) {
      rows.push({ file: path.basename(file), result: '已是最新', pages: '', warnings: 0, reason: '' });
      bar.tick(file, true);
      return;
    }
    try {
      const r = (await pool.run({ file, options: renderOptions })) as RenderFileResult;
      if (r.diagnostics.length) process.stderr.write(`${formatDiagnostics(file, r.diagnostics, lang)}\n`);
      rows.push(rowOf(r, lang));
      bar.tick(file, r.exitCode === EXIT.ok);
    } catch (e) {
      if (interrupted) return;
      rows.push({ file: path.basename(file), result: '失败', pages: '', warnings: 0, reason: (e as Error).message.split('\n')[0]! });
      bar.tick(file, false);
    }
  }));
  bar.stop();
  process.removeListener('SIGINT', onSigint);
  await pool.destroy();
  rows.sort((a, b) => a.file.localeCompare(b.file));
  process.stdout.write(`${summary(rows)}\n`);
  if (interrupted) {
    process.stderr.write('已中断：已完成的文书完整保留，重新运行同一命令可继续生成其余案件。\n');
    return 130;
  }
  return rows.some((r) => r.result === '失败') ? EXIT.invalid : EXIT.ok;
}

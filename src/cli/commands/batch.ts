/**
 * jianding batch <dir or files…> --out DIR [--jobs N] [--sample]: a worker pool over the cores,
 * a progress bar on a terminal (plain lines otherwise), a summary table at the end.
 * One bad case does not stop the others; exit 1 if any failed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import cliProgress from 'cli-progress';
import { Piscina } from 'piscina';
import { EXIT } from '../errors.js';
import { caseFilesIn } from '../files.js';
import { checkInstitutionFonts } from '../fontErrors.js';
import type { Lang } from '../i18n.js';
import { formatDiagnostics } from '../printDiagnostics.js';
import type { RenderFileOptions, RenderFileResult } from '../renderFile.js';
import { shareFonts } from '../sharedFonts.js';
import { batchV8Flags } from '../startup.js';
import { closeRegisters, recoverStale, registerFor, registerPath } from '../../register/index.js';

/** Room for a case far larger than any real one (100,000-character paragraphs, 1,000 treatment entries). */
const WORKER_HEAP_MB = 512;
const WORKER_YOUNG_MB = 32;
const INTERRUPTED = 130;

interface Row { file: string; result: '已生成' | '已是最新' | '已签发' | '失败'; pages: string; warnings: number; reason: string }

const RESULT = { written: '已生成', upToDate: '已是最新', issued: '已签发', invalid: '失败', failed: '失败' } as const;

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
  const reason = r.failure ? (lang === 'en' ? r.failure.messageEn : r.failure.message) : errors.map((d) => d.code).join(', ');
  const result = r.exitCode !== EXIT.ok ? '失败' : RESULT[r.outcome];
  return { file: path.basename(r.file), result, pages: r.pages === null ? '' : String(r.pages), warnings: r.diagnostics.length - errors.length, reason };
}

function summary(rows: Row[]): string {
  const lines = [['文件', '结果', '页数', '警告', '原因'].join('\t'), ...rows.map((r) => [r.file, r.result, r.pages, r.warnings, r.reason].join('\t'))];
  const count = (k: Row['result']) => rows.filter((r) => r.result === k).length;
  const issued = count('已签发') ? `，已签发未重新生成 ${count('已签发')}` : '';
  lines.push(`共 ${rows.length} 件：已生成 ${count('已生成')}，已是最新 ${count('已是最新')}${issued}，失败 ${count('失败')}`);
  return lines.join('\n');
}

type Options = RenderFileOptions & { jobs?: number };

/** The worker script: the bundled one when this is bundled code (dist/*.mjs), else the compiled module. */
function workerScript(): string {
  const bundled = import.meta.url.endsWith('.mjs');
  return new URL(bundled ? './jianding-worker.mjs' : '../batchWorker.js', import.meta.url).href;
}

function workerPool(jobs: number, options: Options): Piscina {
  const pool = new Piscina({
    filename: workerScript(), maxThreads: jobs, minThreads: jobs,
    // Every render lays the document out (the DOCX takes its page count from the typesetter), so all need fonts.
    workerData: { fonts: shareFonts(options.fonts) },
    // Bounded heaps make V8 collect early: a 1,000-case batch peaks near 370 MB instead of over 500 MB.
    // A 32 MB young generation is the largest that stays there; 16 MB cost about 10% more CPU (README, 基准测试).
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
  });
  // A worker that dies (out of memory, say) fails its case; the pool replaces it and the batch goes on.
  pool.on('error', () => {});
  return pool;
}

/** Renders one case in the pool (the register tells a worker when it is up to date); never throws. */
async function renderOne(pool: Piscina, file: string, options: Options, lang: Lang, interrupted: () => boolean): Promise<Row | undefined> {
  const { jobs: _jobs, ...renderOptions } = options;
  try {
    const r = (await pool.run({ file, options: renderOptions })) as RenderFileResult;
    if (r.diagnostics.length) process.stderr.write(`${formatDiagnostics(file, r.diagnostics, lang)}\n`);
    return rowOf(r, lang);
  } catch (e) {
    if (interrupted()) return undefined;
    return { file: path.basename(file), result: '失败', pages: '', warnings: 0, reason: (e as Error).message.split('\n')[0]! };
  }
}

/** Workers stopped by Ctrl-C may have left reservations and temporary files: they are this run's own. */
function releaseOwnReservations(options: Options): void {
  if (!fs.existsSync(registerPath(options.out, options.register))) return;
  try {
    const reg = registerFor(options.out, options.register);
    reg.db.transaction(() => recoverStale(reg.db, reg.dir, { ownProcess: true })).immediate();
    closeRegisters();
  } catch {
    // No register yet (nothing was rendered) or it cannot be opened: nothing of ours to release.
  }
}

/**
 * Exit 0 when every case rendered, 1 when any failed, 2 on usage errors, and 130 — the shell's
 * convention for Ctrl-C — when interrupted.
 */
export async function batchCommand(inputs: string[], options: Options, lang: Lang): Promise<number> {
  const files = caseFilesIn(inputs);
  for (const flag of batchV8Flags(files.length)) v8.setFlagsFromString(flag);
  const pool = workerPool(Math.max(1, Math.min(options.jobs ?? os.availableParallelism(), files.length || 1)), options);
  // While the workers start.
  await checkInstitutionFonts(options.fonts).catch(async (e: unknown) => {
    await pool.destroy();
    throw e;
  });
  let interrupted = false;
  let closing: Promise<void> = Promise.resolve();
  const onSigint = () => { interrupted = true; closing = pool.close({ force: true }); };
  process.once('SIGINT', onSigint);
  const bar = progress(files.length);
  const rows: Row[] = [];
  await Promise.all(files.map(async (file) => {
    const row = await renderOne(pool, file, options, lang, () => interrupted);
    if (!row) return;
    rows.push(row);
    bar.tick(file, row.result !== '失败');
  }));
  bar.stop();
  process.removeListener('SIGINT', onSigint);
  // Workers must be gone before their reservations are released, or one could still be writing.
  await closing.catch(() => {});
  await pool.destroy();
  releaseOwnReservations(options);
  process.stdout.write(`${summary(rows.sort((a, b) => a.file.localeCompare(b.file)))}\n`);
  if (interrupted) {
    process.stderr.write('已中断：已完成的文书完整保留，重新运行同一命令可继续生成其余案件。\n');
    return INTERRUPTED;
  }
  return rows.some((r) => r.result === '失败') ? EXIT.invalid : EXIT.ok;
}

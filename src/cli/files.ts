/** File I/O at the edge: reading case files safely and writing outputs atomically. */
import fs from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { describeReadError, ReadFileError, readRegularFile } from '../io/readRegularFile.js';
import { UsageError } from './errors.js';

/** Larger case files are refused before they are read (a real case is well under 1 MB). */
export const MAX_CASE_BYTES = 8 * 1024 * 1024;

/** A file a command names (a document, an image, a certificate): regular, bounded, refused in Chinese. */
export function readBoundedFile(file: string, max: number, what: string): Uint8Array {
  try {
    return readRegularFile(file, max);
  } catch (e) {
    if (!(e instanceof ReadFileError)) throw e;
    const { zh, en } = describeReadError(e, what, what);
    throw new UsageError(zh, en);
  }
}

/** A case file's bytes: a regular file (or a symlink to one) of at most MAX_CASE_BYTES. */
export function readCaseBytes(file: string): Uint8Array {
  try {
    return readRegularFile(file, MAX_CASE_BYTES);
  } catch (e) {
    if (!(e instanceof ReadFileError)) throw e;
    const { zh, en } = describeReadError(e, '案件文件', 'Case file');
    if (e.problem === 'directory') throw new UsageError(`${zh}（批量处理请用 jianding batch）`, `${en} (use jianding batch)`);
    throw new UsageError(zh, en);
  }
}

const CASE_FILE = /\.(ya?ml|json)$/i;
/** What jianding itself writes next to cases: a batch whose --out is its input folder must not read these back. */
const OWN_OUTPUT = /\.manifest\.json$/i;

/** A case file by its name: YAML or JSON, and not one of jianding's own outputs. */
export const isCaseFileName = (f: string): boolean => CASE_FILE.test(f) && !OWN_OUTPUT.test(f);

/** The name a case's outputs take: case.yaml → case.docx, case.pdf, case.manifest.json. */
export function outputBaseName(file: string): string {
  return path.basename(file).replace(CASE_FILE, '');
}

/** Case files in a folder (or the given files), sorted, JSON and YAML only; no two may share output names. */
export function caseFilesIn(inputs: string[]): string[] {
  const files = inputs.flatMap((input) => {
    if (!fs.existsSync(input)) throw new UsageError(`找不到：${input}`, `Not found: ${input}`);
    if (!fs.statSync(input).isDirectory()) return [input];
    return fs.readdirSync(input).filter(isCaseFileName).sort().map((f) => path.join(input, f));
  });
  const seen = new Map<string, string>();
  for (const file of files) {
    const other = seen.get(outputBaseName(file));
    if (other) throw new UsageError(`${other} 与 ${file} 会生成同名文书（${outputBaseName(file)}.*），请改名其中之一`, `${other} and ${file} would write the same outputs; rename one`);
    seen.set(outputBaseName(file), file);
  }
  return files;
}

export function ensureDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new UsageError(`无法写入输出文件夹：${dir}`, `Output folder is not writable: ${dir}`);
  }
}

const ENOSPC_HINT = { ENOSPC: '磁盘已满', EACCES: '没有写入权限', EPERM: '不允许写入', EROFS: '文件系统只读' } as const;

function writeFailure(file: string, e: unknown): UsageError {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  const hint = ENOSPC_HINT[code as keyof typeof ENOSPC_HINT];
  return new UsageError(`写入 ${file} 失败：${hint ? `${hint}（${code}）` : code || (e as Error).message}；未改动任何已有文件`, `Writing ${file} failed (${code}); no existing file was changed`);
}

/**
 * Writes files atomically: each goes to a temporary file in the same folder first, and only
 * when every one is complete are they renamed, in order. A failed or interrupted write (a full
 * disk, Ctrl-C) never leaves a half-written file under a final name; should a rename itself
 * fail — very rare on one folder — the files renamed before it stay, and no temporary is left.
 */
export function writeAllAtomic(files: { file: string; data: Uint8Array | string }[]): void {
  const staged: { tmp: string; file: string }[] = [];
  const discard = (from: number) => staged.slice(from).forEach(({ tmp }) => fs.rmSync(tmp, { force: true }));
  try {
    for (const { file, data } of files) {
      const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${threadId}.tmp`);
      staged.push({ tmp, file });
      fs.writeFileSync(tmp, data);
    }
  } catch (e) {
    discard(0);
    throw writeFailure(staged.at(-1)?.file ?? '', e);
  }
  staged.forEach(({ tmp, file }, i) => {
    try {
      fs.renameSync(tmp, file);
    } catch (e) {
      discard(i);
      throw writeFailure(file, e);
    }
  });
}

export function writeAtomic(file: string, data: Uint8Array | string): void {
  writeAllAtomic([{ file, data }]);
}

/**
 * Reading a file the user names, safely: regular files only (a symlink to one is fine), and
 * never more than a byte limit. `stat.size` alone is not enough — a FIFO blocks the read until
 * a writer appears and /dev/zero reports size 0 yet never ends — so the file is opened without
 * blocking, checked on the open descriptor (no race with a swap after a stat) and read up to
 * limit + 1 bytes.
 */
import fs from 'node:fs';

export type ReadProblem = 'missing' | 'directory' | 'notRegular' | 'tooLarge' | 'unreadable';

export class ReadFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: ReadProblem,
    readonly detail: { limit?: number; size?: number; code?: string } = {},
  ) {
    super(`${file}: ${problem}`);
  }
}

// O_NONBLOCK makes open() of a FIFO return at once instead of waiting for a writer; it changes
// nothing for regular files. Windows has no FIFOs and no such flag.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

function openChecked(file: string): number {
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ReadFileError(file, 'missing');
    if (code === 'EISDIR') throw new ReadFileError(file, 'directory');
    // ENXIO: a socket, or a FIFO opened for writing; either way not a file to read.
    if (code === 'ENXIO') throw new ReadFileError(file, 'notRegular');
    throw new ReadFileError(file, 'unreadable', { code });
  }
  const stat = fs.fstatSync(fd);
  if (stat.isFile()) return fd;
  fs.closeSync(fd);
  throw new ReadFileError(file, stat.isDirectory() ? 'directory' : 'notRegular');
}

/** The file's bytes, or a ReadFileError saying why not. Reads at most `limit` + 1 bytes. */
export function readRegularFile(file: string, limit: number): Uint8Array {
  const fd = openChecked(file);
  try {
    const size = fs.fstatSync(fd).size;
    if (size > limit) throw new ReadFileError(file, 'tooLarge', { limit, size });
    // The file may grow between fstat and read: read one byte past the limit to notice.
    const buffer = Buffer.allocUnsafe(Math.min(size, limit) + 1);
    let read = 0;
    for (;;) {
      const n = readSome(fd, buffer, read, file);
      if (n === 0) break;
      read += n;
      if (read > limit) throw new ReadFileError(file, 'tooLarge', { limit, size: read });
      if (read === buffer.length) break;
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, read);
  } finally {
    fs.closeSync(fd);
  }
}

function readSome(fd: number, buffer: Buffer, offset: number, file: string): number {
  try {
    return fs.readSync(fd, buffer, offset, buffer.length - offset, null);
  } catch (e) {
    throw new ReadFileError(file, 'unreadable', { code: (e as NodeJS.ErrnoException).code });
  }
}

const MB = 1024 * 1024;
const mb = (n: number) => `${(n / MB).toFixed(n % MB === 0 ? 0 : 1)} MB`;

/** Chinese and English wording of a read problem, for a file of the given kind (案件文件, 字体文件, …). */
export function describeReadError(e: ReadFileError, kindZh: string, kindEn: string): { zh: string; en: string } {
  const { file, detail } = e;
  switch (e.problem) {
    case 'missing':
      return { zh: `找不到${kindZh}：${file}`, en: `${kindEn} not found: ${file}` };
    case 'directory':
      return { zh: `${file} 是文件夹，不是${kindZh}`, en: `${file} is a directory, not a ${kindEn.toLowerCase()}` };
    case 'notRegular':
      return {
        zh: `${kindZh} ${file} 不是普通文件（FIFO/设备/套接字），jianding 只读取普通文件`,
        en: `${kindEn} ${file} is not a regular file (FIFO/device/socket); jianding reads regular files only`,
      };
    case 'tooLarge':
      return {
        zh: `${kindZh}过大（${mb(detail.size ?? 0)}，上限 ${mb(detail.limit ?? 0)}）：${file}`,
        en: `${kindEn} too large (${detail.size} bytes, limit ${detail.limit}): ${file}`,
      };
    default:
      return { zh: `无法读取${kindZh} ${file}：${detail.code ?? ''}`, en: `Cannot read ${kindEn.toLowerCase()} ${file} (${detail.code ?? ''})` };
  }
}

/** Checks, without reading it, that a file is regular and within the limit (for files read later, e.g. fonts). */
export function checkRegularFile(file: string, limit: number): void {
  const fd = openChecked(file);
  try {
    const size = fs.fstatSync(fd).size;
    if (size > limit) throw new ReadFileError(file, 'tooLarge', { limit, size });
  } finally {
    fs.closeSync(fd);
  }
}

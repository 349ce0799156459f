/**
 * Why the register refused or failed: a usage or I/O problem (exit 2 at the CLI), never a
 * defect of the case. Carries both languages like the CLI's own errors.
 */
export class RegisterError extends Error {
  /** `correctable`: a final stands in the way, and a corrected version (更正/补正) is the way forward. */
  constructor(message: string, readonly messageEn = message, readonly correctable = false) {
    super(message);
  }
}

const SQLITE_HINT: Record<string, string> = {
  SQLITE_FULL: '磁盘已满', SQLITE_READONLY: '文件系统只读或没有写入权限', SQLITE_CANTOPEN: '无法创建或打开文件',
  SQLITE_IOERR: '读写错误', SQLITE_CORRUPT: '文件已损坏', SQLITE_NOTADB: '不是 SQLite 数据库', SQLITE_BUSY: '另一进程长时间占用',
};

const codeOf = (e: unknown) => String((e as { code?: unknown }).code ?? '');

/** What an SQLite error code means to the user (SQLITE_IOERR_WRITE reads as SQLITE_IOERR). */
export function sqliteHint(e: unknown): string {
  const code = codeOf(e);
  return SQLITE_HINT[code] ?? SQLITE_HINT[code.split('_').slice(0, 2).join('_')] ?? (e as Error).message;
}

/** An SQLite failure (better-sqlite3's SqliteError) in the user's words, or undefined for anything else. */
export function sqliteFailure(e: unknown, file: string): RegisterError | undefined {
  if ((e as Error | undefined)?.name !== 'SqliteError') return undefined;
  const code = codeOf(e);
  const hint = sqliteHint(e);
  return new RegisterError(`登记簿 ${file} 写入失败：${hint}（${code}）；本次未提交任何文书，已有的文书均未改动`, `The register ${file} failed: ${(e as Error).message} (${code}); nothing was committed`);
}

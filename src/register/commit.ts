/**
 * The one commit point. Outputs are written under temporary names and synced, renamed to the
 * names the reservation recorded, the folder synced, and only then is the version committed in
 * one transaction. A crash before the commit leaves a pending reservation that the next run
 * removes with its files; after it, the version is complete. On any failure here the
 * reservation is withdrawn and every file it wrote removed, so "nothing written" is true.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './database.js';
import { syncFolder, testPause, writeDurable } from './durable.js';
import { RegisterError } from './errors.js';
import { sha256 } from './hash.js';
import { tempFileName, type Format } from './naming.js';
import { releaseUnusedNumbers, removePendingFile } from './recover.js';
import type { Write } from './reserve.js';

export interface VersionMeta {
  templates: Record<string, string>;
  pages: number;
  warnings: number;
  /** The document's fingerprint and its 查询校验码 (pipeline/fingerprint.ts). */
  fingerprint?: string;
  verificationCode?: string;
}

const HINT: Record<string, string> = { ENOSPC: '磁盘已满', EACCES: '没有写入权限', EPERM: '不允许写入', EROFS: '文件系统只读', EISDIR: '同名的是文件夹', EEXIST: '已有同名文件' };

function writeFailure(file: string, e: unknown): RegisterError {
  if (e instanceof RegisterError) return e;
  const code = (e as NodeJS.ErrnoException).code ?? '';
  const hint = HINT[code];
  return new RegisterError(`写入 ${file} 失败：${hint ? `${hint}（${code}）` : code || (e as Error).message}；本次没有留下任何文件，已有的文书均未改动`,
    `Writing ${file} failed (${code || (e as Error).message}); nothing of this run was left, no existing document was changed`);
}

/** Withdraws a reservation: its files (renamed or temporary) and rows go; committed data stays. */
export function abortReservation(db: Db, dir: string, r: Write, renamed?: Set<string>): void {
  db.transaction(() => {
    for (const f of r.files) {
      const row = db.prepare("SELECT owner FROM files WHERE id = ? AND state = 'pending'").get(f.id) as { owner: string } | undefined;
      if (!row || !row.owner.includes(r.owner.token)) continue;
      removePendingFile(dir, f.file, r.owner, renamed ? renamed.has(f.file) : true);
      db.prepare('DELETE FROM files WHERE id = ?').run(f.id);
    }
    if (r.newVersion) db.prepare("DELETE FROM versions WHERE id = ? AND state = 'pending'").run(r.versionId);
    releaseUnusedNumbers(db);
  }).immediate();
}

function stillOurs(db: Db, r: Write): boolean {
  const owners = r.files.map((f) => (db.prepare("SELECT owner FROM files WHERE id = ? AND state = 'pending'").get(f.id) as { owner: string } | undefined)?.owner);
  const version = r.newVersion ? (db.prepare("SELECT owner FROM versions WHERE id = ? AND state = 'pending'").get(r.versionId) as { owner: string } | undefined)?.owner : r.owner.token;
  return [...owners, version].every((o) => o?.includes(r.owner.token));
}

function commit(db: Db, r: Write, outputs: Map<Format, Uint8Array>, meta: VersionMeta): void {
  db.transaction(() => {
    if (!stillOurs(db, r)) throw new RegisterError('登记簿中本次的预留已不存在（另一进程把它当作中断的生成清除了）；请重新生成', 'This run\'s reservation was cleared by another process; render again');
    for (const f of r.files) {
      const bytes = outputs.get(f.format)!;
      db.prepare("UPDATE files SET state = 'committed', owner = NULL, sha256 = ?, bytes = ? WHERE id = ?").run(sha256(bytes), bytes.length, f.id);
    }
    if (r.newVersion) {
      db.prepare("UPDATE versions SET state = 'committed', owner = NULL, committed_at = ?, templates = ?, pages = ?, warnings = ?, fingerprint = ?, verification_code = ? WHERE id = ?")
        .run(new Date().toISOString(), JSON.stringify(meta.templates), meta.pages, meta.warnings, meta.fingerprint ?? null, meta.verificationCode ?? null, r.versionId);
    }
  }).immediate();
}

/** Writes the reserved files and commits the version; returns the paths written. */
export function writeAndCommit(db: Db, dir: string, r: Write, outputs: Map<Format, Uint8Array>, meta: VersionMeta): string[] {
  let current = '';
  const renamed = new Set<string>();
  try {
    for (const f of r.files) {
      current = f.file;
      writeDurable(path.join(dir, tempFileName(f.file, r.owner.token)), outputs.get(f.format)!);
    }
    for (const f of r.files) {
      current = f.file;
      // The reservation checked that the name was free; a file appearing since is not ours to replace.
      if (fs.existsSync(path.join(dir, f.file))) throw Object.assign(new Error('exists'), { code: fs.statSync(path.join(dir, f.file)).isDirectory() ? 'EISDIR' : 'EEXIST' });
      fs.renameSync(path.join(dir, tempFileName(f.file, r.owner.token)), path.join(dir, f.file));
      renamed.add(f.file);
      testPause(`renamed ${f.file}`);
    }
    syncFolder(dir);
    testPause('commit');
    commit(db, r, outputs, meta);
  } catch (e) {
    // An SQLite failure is passed on as it is: the caller knows the register's path and says it in Chinese.
    const failure = (e as Error).name === 'SqliteError' ? e : writeFailure(current, e);
    // Files first: removing them needs no database, which may be the thing that failed (a full disk).
    for (const f of r.files) removePendingFile(dir, f.file, r.owner, renamed.has(f.file));
    try {
      abortReservation(db, dir, r, new Set());
    } catch {
      // The pending rows stay; the next run removes them (their files are already gone).
    }
    throw failure;
  }
  return r.files.map((f) => path.join(dir, f.file));
}

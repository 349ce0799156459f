/**
 * Crash recovery. A reservation whose owner is gone left at most: temporary files, files
 * renamed under names the register reserved, and pending rows. All of them are this tool's
 * own (the register recorded the names before anything was written), so they are removed;
 * committed versions and every file the register does not name are never touched.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from './database.js';
import { isPlainFileName, tempFileName } from './naming.js';
import { ownerAlive, parseOwner, type Owner } from './owner.js';

interface PendingFile { id: number; file: string; owner: string | null; folder: string }
interface PendingVersion { id: number; owner: string | null }

export interface RecoverOptions {
  /** Also this process's own reservations: a batch whose workers were stopped (Ctrl-C). */
  ownProcess?: boolean;
}

function stale(owner: Owner | undefined, o: RecoverOptions): boolean {
  if (!owner) return true;
  if (o.ownProcess && owner.pid === process.pid && owner.host === os.hostname()) return true;
  return !ownerAlive(owner);
}

/**
 * Removes a pending file's temporary and, unless told it was never renamed into place, the
 * file itself — inside the case's folder only, and only a regular file.
 */
export function removePendingFile(dir: string, file: string, owner: Owner | undefined, renamed = true): void {
  if (!isPlainFileName(file)) return;
  const target = path.join(dir, file);
  if (renamed && fs.lstatSync(target, { throwIfNoEntry: false })?.isFile()) fs.rmSync(target, { force: true });
  if (owner) fs.rmSync(path.join(dir, tempFileName(file, owner.token)), { force: true });
}

/** Forgets document numbers that no version of their case uses any more. */
export function releaseUnusedNumbers(db: Db): void {
  db.prepare('DELETE FROM numbers WHERE NOT EXISTS (SELECT 1 FROM versions v WHERE v.case_id = numbers.case_id AND v.document_number = numbers.document_number)').run();
}

/** Call inside a write transaction. Returns how many stale files and versions were removed. */
export function recoverStale(db: Db, registerDir: string, o: RecoverOptions = {}): number {
  let removed = 0;
  const files = db.prepare(`SELECT f.id, f.file, f.owner, c.folder FROM files f JOIN versions v ON v.id = f.version_id
    JOIN cases c ON c.id = v.case_id WHERE f.state = 'pending'`).all() as PendingFile[];
  for (const f of files) {
    const owner = parseOwner(f.owner);
    if (!stale(owner, o)) continue;
    removePendingFile(path.resolve(registerDir, f.folder), f.file, owner);
    db.prepare('DELETE FROM files WHERE id = ?').run(f.id);
    removed++;
  }
  const versions = db.prepare("SELECT id, owner FROM versions WHERE state = 'pending'").all() as PendingVersion[];
  for (const v of versions) {
    if (!stale(parseOwner(v.owner), o)) continue;
    db.prepare('DELETE FROM files WHERE version_id = ?').run(v.id);
    db.prepare('DELETE FROM versions WHERE id = ?').run(v.id);
    removed++;
  }
  if (removed) releaseUnusedNumbers(db);
  // Reading the folders costs a directory listing per render, so a process sweeps once, and again
  // only when it has just found a writer that stopped (whose temporaries may be orphaned).
  if (removed || o.ownProcess || !swept.has(registerDir)) {
    swept.add(registerDir);
    removed += removeOrphanTemps(db, registerDir);
  }
  return removed;
}

const swept = new Set<string>();

const TEMP = /^\.(.+)\.([0-9a-f]{12})\.tmp$/;

/**
 * Temporary files whose reservation no longer exists (its owner was stopped between writing and
 * the register noticing): the token in the name proves they are ours, and no pending row wants them.
 */
function removeOrphanTemps(db: Db, registerDir: string): number {
  const live = new Set((db.prepare("SELECT owner FROM files WHERE state = 'pending'").all() as { owner: string | null }[]).map((r) => parseOwner(r.owner)?.token));
  const cases = db.prepare('SELECT folder, name FROM cases').all() as { folder: string; name: string }[];
  const namesIn = new Map<string, string[]>();
  for (const c of cases) namesIn.set(c.folder, [...(namesIn.get(c.folder) ?? []), `${c.name}.`]);
  let removed = 0;
  for (const [folder, caseNames] of namesIn) {
    const dir = path.resolve(registerDir, folder);
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const f of names) {
      const [, file, token] = TEMP.exec(f) ?? [];
      // Only a temporary of a document of a case in this folder, named as the register names them.
      if (!file || !token || live.has(token) || !caseNames.some((n) => file.startsWith(n))) continue;
      fs.rmSync(path.join(dir, f), { force: true });
      removed++;
    }
  }
  return removed;
}

/** What a user (or an auditor) can check in an output folder: the register's committed versions and their files. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';

export const VALID = path.resolve('templates/init/association.yaml');
export const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

export interface CommittedFile { name: string; stream: string; number: number; file: string; sha256: string }

export function committedFiles(out: string): CommittedFile[] {
  const file = path.join(out, 'jianding-register.sqlite');
  if (!fs.existsSync(file)) return [];
  const db = new Database(file, { readonly: true, timeout: 30_000 });
  try {
    return db.prepare(`SELECT c.name, v.stream, v.number, f.file, f.sha256 FROM files f JOIN versions v ON v.id = f.version_id
      JOIN cases c ON c.id = v.case_id WHERE f.state = 'committed' AND v.state = 'committed' ORDER BY f.file`).all() as CommittedFile[];
  } finally {
    db.close();
  }
}

export function pendingRows(out: string): number {
  const db = new Database(path.join(out, 'jianding-register.sqlite'), { readonly: true, timeout: 30_000 });
  try {
    const v = db.prepare("SELECT COUNT(*) AS n FROM versions WHERE state = 'pending'").get() as { n: number };
    const f = db.prepare("SELECT COUNT(*) AS n FROM files WHERE state = 'pending'").get() as { n: number };
    return v.n + f.n;
  } finally {
    db.close();
  }
}

/** Every committed version's files are on disk with their SHA-256, and no temporary file is left. */
export function expectConsistent(out: string, opts: { temps?: boolean } = {}): CommittedFile[] {
  const files = committedFiles(out);
  for (const f of files) expect(sha(path.join(out, f.file)), f.file).toBe(f.sha256);
  if (opts.temps !== false) expect(fs.readdirSync(out).filter((f) => f.endsWith('.tmp')), `temporary files in ${out}`).toEqual([]);
  return files;
}

/** The association example with another patient name and document number: a different case. */
export function variant(dir: string, name: string, n: number, status: 'draft' | 'final' = 'draft'): string {
  const text = fs.readFileSync(VALID, 'utf8')
    .replace('某医损鉴〔2026〕7号', `某医损鉴〔2026〕${100 + n}号`)
    .replace(/status: \S+/, `status: ${status}`);
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

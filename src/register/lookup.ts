/**
 * Finding a version from what a reader holds: the 查询校验码 printed on the paper, or the
 * SHA-256 of a file. What `jianding verify` and an institution's verification page ask.
 */
import type { Db } from './database.js';
import { committedVersions, type VersionRow } from './rows.js';

export interface SignatureRow {
  file: string;
  field: string;
  signer: string;
  reason: string | null;
  sha256: string;
  bytes: number;
  signedAt: string;
}

export interface FoundVersion {
  caseName: string;
  folder: string;
  version: VersionRow;
  signatures: SignatureRow[];
}

function found(db: Db, versionId: number): FoundVersion | undefined {
  const row = db.prepare('SELECT c.id, c.name, c.folder FROM versions v JOIN cases c ON c.id = v.case_id WHERE v.id = ?').get(versionId) as { id: number; name: string; folder: string } | undefined;
  const version = row && committedVersions(db, row.id).find((v) => v.id === versionId);
  if (!row || !version) return undefined;
  const signatures = db.prepare('SELECT file, field, signer, reason, sha256, bytes, signed_at AS signedAt FROM signatures WHERE version_id = ? ORDER BY id').all(versionId) as SignatureRow[];
  return { caseName: row.name, folder: row.folder, version, signatures };
}

/** Committed versions carrying this code (the same case rendered again gives the same code). */
export function versionsByCode(db: Db, code: string): FoundVersion[] {
  const ids = db.prepare("SELECT id FROM versions WHERE verification_code = ? AND state = 'committed' ORDER BY id").all(code) as { id: number }[];
  return ids.flatMap(({ id }) => found(db, id) ?? []);
}

/** The version one of whose generated files, or one of whose signed files, has this SHA-256. */
export function versionByFileSha(db: Db, sha256: string): FoundVersion | undefined {
  const file = db.prepare("SELECT version_id AS id FROM files WHERE sha256 = ? AND state = 'committed' UNION SELECT version_id AS id FROM signatures WHERE sha256 = ? LIMIT 1").get(sha256, sha256) as { id: number } | undefined;
  return file ? found(db, file.id) : undefined;
}

export function recordSignature(db: Db, versionId: number, s: SignatureRow): void {
  db.prepare('INSERT INTO signatures (version_id, file, field, signer, reason, sha256, bytes, signed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(versionId, s.file, s.field, s.signer, s.reason, s.sha256, s.bytes, s.signedAt);
}

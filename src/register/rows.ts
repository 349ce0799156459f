/** Reading the register: cases, their committed versions and files, as plain objects. */
import type { Db } from './database.js';
import type { Format, Stream } from './naming.js';

export interface FileRow {
  format: Format;
  file: string;
  sha256: string;
  bytes: number;
}

export interface VersionRow {
  id: number;
  caseId: number;
  seq: number;
  stream: Stream;
  number: number;
  label: string;
  documentNumber: string;
  caseFile: string;
  caseSha256: string;
  settingsSha256: string;
  toolVersion: string;
  templates: Record<string, string>;
  pages: number | null;
  warnings: number | null;
  reasonKind: string | null;
  reason: string | null;
  fromVersion: number | null;
  verificationCode: string | null;
  createdAt: string;
  committedAt: string | null;
  files: FileRow[];
}

export interface CaseRow {
  id: number;
  folder: string;
  name: string;
}

interface RawVersion {
  id: number; case_id: number; seq: number; stream: Stream; number: number; label: string; document_number: string;
  case_file: string; case_sha256: string; settings_sha256: string; tool_version: string; templates: string;
  pages: number | null; warnings: number | null; reason_kind: string | null; reason: string | null;
  from_version: number | null; verification_code: string | null; created_at: string; committed_at: string | null;
}

function toVersion(db: Db, r: RawVersion): VersionRow {
  const files = db.prepare("SELECT format, file, sha256, bytes FROM files WHERE version_id = ? AND state = 'committed' ORDER BY format").all(r.id) as FileRow[];
  return {
    id: r.id, caseId: r.case_id, seq: r.seq, stream: r.stream, number: r.number, label: r.label, documentNumber: r.document_number,
    caseFile: r.case_file, caseSha256: r.case_sha256, settingsSha256: r.settings_sha256, toolVersion: r.tool_version,
    templates: JSON.parse(r.templates) as Record<string, string>, pages: r.pages, warnings: r.warnings, reasonKind: r.reason_kind,
    reason: r.reason, fromVersion: r.from_version, verificationCode: r.verification_code, createdAt: r.created_at, committedAt: r.committed_at, files,
  };
}

export function findCase(db: Db, folder: string, name: string): CaseRow | undefined {
  return db.prepare('SELECT id, folder, name FROM cases WHERE folder = ? AND name = ?').get(folder, name) as CaseRow | undefined;
}

export function listCases(db: Db): CaseRow[] {
  return db.prepare('SELECT id, folder, name FROM cases ORDER BY folder, name').all() as CaseRow[];
}

/** Committed versions of a case, oldest first. */
export function committedVersions(db: Db, caseId: number): VersionRow[] {
  const rows = db.prepare("SELECT * FROM versions WHERE case_id = ? AND state = 'committed' ORDER BY seq").all(caseId) as RawVersion[];
  return rows.map((r) => toVersion(db, r));
}

/** The newest committed version of each stream. */
export function latestByStream(versions: VersionRow[]): Partial<Record<Stream, VersionRow>> {
  const latest: Partial<Record<Stream, VersionRow>> = {};
  for (const v of versions) if (!latest[v.stream] || latest[v.stream]!.number < v.number) latest[v.stream] = v;
  return latest;
}

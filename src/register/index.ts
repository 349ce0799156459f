/**
 * The register of issued documents: the only code that commits outputs to disk. Callers
 * (CLI, batch workers, the workbench server) reserve a version, render its bytes, and hand
 * them to `writeAndCommit`; everything about finals, draft rounds and crashes is decided here.
 */
import path from 'node:path';
import { openRegister, registerPath, type Db } from './database.js';

export { writeAndCommit, type VersionMeta } from './commit.js';
export { closeRegisters, registerPath } from './database.js';
export { RegisterError, sqliteFailure } from './errors.js';
export { sha256 } from './hash.js';
export { exportManifest, manifestOf } from './manifest.js';
export { versionTitle, type Format, type Stream } from './naming.js';
export type { Correction } from './policy.js';
export { recoverStale } from './recover.js';
export { preview, reserve, type Reservation, type ReserveInput, type Settled, type Write } from './reserve.js';
export { committedVersions, findCase, listCases, type VersionRow } from './rows.js';
export { recordSignature, versionByFileSha, versionsByCode, type FoundVersion, type SignatureRow } from './lookup.js';

export interface RegisterHandle {
  db: Db;
  file: string;
  /** The folder the register's case folders are relative to. */
  dir: string;
}

export function registerFor(out: string, configured?: string): RegisterHandle {
  const file = registerPath(out, configured);
  return { db: openRegister(file), file, dir: path.dirname(file) };
}

/** A case's folder as the register records it: relative to the register's own folder. */
export const folderOf = (h: RegisterHandle, out: string): string => path.relative(h.dir, path.resolve(out));

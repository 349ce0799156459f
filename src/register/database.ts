/**
 * The register of issued documents: one SQLite file per output folder (or the path the config
 * names). It is the single source of truth for what jianding wrote, which versions are final,
 * and who is writing right now; the manifests beside the documents are only exports of it.
 * WAL mode lets batch workers and other processes read while one writes; synchronous=FULL
 * makes a committed version survive a power cut, not just a crash.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { RegisterError, sqliteHint } from './errors.js';

export type Db = Database.Database;

export const REGISTER_FILE = 'jianding-register.sqlite';
const SCHEMA_VERSION = 2;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- A case is a case file's name within an output folder (relative to the register's folder).
CREATE TABLE IF NOT EXISTS cases (
  id INTEGER PRIMARY KEY,
  folder TEXT NOT NULL,
  name TEXT NOT NULL,
  UNIQUE (folder, name)
);
-- A document number belongs to one case only; a case may have had several (a corrected number).
CREATE TABLE IF NOT EXISTS numbers (
  document_number TEXT PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id)
);
CREATE TABLE IF NOT EXISTS versions (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  seq INTEGER NOT NULL,
  stream TEXT NOT NULL CHECK (stream IN ('draft', 'final', 'sample')),
  number INTEGER NOT NULL,
  label TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'committed')),
  document_number TEXT NOT NULL,
  case_file TEXT NOT NULL,
  case_sha256 TEXT NOT NULL,
  settings_sha256 TEXT NOT NULL,
  tool_version TEXT NOT NULL,
  templates TEXT NOT NULL,
  pages INTEGER,
  warnings INTEGER,
  reason_kind TEXT,
  reason TEXT,
  from_version INTEGER REFERENCES versions(id),
  verification_code TEXT,
  fingerprint TEXT,
  owner TEXT,
  created_at TEXT NOT NULL,
  committed_at TEXT,
  UNIQUE (case_id, seq),
  UNIQUE (case_id, stream, number)
);
CREATE TABLE IF NOT EXISTS files (
  id INTEGER PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES versions(id),
  format TEXT NOT NULL,
  file TEXT NOT NULL,
  sha256 TEXT,
  bytes INTEGER,
  state TEXT NOT NULL CHECK (state IN ('pending', 'committed')),
  owner TEXT,
  UNIQUE (version_id, format)
);
CREATE INDEX IF NOT EXISTS files_by_state ON files (state);
-- Each digital signature added to a version's PDF (jianding sign): the signed file grows by incremental updates.
CREATE TABLE IF NOT EXISTS signatures (
  id INTEGER PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES versions(id),
  file TEXT NOT NULL,
  field TEXT NOT NULL,
  signer TEXT NOT NULL,
  reason TEXT,
  sha256 TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  signed_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS versions_by_code ON versions (verification_code);
CREATE INDEX IF NOT EXISTS versions_by_state ON versions (state);
`;

/** Schema 1 registers (before verification codes) gain the fingerprint column; nothing is rewritten. */
function migrate(db: Db): void {
  db.exec(SCHEMA);
  const columns = db.prepare('PRAGMA table_info(versions)').all() as { name: string }[];
  if (!columns.some((c) => c.name === 'fingerprint')) db.exec('ALTER TABLE versions ADD COLUMN fingerprint TEXT');
}

const open = new Map<string, Db>();

/** Where the register of an output folder lives: beside the documents unless configured. */
export function registerPath(out: string, configured?: string): string {
  return path.resolve(configured ?? path.join(out, REGISTER_FILE));
}

function openFailure(file: string, e: unknown): RegisterError {
  const code = String((e as { code?: unknown }).code ?? '');
  return new RegisterError(`无法打开登记簿 ${file}：${sqliteHint(e)}（${code || (e as Error).message}）；未写入任何文书`, `Cannot open the register ${file}: ${(e as Error).message}`);
}

/** A register file and its SQLite companions. */
function removeDatabase(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
}

function setUpSchema(db: Db): void {
  migrate(db);
  db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema', ?)").run(String(SCHEMA_VERSION));
}

function setUp(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  setUpSchema(db);
}

/**
 * A new register is set up under a name of its own and linked into place whole: two processes
 * or batch workers starting on a fresh folder at once never see a half-made register, and the
 * one that loses the race opens the winner's (which it must never remove). A folder the register
 * cannot be made in stays as it was. Where the file system has no hard links, an exclusive copy.
 */
function createAside(file: string): void {
  const aside = path.join(path.dirname(file), `.${path.basename(file)}.creating-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const db = new Database(aside);
    try {
      // In SQLite's rollback mode, in one transaction: a full disk fails it here, before anything is linked
      // (a WAL checkpoint at close could leave a half-written file). The opener then turns WAL on.
      db.transaction(() => setUpSchema(db))();
    } finally {
      db.close();
    }
    try {
      fs.linkSync(aside, file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return;
      fs.copyFileSync(aside, file, fs.constants.COPYFILE_EXCL);
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    removeDatabase(aside);
  }
}

function create(file: string): Db {
  let db: Db;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (!fs.existsSync(file)) createAside(file);
    db = new Database(file, { timeout: 30_000 });
  } catch (e) {
    throw openFailure(file, e);
  }
  try {
    setUp(db);
  } catch (e) {
    // Never removed here: the file existed before, or another process made it and may be using it.
    db.close();
    const code = String((e as { code?: unknown }).code ?? '');
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new RegisterError(`登记簿 ${file} 已损坏或不是 jianding 的登记簿（${code}）；请从备份恢复，jianding 不会改动它`, `The register ${file} is damaged or not a jianding register (${code})`);
    }
    throw openFailure(file, e);
  }
  return db;
}

/** One connection per register file and thread, kept open for the life of the thread. */
export function openRegister(file: string): Db {
  let db = open.get(file);
  if (!db) {
    db = create(file);
    open.set(file, db);
  }
  return db;
}

export function closeRegisters(): void {
  for (const db of open.values()) db.close();
  open.clear();
}

/**
 * Reserving a version before anything is written: in one IMMEDIATE transaction the register
 * removes stale reservations, checks that no other process is writing this case, applies the
 * policy (finals are immutable, one document number per case) and records the version and its
 * file names as pending. Concurrent renders of one case are serialised here: the second waits
 * for the first, then decides against what the first committed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './database.js';
import { RegisterError } from './errors.js';
import { outputFileName, versionLabel, type Format, type Stream } from './naming.js';
import { newOwner, ownerAlive, parseOwner, type Owner } from './owner.js';
import { decide, type Candidate, type Decision, type Latest, type RenderRequest } from './policy.js';
import { recoverStale } from './recover.js';
import { committedVersions, findCase, latestByStream, type CaseRow, type VersionRow } from './rows.js';
import { fileSha256 } from './hash.js';

export interface ReserveInput {
  registerDir: string;
  outDir: string;
  name: string;
  caseFile: string;
  documentNumber: string;
  caseSha256: string;
  settingsSha256: string;
  toolVersion: string;
  /** Whether the template files a version recorded still hash the same. */
  templatesUnchanged: (templates: Record<string, string>) => boolean;
  request: RenderRequest;
}

/** Nothing to write: the committed version that already answers the request. */
export type Settled = { kind: 'upToDate' | 'issued'; version: VersionRow };

export type Reservation = Settled | Write;

export type Write = { kind: 'write'; versionId: number; seq: number; newVersion: boolean; stream: Stream; number: number; owner: Owner; files: { id: number; format: Format; file: string }[] };

type Attempt = Reservation | { kind: 'busy'; owner: Owner };

const now = () => new Date().toISOString();

function caseRow(db: Db, folder: string, name: string): CaseRow {
  db.prepare('INSERT OR IGNORE INTO cases (folder, name) VALUES (?, ?)').run(folder, name);
  return db.prepare('SELECT id, folder, name FROM cases WHERE folder = ? AND name = ?').get(folder, name) as CaseRow;
}

function liveWriter(db: Db, caseId: number): Owner | undefined {
  const rows = db.prepare(`SELECT owner FROM versions WHERE case_id = ? AND state = 'pending'
    UNION ALL SELECT f.owner FROM files f JOIN versions v ON v.id = f.version_id WHERE v.case_id = ? AND f.state = 'pending'`).all(caseId, caseId) as { owner: string | null }[];
  return rows.map((r) => parseOwner(r.owner)).find((o): o is Owner => !!o && ownerAlive(o));
}

function checkNumber(db: Db, c: CaseRow, number: string): void {
  const owner = db.prepare('SELECT c.folder, c.name FROM numbers n JOIN cases c ON c.id = n.case_id WHERE n.document_number = ?').get(number) as CaseRow | undefined;
  if (owner && (owner.folder !== c.folder || owner.name !== c.name)) {
    throw new RegisterError(`文书编号「${number}」已属于登记簿中的另一件案件「${owner.name}」；一个文书编号只能属于一件案件，请核对 report.documentNumber`,
      `Document number "${number}" already belongs to case "${owner.name}" in the register; one number, one case`);
  }
}

function intact(dir: string, v: VersionRow): boolean {
  return v.files.every((f) => fileSha256(path.join(dir, f.file)) === f.sha256);
}

/** A value computed the first time it is read: hashing files and templates only where the policy looks. */
function lazy<T>(compute: () => T): { readonly value: T } {
  let cached: { v: T } | undefined;
  return { get value() { return (cached ??= { v: compute() }).v; } };
}

function candidate(input: ReserveInput, v: VersionRow): Candidate {
  const sameCase = v.caseSha256 === input.caseSha256;
  const sameInputs = lazy(() => sameCase && v.settingsSha256 === input.settingsSha256 && v.toolVersion === input.toolVersion && input.templatesUnchanged(v.templates));
  const whole = lazy(() => intact(input.outDir, v));
  return {
    id: v.id, number: v.number, formats: v.files.map((f) => f.format), createdAt: v.createdAt, documentNumber: v.documentNumber, sameCase,
    get sameInputs() { return sameInputs.value; },
    get intact() { return whole.value; },
  };
}

function candidates(input: ReserveInput, versions: VersionRow[]): Latest {
  const latest: Latest = {};
  for (const [stream, v] of Object.entries(latestByStream(versions)) as [Stream, VersionRow][]) latest[stream] = candidate(input, v);
  return latest;
}

/** A file already there that the register did not write is someone else's: never replaced. */
function refuseForeign(dir: string, files: string[]): void {
  const there = files.filter((f) => fs.existsSync(path.join(dir, f)));
  if (there.length) {
    throw new RegisterError(`${there.join('、')} 已存在，但登记簿中没有它（可能是旧版 jianding 或他人放入的）；jianding 不会覆盖或删除它，请移走后重试或换一个输出文件夹`,
      `${there.join(', ')} exists but is not in the register; jianding never replaces or deletes it: move it away or use another output folder`);
  }
}

function insertFiles(db: Db, versionId: number, name: string, label: string, formats: Format[], owner: Owner) {
  return formats.map((format) => {
    const file = outputFileName(name, label, format);
    const id = db.prepare("INSERT INTO files (version_id, format, file, state, owner) VALUES (?, ?, ?, 'pending', ?)").run(versionId, format, file, JSON.stringify(owner)).lastInsertRowid;
    return { id: Number(id), format, file };
  });
}

/** The policy's decision against what is committed now; a refusal is thrown. */
function decision(db: Db, input: ReserveInput, c: CaseRow | undefined): { d: Exclude<Decision, { kind: 'refuse' }>; versions: VersionRow[] } {
  if (input.request.stream !== 'sample') checkNumber(db, c ?? { id: -1, folder: folderOf(input), name: input.name }, input.documentNumber);
  const versions = c ? committedVersions(db, c.id) : [];
  const d = decide(input.request, candidates(input, versions));
  if (d.kind === 'refuse') throw new RegisterError(d.message, d.messageEn, d.correctable);
  return { d, versions };
}

const folderOf = (input: ReserveInput) => path.relative(input.registerDir, path.resolve(input.outDir));

/**
 * What a render would do, without reserving anything: lets the caller skip rendering a case
 * that is up to date, or refuse it, before spending time on it. `reserve` decides again.
 */
export function preview(db: Db, input: ReserveInput): Settled | { kind: 'write' } {
  const c = findCase(db, folderOf(input), input.name);
  const { d, versions } = decision(db, input, c);
  if (d.kind === 'upToDate' || d.kind === 'issued') return { kind: d.kind, version: versions.find((v) => v.id === d.versionId)! };
  return { kind: 'write' };
}

function attempt(db: Db, input: ReserveInput, folder: string): Attempt {
  recoverStale(db, input.registerDir);
  const c = caseRow(db, folder, input.name);
  const busy = liveWriter(db, c.id);
  if (busy) return { kind: 'busy', owner: busy };
  const { request } = input;
  const { d, versions } = decision(db, input, c);
  if (d.kind === 'upToDate' || d.kind === 'issued') return { kind: d.kind, version: versions.find((v) => v.id === d.versionId)! };
  const owner = newOwner();
  if (d.kind === 'addFormats') {
    const v = versions.find((x) => x.id === d.versionId)!;
    refuseForeign(input.outDir, d.formats.map((f) => outputFileName(input.name, v.label, f)));
    return { kind: 'write', versionId: v.id, seq: v.seq, newVersion: false, stream: v.stream, number: v.number, owner, files: insertFiles(db, v.id, input.name, v.label, d.formats, owner) };
  }
  const label = versionLabel(d.stream, d.number);
  refuseForeign(input.outDir, request.formats.map((f) => outputFileName(input.name, label, f)));
  const seq = ((db.prepare('SELECT MAX(seq) AS s FROM versions WHERE case_id = ?').get(c.id) as { s: number | null }).s ?? 0) + 1;
  const id = Number(db.prepare(`INSERT INTO versions (case_id, seq, stream, number, label, state, document_number, case_file, case_sha256, settings_sha256,
    tool_version, templates, reason_kind, reason, from_version, owner, created_at) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?, ?)`).run(
    c.id, seq, d.stream, d.number, label, input.documentNumber, input.caseFile, input.caseSha256, input.settingsSha256, input.toolVersion,
    d.correction?.kind ?? null, d.correction?.reason ?? null, d.fromVersion ?? null, JSON.stringify(owner), now()).lastInsertRowid);
  if (d.stream !== 'sample') db.prepare('INSERT OR IGNORE INTO numbers (document_number, case_id) VALUES (?, ?)').run(input.documentNumber, c.id);
  return { kind: 'write', versionId: id, seq, newVersion: true, stream: d.stream, number: d.number, owner, files: insertFiles(db, id, input.name, label, request.formats, owner) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Reserves, waiting up to `waitMs` for another process writing the same case. */
export async function reserve(db: Db, input: ReserveInput, waitMs = 60_000): Promise<Reservation> {
  const folder = folderOf(input);
  const deadline = Date.now() + waitMs;
  for (;;) {
    const a = db.transaction(() => attempt(db, input, folder)).immediate();
    if (a.kind !== 'busy') return a;
    if (Date.now() >= deadline) {
      throw new RegisterError(`另一个 jianding 进程（主机 ${a.owner.host}，进程号 ${a.owner.pid}）正在生成「${input.name}」，请稍后再试`,
        `Another jianding process (host ${a.owner.host}, pid ${a.owner.pid}) is writing "${input.name}"; try again later`);
    }
    await sleep(50 + Math.random() * 100);
  }
}


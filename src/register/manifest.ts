/**
 * `<case>.manifest.json`: a readable export of the register's record of one case, rewritten
 * after every commit. jianding never reads it back: deleting or editing it changes nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import type { Db } from './database.js';
import { ownerAlive } from './owner.js';
import { manifestFileName, versionTitle } from './naming.js';
import { committedVersions, findCase, type VersionRow } from './rows.js';

function exportVersion(v: VersionRow, seqOf: Map<number, number>) {
  return {
    version: v.seq,
    title: versionTitle(v.stream, v.number),
    status: v.stream,
    number: v.number,
    documentNumber: v.documentNumber,
    input: { file: v.caseFile, sha256: v.caseSha256 },
    toolVersion: v.toolVersion,
    settings: v.settingsSha256,
    templates: v.templates,
    outputs: v.files.map((f) => ({ file: f.file, format: f.format, sha256: f.sha256, bytes: f.bytes })),
    pages: v.pages,
    warnings: v.warnings,
    createdAt: v.createdAt,
    committedAt: v.committedAt,
    ...(v.reason ? { correction: { kind: v.reasonKind, reason: v.reason } } : {}),
    ...(v.fromVersion ? { from: seqOf.get(v.fromVersion) } : {}),
    ...(v.verificationCode ? { verificationCode: v.verificationCode } : {}),
  };
}

/** `extra`: what the run's settings add to the export (an institution's rule severities, with reasons). */
export function manifestOf(db: Db, folder: string, name: string, registerFile: string, extra: Record<string, unknown> = {}) {
  const c = findCase(db, folder, name);
  const versions = c ? committedVersions(db, c.id) : [];
  const seqOf = new Map(versions.map((v) => [v.id, v.seq]));
  return {
    tool: 'jianding',
    note: `由登记簿 ${path.basename(registerFile)} 导出，仅供阅读；jianding 不读取本文件，改动或删除它不影响任何文书`,
    case: name,
    ...extra,
    versions: versions.map((v) => exportVersion(v, seqOf)),
  };
}

/**
 * Folders this process has swept for dead export temporaries. Listing the output folder on
 * every export made a batch quadratic (a 1,000-case folder holds 3,000 files: ~4 ms a case by
 * the end); once per folder and process finds everything earlier runs left, and what a process
 * killed during this one leaves is swept by the next.
 */
const swept = new Set<string>();

/** Temporaries of any manifest export (`.<name>.manifest.json.<pid>-<thread>.tmp`) whose process is gone. */
function removeDeadTemps(outDir: string): void {
  if (swept.has(outDir)) return;
  swept.add(outDir);
  const pattern = /^\..+\.manifest\.json\.(\d+)-\d+\.tmp$/;
  for (const f of fs.readdirSync(outDir)) {
    const pid = pattern.exec(f)?.[1];
    if (pid && !ownerAlive({ host: os.hostname(), pid: Number(pid), started: 0, token: '' })) fs.rmSync(path.join(outDir, f), { force: true });
  }
}

/** Writes the export atomically; a failure is reported, never fatal (the register holds the truth). */
export function exportManifest(db: Db, outDir: string, folder: string, name: string, registerFile: string, extra?: Record<string, unknown>): string | undefined {
  const file = path.join(outDir, manifestFileName(name));
  const tmp = path.join(outDir, `.${manifestFileName(name)}.${process.pid}-${threadId}.tmp`);
  removeDeadTemps(outDir);
  try {
    fs.writeFileSync(tmp, `${JSON.stringify(manifestOf(db, folder, name, registerFile, extra), null, 2)}\n`);
    fs.renameSync(tmp, file);
    return undefined;
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    return `manifest ${file} 未能更新（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）；登记簿已记录本次生成`;
  }
}

/** The write path in process: a failure part-way leaves nothing, a dead writer's leftovers are removed (findings 11, 12). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RegisterError, registerFor, reserve, writeAndCommit, type ReserveInput, type Write } from '../../src/register/index.js';
import { recoverStale } from '../../src/register/recover.js';
import { tmpDir } from '../support/cli.js';
import { committedFiles, pendingRows } from './support.js';

function input(out: string, over: Partial<ReserveInput> = {}): ReserveInput {
  return {
    registerDir: out, outDir: out, name: 'case', caseFile: 'case.yaml', documentNumber: '某医损鉴〔2026〕1号', caseSha256: 'a'.repeat(64),
    settingsSha256: 'b'.repeat(64), toolVersion: 'test', templatesUnchanged: () => true,
    request: { stream: 'final', formats: ['docx', 'pdf'], force: false }, ...over,
  };
}

const bytes = new Map([['docx', new Uint8Array([1, 2, 3])], ['pdf', new Uint8Array([4, 5, 6])]] as const);
const meta = { templates: {}, pages: 1, warnings: 0 };

describe('the commit point', () => {
  it('finding 11: when a rename fails part-way, the files already renamed are removed and the message says so', async () => {
    const out = tmpDir();
    const reg = registerFor(out);
    const res = (await reserve(reg.db, input(out))) as Write;
    fs.mkdirSync(path.join(out, 'case.pdf'));
    let error: unknown;
    try {
      writeAndCommit(reg.db, out, res, bytes, meta);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RegisterError);
    expect((error as Error).message).toContain('case.pdf');
    expect((error as Error).message).toContain('本次没有留下任何文件');
    expect(fs.readdirSync(out).filter((f) => !f.startsWith('jianding-register')).sort()).toEqual(['case.pdf']);
    expect(fs.statSync(path.join(out, 'case.pdf')).isDirectory()).toBe(true);
    expect(committedFiles(out)).toEqual([]);
    expect(pendingRows(out)).toBe(0);
  });

  it('finding 12: a writer that died between renames leaves files the next run removes; others are untouched', async () => {
    const out = tmpDir();
    const reg = registerFor(out);
    const res = (await reserve(reg.db, input(out))) as Write;
    // What a kill after the first rename leaves: one file in place, one temporary.
    fs.writeFileSync(path.join(out, 'case.docx'), 'partial');
    fs.writeFileSync(path.join(out, `.case.pdf.${res.owner.token}.tmp`), 'partial');
    fs.writeFileSync(path.join(out, 'notes.txt'), 'mine');
    const dead = JSON.stringify({ ...res.owner, pid: 2 ** 22 + 1 });
    reg.db.prepare('UPDATE versions SET owner = ?').run(dead);
    reg.db.prepare('UPDATE files SET owner = ?').run(dead);
    reg.db.transaction(() => recoverStale(reg.db, reg.dir)).immediate();
    expect(fs.readdirSync(out).filter((f) => !f.startsWith('jianding-register')).sort()).toEqual(['notes.txt']);
    expect(pendingRows(out)).toBe(0);
    const again = (await reserve(reg.db, input(out))) as Write;
    expect(writeAndCommit(reg.db, out, again, bytes, meta).map((f) => path.basename(f))).toEqual(['case.docx', 'case.pdf']);
    expect(committedFiles(out).map((f) => f.file)).toEqual(['case.docx', 'case.pdf']);
  });

  it('a second final of the same case waits for the first writer, then finds it up to date', async () => {
    const out = tmpDir();
    const reg = registerFor(out);
    const first = (await reserve(reg.db, input(out))) as Write;
    const second = reserve(reg.db, input(out), 5_000);
    setTimeout(() => writeAndCommit(reg.db, out, first, bytes, meta), 200);
    expect((await second).kind).toBe('upToDate');
  });
});

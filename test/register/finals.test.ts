/**
 * A final opinion is never lost or replaced (issue 11, findings 1–3, 6, 19 and the design):
 * the register, not the manifest, decides; every version keeps its own files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jianding, tmpDir } from '../support/cli.js';
import { committedFiles, expectConsistent, sha, VALID, variant } from './support.js';

const manifestOf = (out: string, name = 'association') => path.join(out, `${name}.manifest.json`);

describe('finals are immutable', () => {
  it('finding 1: rendering the DOCX after the PDF of a final adds it and keeps the PDF', () => {
    const out = tmpDir();
    expect(jianding(['render', VALID, '--final', '--format', 'pdf', '--out', out]).code).toBe(0);
    const pdf = sha(path.join(out, 'association.pdf'));
    const r = jianding(['render', VALID, '--final', '--format', 'docx', '--out', out]);
    expect(r.code).toBe(0);
    expect(sha(path.join(out, 'association.pdf'))).toBe(pdf);
    expect(committedFiles(out).map((f) => f.file)).toEqual(['association.docx', 'association.pdf']);
    expectConsistent(out);
  });

  it('the same final again is up to date; a changed case or --force is refused with the way to correct it', () => {
    const dir = tmpDir();
    const out = path.join(dir, 'out');
    const file = variant(dir, 'case.yaml', 1, 'final');
    expect(jianding(['render', file, '--out', out]).code).toBe(0);
    const before = sha(path.join(out, 'case.pdf'));
    const again = jianding(['render', file, '--out', out]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('已是最新');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('张某某', '张某乙'));
    const changed = jianding(['render', file, '--out', out]);
    expect(changed.code).toBe(2);
    expect(changed.stderr).toContain('正式文书一经生成即不可替换');
    expect(changed.stderr).toContain('--correction');
    const forced = jianding(['render', file, '--out', out, '--force']);
    expect(forced.code).toBe(2);
    expect(forced.stderr).toContain('--force 只适用于征求意见稿');
    expect(sha(path.join(out, 'case.pdf'))).toBe(before);
  });

  it('a correction is a new version with its reason, kept beside the original', () => {
    const dir = tmpDir();
    const out = path.join(dir, 'out');
    const file = variant(dir, 'case.yaml', 2, 'final');
    expect(jianding(['render', file, '--out', out]).code).toBe(0);
    const original = sha(path.join(out, 'case.pdf'));
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('张某某', '张某乙'));
    const r = jianding(['render', file, '--out', out, '--correction', '患者姓名有误', '--correction-kind', '补正']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('正式文书（第 1 次更正）');
    expect(sha(path.join(out, 'case.pdf'))).toBe(original);
    const m = JSON.parse(fs.readFileSync(manifestOf(out, 'case'), 'utf8'));
    expect(m.versions.map((v: { title: string }) => v.title)).toEqual(['正式文书', '正式文书（第 1 次更正）']);
    expect(m.versions[1].correction).toEqual({ kind: '补正', reason: '患者姓名有误' });
    expect(m.versions[1].from).toBe(1);
    expect(jianding(['render', file, '--out', out, '--correction', ' ']).code).toBe(2);
    expectConsistent(out);
  });

  it('every draft round is kept, and the final names the draft it came from', () => {
    const dir = tmpDir();
    const out = path.join(dir, 'out');
    const file = variant(dir, 'case.yaml', 3);
    expect(jianding(['render', file, '--out', out, '--format', 'pdf']).stdout).toContain('征求意见稿（第 1 轮）');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('张某某', '张某乙'));
    expect(jianding(['render', file, '--out', out, '--format', 'pdf']).stdout).toContain('征求意见稿（第 2 轮）');
    expect(jianding(['render', file, '--out', out, '--format', 'pdf', '--final']).code).toBe(0);
    expect(fs.readdirSync(out).filter((f) => f.endsWith('.pdf')).sort()).toEqual(['case.draft-1.pdf', 'case.draft-2.pdf', 'case.pdf']);
    const m = JSON.parse(fs.readFileSync(manifestOf(out, 'case'), 'utf8'));
    expect(m.versions[2].from).toBe(2);
  });

  it('one document number belongs to one case only', () => {
    const dir = tmpDir();
    const out = path.join(dir, 'out');
    fs.copyFileSync(VALID, path.join(dir, 'a.yaml'));
    fs.copyFileSync(VALID, path.join(dir, 'b.yaml'));
    expect(jianding(['render', path.join(dir, 'a.yaml'), '--out', out]).code).toBe(0);
    const r = jianding(['render', path.join(dir, 'b.yaml'), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('已属于登记簿中的另一件案件「a」');
    expect(fs.readdirSync(out).filter((f) => f.startsWith('b.'))).toEqual([]);
  });

  it('a file in the way that the register did not write is never replaced', () => {
    const out = tmpDir();
    fs.writeFileSync(path.join(out, 'association.pdf'), 'someone else’s file');
    const r = jianding(['render', VALID, '--final', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('登记簿中没有它');
    expect(fs.readFileSync(path.join(out, 'association.pdf'), 'utf8')).toBe('someone else’s file');
    expect(fs.existsSync(path.join(out, 'association.docx'))).toBe(false);
  });
});

describe('the manifest is only an export', () => {
  it('finding 2: a manifest entry pointing outside the folder deletes nothing', () => {
    const dir = tmpDir();
    const out = path.join(dir, 'out');
    const victim = path.join(dir, 'victim.txt');
    fs.writeFileSync(victim, 'keep me');
    expect(jianding(['render', VALID, '--out', out]).code).toBe(0);
    fs.writeFileSync(manifestOf(out), JSON.stringify({ outputs: [{ file: '../victim.txt' }], versions: [{ outputs: [{ file: '../victim.txt' }] }] }));
    expect(jianding(['render', VALID, '--out', out, '--format', 'docx', '--force']).code).toBe(0);
    expect(jianding(['render', VALID, '--out', out, '--final']).code).toBe(0);
    expect(fs.readFileSync(victim, 'utf8')).toBe('keep me');
  });

  it.each([
    ['deleted', (f: string) => fs.rmSync(f)],
    ['corrupted', (f: string) => fs.writeFileSync(f, '{"outputs":5')],
    ['edited to draft', (f: string) => fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replaceAll('"final"', '"draft"'))],
    ['finding 6: malformed', (f: string) => fs.writeFileSync(f, '{"outputs":5}')],
  ])('finding 3: a %s manifest lets no draft or other render replace the final', (_what, spoil) => {
    const dir = tmpDir();
    const out = path.join(dir, 'out');
    const file = variant(dir, 'case.yaml', 4, 'final');
    expect(jianding(['render', file, '--out', out]).code).toBe(0);
    const finals = committedFiles(out);
    spoil(manifestOf(out, 'case'));
    const draft = jianding(['render', file, '--out', out, '--draft']);
    expect(draft.code).toBe(0);
    expect(draft.stderr).not.toContain('内部错误');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('张某某', '张某乙'));
    expect(jianding(['render', file, '--out', out, '--final']).code).toBe(2);
    for (const f of finals) expect(sha(path.join(out, f.file))).toBe(f.sha256);
    expectConsistent(out);
  });

  it('finding 19: deleted files are rendered again although the manifest claims nothing is missing', () => {
    const dir = tmpDir();
    const out = path.join(dir, 'out');
    const file = variant(dir, 'case.yaml', 5);
    expect(jianding(['batch', file, '--out', out]).stdout).toContain('已生成 1');
    fs.rmSync(path.join(out, 'case.draft-1.pdf'));
    fs.writeFileSync(manifestOf(out, 'case'), JSON.stringify({ outputs: [], versions: [] }));
    const r = jianding(['batch', file, '--out', out]);
    expect(r.stdout).toContain('已生成 1');
    expect(fs.existsSync(path.join(out, 'case.draft-2.pdf'))).toBe(true);
  });
});

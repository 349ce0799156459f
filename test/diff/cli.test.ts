/**
 * `jianding diff` as a clerk runs it: the built CLI, real files. The redline lands in the output
 * folder under the new version's name, the summary goes to stdout, identical versions write
 * nothing, invalid versions and unsafe targets are refused with Chinese messages; LibreOffice
 * opens the redline and shows both the deleted and the inserted text.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { jianding, tmpDir } from '../support/cli.js';
import { documentXml, fixtureText, judicialVersions, marksOf } from './support.js';

function versions(dir: string): { oldFile: string; newFile: string } {
  const { before, after } = judicialVersions();
  const oldFile = path.join(dir, 'case-r1.yaml');
  const newFile = path.join(dir, 'case-r2.yaml');
  fs.writeFileSync(oldFile, before);
  fs.writeFileSync(newFile, after);
  return { oldFile, newFile };
}

describe('jianding diff', () => {
  it('writes output/<new>.redline.docx and names the changed fields in Chinese', async () => {
    const dir = tmpDir('jd-diff-');
    const { oldFile, newFile } = versions(dir);
    const r = jianding(['diff', oldFile, newFile], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = path.join(dir, 'output', 'case-r2.redline.docx');
    expect(r.stdout).toContain('改动的字段（5 项）');
    expect(r.stdout).toContain('第 1 项因果关系分析的参与度（causationAnalysis.items[0].participation）：60%～75% → 65%～75%');
    expect(r.stdout).toContain('第 3 项过错分析的过错表述（faultAnalysis.items[2].finding）：已修改');
    expect(r.stdout).toContain('文书中插入 7 处、删除 4 处');
    expect(r.stdout).toContain(`已写入修订稿 ${path.join('output', 'case-r2.redline.docx')}`);
    const marks = marksOf(await documentXml(fs.readFileSync(out)));
    expect(marks.map((m) => m.text)).toContain('后止血');
    expect(new Set(marks.map((m) => `${m.author} ${m.date}`))).toEqual(new Set(['jianding 2026-04-03T00:00:00Z']));
    expect(fs.readdirSync(path.join(dir, 'output'))).toEqual(['case-r2.redline.docx']);
  });

  it('is byte-identical across runs; --date dates the marks; --json is machine-readable', async () => {
    const dir = tmpDir('jd-diff-');
    const { oldFile, newFile } = versions(dir);
    const [a, b] = [path.join(dir, 'a.redline.docx'), path.join(dir, 'b.redline.docx')];
    expect(jianding(['diff', oldFile, newFile, '--out', a]).code).toBe(0);
    expect(jianding(['diff', oldFile, newFile, '--out', b]).code).toBe(0);
    expect(fs.readFileSync(a).equals(fs.readFileSync(b))).toBe(true);

    const r = jianding(['diff', oldFile, newFile, '--out', a, '--date', '2026-04-20', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { identical: boolean; out: string; insertions: number; deletions: number; fields: { path: string; label: string; before: string | null; after: string | null }[] };
    expect(json).toMatchObject({ identical: false, out: a, insertions: 7, deletions: 4 });
    expect(json.fields).toContainEqual({ path: 'causationAnalysis.items[0].participation', label: '第 1 项因果关系分析的参与度', change: 'changed', before: '60%～75%', after: '65%～75%' });
    const dates = new Set(marksOf(await documentXml(fs.readFileSync(a))).map((m) => m.date));
    expect(dates).toEqual(new Set(['2026-04-20T00:00:00Z']));
  });

  it('says identical versions are identical and writes nothing', () => {
    const dir = tmpDir('jd-diff-');
    const file = path.join(dir, 'case.yaml');
    fs.writeFileSync(file, fixtureText('02_association_obstetrics_pph_mediation.yaml'));
    const r = jianding(['diff', file, file], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('案件字段没有改动');
    expect(r.stdout).toContain('两个版本的文书内容相同，未生成修订稿');
    expect(fs.existsSync(path.join(dir, 'output'))).toBe(false);
  });

  it('refuses an invalid version with its diagnostics (exit 1) and writes nothing', () => {
    const dir = tmpDir('jd-diff-');
    const { oldFile } = versions(dir);
    const bad = path.join(dir, 'bad.yaml');
    fs.writeFileSync(bad, judicialVersions().after.replace('participation: 65%～75%', 'participation: 20%'));
    const r = jianding(['diff', oldFile, bad], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[CAUSATION_PARTICIPATION_RANGE]');
    expect(r.stderr).toContain('bad.yaml: 校验未通过');
    expect(r.stdout).toBe('');
    expect(fs.existsSync(path.join(dir, 'output'))).toBe(false);
  });

  it('never overwrites a file that is not a redline (an issued document), and checks --out and --date', () => {
    const dir = tmpDir('jd-diff-');
    const { oldFile, newFile } = versions(dir);
    const issued = path.join(dir, 'case.docx');
    fs.writeFileSync(issued, 'issued');
    const r = jianding(['diff', oldFile, newFile, '--out', issued]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不是修订稿');
    expect(fs.readFileSync(issued, 'utf8')).toBe('issued');
    expect(jianding(['diff', oldFile, newFile, '--out', path.join(dir, 'x.pdf')]).stderr).toContain('--out 应为 .docx 文件');
    const date = jianding(['diff', oldFile, newFile, '--date', '2026-02-30']);
    expect(date.code).toBe(2);
    expect(date.stderr).toContain('--date 应为 YYYY-MM-DD 格式的日期');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('jianding diff --templates', () => {
  function institution(partial: string): string {
    const dir = tmpDir('jd-diff-tpl-');
    fs.mkdirSync(path.join(dir, 'partials'));
    fs.writeFileSync(path.join(dir, 'partials', 'statements.hbs'), partial);
    return dir;
  }

  it('builds both versions with the institution’s templates', async () => {
    const dir = tmpDir('jd-diff-');
    const { oldFile, newFile } = versions(dir);
    const templates = institution('<h2>（一）患方的主要观点（机构模板）</h2>\n{{paras statements.patientSide}}\n<h2>（二）医方的主要观点</h2>\n{{paras statements.medicalSide}}\n');
    const out = path.join(dir, 't.redline.docx');
    const r = jianding(['diff', oldFile, newFile, '--templates', templates, '--out', out]);
    expect(r.code).toBe(0);
    const xml = await documentXml(fs.readFileSync(out));
    expect(xml).toContain('（一）患方的主要观点（机构模板）');
    expect(marksOf(xml).map((m) => m.text)).toContain('后止血');
  });

  it('reports a template error (exit 1) without a stack and writes nothing', () => {
    const dir = tmpDir('jd-diff-');
    const { oldFile, newFile } = versions(dir);
    const r = jianding(['diff', oldFile, newFile, '--templates', institution('{{upper statements.patientSide}}')], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('使用了未知的 helper「upper」');
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(fs.existsSync(path.join(dir, 'output'))).toBe(false);
  });
});

const available = (cmd: string, arg: string): boolean => spawnSync(cmd, [arg], { stdio: 'ignore' }).status === 0;

describe.skipIf(!(available('soffice', '--version') && available('pdftotext', '-v')))('the redline in LibreOffice', () => {
  it('opens, converts to PDF and shows the deleted and the inserted text', { timeout: 180_000 }, () => {
    const dir = tmpDir('jd-diff-lo-');
    const { oldFile, newFile } = versions(dir);
    const out = path.join(dir, 'r.redline.docx');
    expect(jianding(['diff', oldFile, newFile, '--out', out]).code).toBe(0);
    execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, out], { stdio: 'ignore', timeout: 120_000 });
    const text = execFileSync('pdftotext', [path.join(dir, 'r.redline.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    // LibreOffice shows tracked changes: the deleted 60 struck through beside the inserted 65.
    expect(text).toContain('过错参与度评定为6065%～75%');
    expect(text).toContain('术中脾上极被膜撕裂后止血处理不当');
    expect(text).toContain('同意王某某、孙某专家的意见。');
  });
});

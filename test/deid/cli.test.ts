/** `--sample` from the command line: the report committed with the sample, fail-closed residuals, the allow-list, date shifts. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jianding, tmpDir } from '../support/cli.js';
import { part, textOf, unzipDocx } from '../docx/docxParts.js';

const CASE = path.resolve('test/deid/corpus/01_judicial_surgery_fundoplication_two_grades.yaml');

/** Templates whose cover prints a duty phone: personal data that comes from the templates, not the case. */
function leakyTemplates(): string {
  const dir = tmpDir('jd-tpl-');
  fs.mkdirSync(path.join(dir, 'partials'));
  const cover = fs.readFileSync('templates/partials/cover.hbs', 'utf8').replace('</section>', '<p class="flush">值班手机：13912345678</p>\n</section>');
  fs.writeFileSync(path.join(dir, 'partials/cover.hbs'), cover);
  return dir;
}

describe('jianding render --sample', () => {
  it('writes the sample and its .deid.txt report as one version of the register', () => {
    const out = path.join(tmpDir(), 'out');
    const r = jianding(['render', CASE, '--sample', '--out', out]);
    expect(r.code).toBe(0);
    const name = path.basename(CASE, '.yaml');
    expect(fs.readdirSync(out).filter((f) => f.includes('.sample-1.')).sort()).toEqual([`${name}.sample-1.deid.txt`, `${name}.sample-1.docx`, `${name}.sample-1.pdf`]);
    const report = fs.readFileSync(path.join(out, `${name}.sample-1.deid.txt`), 'utf8');
    expect(report).toMatch(/姓名：\d+ 项/);
    expect(report).toContain('欧＊＊＊ → 欧阳某某');
    expect(report).not.toContain('欧阳娜娜');
    const manifest = JSON.parse(fs.readFileSync(path.join(out, `${name}.manifest.json`), 'utf8'));
    expect(manifest.versions[0].outputs.map((o: { format: string }) => o.format).sort()).toEqual(['deid.txt', 'docx', 'pdf']);
    // The same inputs again: up to date, nothing rewritten.
    expect(jianding(['render', CASE, '--sample', '--out', out]).stdout).toContain('已是最新');
  });

  it('writes nothing when the rendered text still holds personal data, naming each finding with its context', () => {
    const out = path.join(tmpDir(), 'out');
    const templates = leakyTemplates();
    const r = jianding(['render', CASE, '--sample', '--out', out, '--templates', templates]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('去标识化后仍疑似含电话号码「13912345678」');
    expect(r.stderr).toContain('值班手机：【13912345678】');
    expect(r.stderr).toContain('deid.allow');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(out) ? fs.readdirSync(out).filter((f) => f.includes('sample')) : []).toEqual([]);

    // A reviewer confirms the string: the sample is written, and the report says what was accepted.
    const config = path.join(tmpDir(), 'jianding.config.json');
    fs.writeFileSync(config, JSON.stringify({ deid: { allow: ['13912345678'] } }));
    const ok = jianding(['render', CASE, '--sample', '--out', out, '--templates', templates, '--config', config]);
    expect(ok.code).toBe(0);
    const report = fs.readFileSync(path.join(out, fs.readdirSync(out).find((f) => f.endsWith('.deid.txt'))!), 'utf8');
    expect(report).toContain('「13912345678」（电话号码）');
  });

  it('--shift-dates moves every date by the same days; it needs --sample', async () => {
    const out = path.join(tmpDir(), 'out');
    expect(jianding(['render', CASE, '--sample', '--shift-dates', '10', '--out', out, '--format', 'docx']).code).toBe(0);
    const text = textOf(part(await unzipDocx(fs.readFileSync(path.join(out, fs.readdirSync(out).find((f) => f.endsWith('.docx'))!))), 'word/document.xml'));
    // 入院 2025年4月7日 → 4月17日, 手术 4月9日 → 4月19日: the interval is the same two days.
    expect(text).toContain('于2025年4月17日入甲医院');
    expect(text).toContain('于2025年4月19日在全身麻醉下');
    expect(text).not.toContain('2025年4月7日');
    expect(fs.readFileSync(path.join(out, fs.readdirSync(out).find((f) => f.endsWith('.deid.txt'))!), 'utf8')).toContain('平移 +10 天');
    const bad = jianding(['render', CASE, '--shift-dates', '10', '--out', out]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--shift-dates 只用于培训样本');
    expect(jianding(['render', CASE, '--sample', '--shift-dates', '十天', '--out', out]).stderr).toContain('--shift-dates 应为整数天数');
  });

  it('checks the config\'s deid section', () => {
    const config = path.join(tmpDir(), 'jianding.config.json');
    fs.writeFileSync(config, JSON.stringify({ deid: { allow: '13912345678' } }));
    const r = jianding(['render', CASE, '--sample', '--config', config, '--out', tmpDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('deid.allow');
  });
});

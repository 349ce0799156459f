/** The template findings as a user meets them: through the built CLI (exit 1, a clear message, nothing on stdout, no stack). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jianding, tmpDir } from '../support/cli.js';

const VALID = 'templates/init/association.yaml';
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

function institution(files: Record<string, string>): string {
  const dir = tmpDir('jd-cli-tpl-');
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const render = (templates: string) => {
  const out = path.join(tmpDir(), 'out');
  return { out, ...jianding(['render', VALID, '--templates', templates, '--out', out]) };
};

describe('jianding render --templates', () => {
  it('a file instead of a folder: exit 1, 「--templates 应为文件夹」, nothing written', () => {
    const file = path.join(institution({ 'report.hbs': 'x' }), 'report.hbs');
    const r = render(file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`--templates 应为文件夹：${file} 是文件`);
    expect(fs.existsSync(r.out)).toBe(false);
    noStack(r.stderr);
  });

  it('{{log}} prints nothing on standard output', () => {
    const r = render(institution({ 'partials/statements.hbs': '{{log "leak"}}' }));
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('leak');
    expect(r.stderr).toContain('使用了未知的 helper「log」');
  });

  it.each([
    ['<spacer lines="Infinity"/>', 'lines 应为 0–50 的整数'],
    ['{{> statements}}', '子模板递归调用过深'],
    ['{{constructor}}', '引用了报告模型中不存在的字段「constructor」'],
  ])('%s: exit 1 with a 模板错误', (body, message) => {
    const r = render(institution({ 'partials/statements.hbs': body }));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('模板错误：');
    expect(r.stderr).toContain(message);
    expect(fs.existsSync(r.out)).toBe(false);
    noStack(r.stderr);
  });
});

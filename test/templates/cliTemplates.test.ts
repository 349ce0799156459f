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

const CORPUS = 'test/corpus/templates';

describe('template errors through the CLI: file as given, line:column, the line, what is allowed', () => {
  it('a syntax error is shown whole, at the block left open, with the folder as the user wrote it', () => {
    const r = render(`${CORPUS}/syntax-error`);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`模板错误：${CORPUS}/syntax-error/partials/statements.hbs:2:1：语法错误：{{#each}} 没有对应的 {{/each}}（文件已结束）`);
    expect(r.stderr).toContain('  2 | {{#each statements.patientSide}}\n    | ^');
    noStack(r.stderr);
  });

  it('an unknown block tag names file and line and lists the allowed tags', () => {
    const r = render(`${CORPUS}/markup-tag`);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${CORPUS}/markup-tag/partials/statements.hbs:2:1：模板输出的标记有误：未知的块级标记 <para>；可用的标记：<h1>、<h2>、<h3>、<img>、<ol>、<p>、<pagebreak>`);
    expect(r.stderr).toContain('  2 | <para>{{statements.patientSide}}</para>');
    noStack(r.stderr);
  });

  it('--lang en: the same place, in English', () => {
    const out = path.join(tmpDir(), 'out');
    const r = jianding(['--lang', 'en', 'render', VALID, '--templates', `${CORPUS}/unknown-helper`, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`template error: ${CORPUS}/unknown-helper/partials/statements.hbs:2:1: unknown helper "upper"; known helpers: accidentGrade, and,`);
    noStack(r.stderr);
  });
});

describe('jianding check-templates', () => {
  it('reports every error of the folder with file:line:column, not only the first (exit 1)', () => {
    const r = jianding(['check-templates', `${CORPUS}/many-errors`]);
    expect(r.code).toBe(1);
    const dir = `${CORPUS}/many-errors`;
    const heads = r.stderr.split('\n').filter((l) => l.startsWith('模板错误：')).map((l) => l.split('：').slice(0, 2).join('：'));
    expect(heads).toEqual([
      `模板错误：${dir}/judicial/report.hbs:1:4`,
      `模板错误：${dir}/partials/faults.hbs:2:1`,
      `模板错误：${dir}/partials/statements.hbs:2:4`,
      `模板错误：${dir}/partials/statements.hbs:3:1`,
      `模板错误：${dir}/partials/statements.hbs:4:4`,
      // Found by rendering the example case: the broken files above do not hide it.
      `模板错误：${dir}/partials/causation.hbs:2:9`,
    ]);
    expect(r.stderr).toContain('是否应为「cnum」？');
    expect(r.stderr).toContain('是否应为「statements」？');
    expect(r.stderr).toContain(`${dir}：共 6 处模板错误`);
    expect(r.stdout).toBe('');
    noStack(r.stderr);
  });

  it('the bundled templates have no errors (exit 0)', () => {
    const r = jianding(['check-templates', 'templates']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^templates：\d+ 个模板文件，未发现错误\n$/);
    expect(r.stderr).toBe('');
  });

  it('a folder that does not exist: exit 1, no stack', () => {
    const r = jianding(['check-templates', '/no/such/folder']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('模板文件夹不存在：/no/such/folder');
    noStack(r.stderr);
  });
});

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jianding, tmpDir } from '../support/cli.js';

const VALID = path.resolve('templates/init/association.yaml');
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function writeCase(dir: string, name: string, edit: (text: string) => string = (t) => t): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, edit(fs.readFileSync(VALID, 'utf8')));
  return file;
}

describe('validate', () => {
  it('exit 0 for a valid case; results on stdout, nothing on stderr', () => {
    const r = jianding(['validate', VALID]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('校验通过');
    expect(r.stderr).toBe('');
  });

  it('exit 1 with the path, code and article for an invalid case', () => {
    const dir = tmpDir();
    const file = writeCase(dir, 'bad.yaml', (t) => t.replace('participation: 30 ', 'participation: 45 '));
    const r = jianding(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[CAUSATION_PARTICIPATION_RANGE]');
    expect(r.stderr).toContain('causationAnalysis.items[0].participation');
    expect(r.stderr).toContain('16%～44%');
    expect(r.stderr).toMatch(/bad\.yaml:\d+:\d+/);
    expect(r.stdout).toContain('校验未通过');
  });

  it('--json prints machine-readable diagnostics on stdout only', () => {
    const dir = tmpDir();
    const file = writeCase(dir, 'bad.yaml', (t) => t.replace('participation: 30 ', 'participation: 45 '));
    const r = jianding(['validate', '--json', file, VALID]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { ok: boolean; diagnostics: { code: string }[] }[];
    expect(out.map((x) => x.ok)).toEqual([false, true]);
    expect(out[0]!.diagnostics[0]!.code).toBe('CAUSATION_PARTICIPATION_RANGE');
  });

  it('exit 2 for a missing file, a directory, or an unknown option', () => {
    expect(jianding(['validate', 'no-such-file.yaml']).code).toBe(2);
    const dir = jianding(['validate', 'fixtures']);
    expect(dir.code).toBe(2);
    expect(dir.stderr).toContain('是文件夹');
    expect(jianding(['validate', '--bogus', VALID]).code).toBe(2);
    expect(jianding(['frobnicate']).code).toBe(2);
  });

  it('speaks English with --lang en', () => {
    const dir = tmpDir();
    const file = writeCase(dir, 'bad.yaml', (t) => t.replace('participation: 30 ', 'participation: 45 '));
    expect(jianding(['validate', '--lang', 'en', file]).stderr).toContain('must lie within 16%～44%');
  });

  it('--version and --help', () => {
    const v = jianding(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toBe(JSON.parse(fs.readFileSync('package.json', 'utf8')).version);
    const h = jianding(['render', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('--templates');
  });
});

describe('render', () => {
  it('writes DOCX and PDF as draft round 1, and a manifest exported from the register whose hashes match the files', () => {
    const out = tmpDir();
    const r = jianding(['render', VALID, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('征求意见稿（第 1 轮）');
    for (const f of ['association.draft-1.docx', 'association.draft-1.pdf', 'association.manifest.json', 'jianding-register.sqlite']) expect(fs.existsSync(path.join(out, f))).toBe(true);
    const m = JSON.parse(fs.readFileSync(path.join(out, 'association.manifest.json'), 'utf8'));
    const v = m.versions[0];
    expect(v.input.sha256).toBe(sha(VALID));
    expect(v.outputs.map((o: { file: string }) => o.file)).toEqual(['association.draft-1.docx', 'association.draft-1.pdf']);
    for (const o of v.outputs) expect(sha(path.join(out, o.file))).toBe(o.sha256);
    expect(v.status).toBe('draft');
    expect(Object.keys(v.templates)).toContain('association/report.hbs');
    expect(fs.readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('same input, same document bytes in any folder', () => {
    const a = tmpDir();
    const b = tmpDir();
    jianding(['render', VALID, '--out', a]);
    jianding(['render', VALID, '--out', b]);
    const documents = fs.readdirSync(a).filter((f) => /\.(docx|pdf)$/.test(f));
    expect(documents).toHaveLength(2);
    for (const f of documents) expect(sha(path.join(b, f))).toBe(sha(path.join(a, f)));
  });

  it('writes nothing for an invalid case', () => {
    const dir = tmpDir();
    const out = path.join(dir, 'out');
    const file = writeCase(dir, 'bad.yaml', (t) => t.replace('participation: 30 ', 'participation: 45 '));
    const r = jianding(['render', file, '--out', out]);
    expect(r.code).toBe(1);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('reports a template error with its file and writes nothing', () => {
    const dir = tmpDir();
    fs.mkdirSync(path.join(dir, 'tpl', 'partials'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'tpl', 'partials', 'statements.hbs'), '{{statements.nobody}}');
    const r = jianding(['render', VALID, '--templates', path.join(dir, 'tpl'), '--out', path.join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('statements.hbs');
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('rejects an unknown format and --draft with --final', () => {
    expect(jianding(['render', VALID, '--format', 'odt']).code).toBe(2);
    expect(jianding(['render', VALID, '--draft', '--final']).code).toBe(2);
  });
});

describe('config, init, schema, causation', () => {
  it('an institution config fills what the case leaves out', () => {
    const dir = tmpDir();
    const file = writeCase(dir, 'case.yaml', (t) => t.replace(/institution:\n(  .*\n)+/, ''));
    expect(jianding(['validate', file], { cwd: dir }).code).toBe(1);
    fs.writeFileSync(path.join(dir, 'jianding.config.json'), JSON.stringify({ institution: { name: '某某市医学会', shortName: '某医损鉴' } }));
    expect(jianding(['validate', file], { cwd: dir }).code).toBe(0);
  });

  it('a broken config is a usage error naming the field', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'jianding.config.json'), JSON.stringify({ fonts: { serf: 'x.ttf' } }));
    const r = jianding(['validate', VALID], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('配置文件');
  });

  it.each(['association', 'judicial', 'accident'])('init --kind %s writes a case that validates, and will not overwrite', (kind) => {
    const dir = tmpDir();
    const file = path.join(dir, 'case.yaml');
    expect(jianding(['init', '--kind', kind, '--out', file]).code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^# jianding 案件文件示例/);
    expect(jianding(['validate', file]).code).toBe(0);
    expect(jianding(['init', '--kind', kind, '--out', file]).code).toBe(2);
  });

  it('schema prints the JSON Schema kept in the repo', () => {
    const r = jianding(['schema']);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(fs.readFileSync('src/schema/case.schema.json', 'utf8')));
  });

  it('causation prints the reference table', () => {
    const r = jianding(['causation']);
    expect(r.stdout).toContain('次要因素\t次要作用\t次要责任\t16%～44%\t30%');
    expect(r.stdout).toContain('难以明确');
  });
});

describe('usage errors in Chinese, fonts from the command line', () => {
  it('commander errors are worded in Chinese (English with --lang en)', () => {
    expect(jianding(['render']).stderr).toBe('错误：缺少参数 file\n');
    expect(jianding(['batch', 'fixtures']).stderr).toContain('缺少必填选项 --out <dir>');
    expect(jianding(['init', '--kind', 'x']).stderr).toContain('的值「x」无效');
    expect(jianding(['--lang', 'en', 'render']).stderr).toContain("missing required argument 'file'");
  });

  it.skipIf(spawnSync('pdffonts', ['-v']).status !== 0)('--serif-font puts the institution font in the PDF, with the bundled face behind it', () => {
    const out = tmpDir();
    const latin = path.resolve('node_modules/@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf');
    expect(jianding(['render', VALID, '--format', 'pdf', '--out', out, '--serif-font', latin]).code).toBe(0);
    const fonts = spawnSync('pdffonts', [path.join(out, 'association.draft-1.pdf')], { encoding: 'utf8' }).stdout;
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSerif-Regular/);
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSerifSC-Regular/);
  });

  it('a damaged font file is a usage error that names the file and what is wrong; nothing is written', () => {
    const dir = tmpDir();
    const latin = fs.readFileSync(path.resolve('node_modules/@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf'));
    const truncated = path.join(dir, 'truncated.ttf');
    fs.writeFileSync(truncated, latin.subarray(0, 100_000));
    const out = path.join(dir, 'out');
    const r = jianding(['render', VALID, '--out', out, '--serif-font', truncated]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`字体文件无法使用：${truncated}（table 'GPOS' runs past the end of the file）`);
    expect(r.stderr).not.toContain('内部错误');
    expect(fs.existsSync(out) ? fs.readdirSync(out) : []).toEqual([]);
  });

  it('a font file that does not exist is a usage error', () => {
    const r = jianding(['render', VALID, '--sans-font', '/no/such/font.ttf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('找不到字体文件');
  });
});

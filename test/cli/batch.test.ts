import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { CLI, jianding, tmpDir } from '../support/cli.js';
import { expectConsistent } from '../register/support.js';

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function casesDir(valid: number, invalid = 0, edit: (t: string) => string = (t) => t): string {
  const dir = tmpDir('jd-cases-');
  const text = edit(fs.readFileSync('templates/init/association.yaml', 'utf8'));
  // Each case its own document number: the register lets one number belong to one case only.
  const numbered = (n: number) => text.replace('某医损鉴〔2026〕7号', `某医损鉴〔2026〕${n}号`);
  for (let i = 1; i <= valid; i++) fs.writeFileSync(path.join(dir, `case${String(i).padStart(2, '0')}.yaml`), numbered(100 + i));
  for (let i = 1; i <= invalid; i++) fs.writeFileSync(path.join(dir, `bad${i}.yaml`), numbered(200 + i).replace('participation: 30 ', 'participation: 45 '));
  return dir;
}

/** Every committed output is on disk with its recorded SHA-256, no temporary is left; returns the cases committed. */
function consistent(out: string): number {
  return new Set(expectConsistent(out).map((f) => f.name)).size;
}

describe('batch', () => {
  it('refuses a damaged institution font once, before any case, with exit 2 and nothing written', () => {
    const dir = casesDir(2);
    const font = path.join(tmpDir(), 'broken.ttf');
    fs.writeFileSync(font, fs.readFileSync('node_modules/@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf').subarray(0, 100_000));
    const out = path.join(tmpDir(), 'out');
    const r = jianding(['batch', dir, '--out', out, '--serif-font', font]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`错误：字体文件无法使用：${font}（table 'GPOS' runs past the end of the file）。请确认它是完整的 TrueType/OpenType 字体（.ttf、.ttc、.otf）\n`);
    expect(fs.existsSync(out) ? fs.readdirSync(out) : []).toEqual([]);
  });

  it('renders the good cases, reports the bad one, exits 1, and a rerun skips what is done', () => {
    const dir = casesDir(2, 1);
    const out = path.join(tmpDir(), 'out');
    const r = jianding(['batch', dir, '--out', out, '--jobs', '2']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/bad1\.yaml\t失败\t\t0\tCAUSATION_PARTICIPATION_RANGE/);
    expect(r.stdout).toMatch(/case01\.yaml\t已生成\t\d+\t0\t/);
    expect(r.stdout).toContain('共 3 件：已生成 2，已是最新 0，失败 1');
    expect(r.stderr).toContain('[3/3]');
    expect(fs.readdirSync(out).filter((f) => f.startsWith('bad1'))).toEqual([]);
    expect(consistent(out)).toBe(2);
    const again = jianding(['batch', dir, '--out', out]);
    expect(again.stdout).toContain('共 3 件：已生成 0，已是最新 2，失败 1');
  });

  it('--sample anonymises names throughout and marks every page 样本', async () => {
    const dir = casesDir(1, 0, (t) => t.replaceAll('张某某', '张三丰').replaceAll('赵某某', '赵子龙').replaceAll('某某市第一人民医院', '东方市人民医院'));
    const out = path.join(tmpDir(), 'out');
    expect(jianding(['batch', dir, '--out', out, '--sample', '--format', 'docx']).code).toBe(0);
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(out, 'case01.sample-1.docx')));
    const xml = (await Promise.all(Object.keys(zip.files).filter((f) => f.endsWith('.xml')).map((f) => zip.file(f)!.async('string')))).join('');
    expect(xml).not.toContain('张三丰');
    expect(xml).not.toContain('赵子龙');
    expect(xml).not.toContain('东方市人民医院');
    expect(xml).toContain('张某某');
    expect(xml).toContain('甲医院');
    expect(xml).toContain('样本');
  });

  it('Ctrl-C leaves no partial file under a final name, and a rerun finishes the rest', async () => {
    const dir = casesDir(12);
    const out = path.join(tmpDir(), 'out');
    const child = spawn(process.execPath, [CLI, 'batch', dir, '--out', out, '--jobs', '2'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (/\[2\/12\]/.test(stderr)) child.kill('SIGINT');
      });
      child.on('exit', () => resolve());
    });
    const done = consistent(out);
    expect(done).toBeLessThan(12);
    const rerun = jianding(['batch', dir, '--out', out]);
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain(`已生成 ${12 - done}，已是最新 ${done}`);
    consistent(out);
  });
});

describe('batch safeguards', () => {
  it('refuses two case files that would write the same outputs', () => {
    const dir = casesDir(1);
    fs.copyFileSync(path.join(dir, 'case01.yaml'), path.join(dir, 'case01.json'));
    const r = jianding(['batch', dir, '--out', path.join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('会生成同名文书');
  });

  it('a rerun with other fonts renders again; the same options are up to date', () => {
    const dir = casesDir(1);
    const out = path.join(dir, 'out');
    expect(jianding(['batch', dir, '--out', out, '--format', 'pdf']).stdout).toContain('已生成 1');
    expect(jianding(['batch', dir, '--out', out, '--format', 'pdf']).stdout).toContain('已是最新 1');
    const latin = path.resolve('node_modules/@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf');
    expect(jianding(['batch', dir, '--out', out, '--format', 'pdf', '--serif-font', latin]).stdout).toContain('已生成 1');
  });

  it('rendering fewer formats keeps every file of the version: it is up to date', () => {
    const dir = casesDir(1);
    const out = path.join(dir, 'out');
    jianding(['render', path.join(dir, 'case01.yaml'), '--out', out]);
    const r = jianding(['render', path.join(dir, 'case01.yaml'), '--out', out, '--format', 'docx']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已是最新');
    expect(fs.readdirSync(out).filter((f) => !f.startsWith('jianding-register')).sort()).toEqual(['case01.draft-1.docx', 'case01.draft-1.pdf', 'case01.manifest.json']);
    consistent(out);
  });
});

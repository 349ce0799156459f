/** The corpus of bad inputs in test/corpus: each must give its exact diagnostic and exit code, never a stack trace. */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { jianding, tmpDir } from '../support/cli.js';

const CORPUS = 'test/corpus';
const VALID = 'templates/init/association.yaml';
const expected = YAML.parse(fs.readFileSync(path.join(CORPUS, 'expected.yaml'), 'utf8')) as Record<string, { exit: number; code?: string; message?: string }>;
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('bad case files', () => {
  it.each(Object.entries(expected))('%s', (file, want) => {
    const r = jianding(['validate', '--json', path.join(CORPUS, file)]);
    expect(r.code).toBe(want.exit);
    const [result] = JSON.parse(r.stdout) as { diagnostics: { code: string; message: string }[] }[];
    if (want.code) {
      const d = result!.diagnostics.find((x) => x.code === want.code);
      expect(d, JSON.stringify(result!.diagnostics)).toBeDefined();
      expect(d!.message).toContain(want.message);
    }
    noStack(r.stderr);
  });

  it('a directory instead of a file is a usage error', () => {
    const r = jianding(['render', CORPUS]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('是文件夹');
    noStack(r.stderr);
  });

  it('a 50 MB file is refused before it is read', () => {
    const big = path.join(tmpDir(), 'big.yaml');
    fs.writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 0x61));
    const r = jianding(['validate', big]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('案件文件过大');
    noStack(r.stderr);
  });

  it('prototype keys pollute nothing', () => {
    const r = jianding(['validate', '--json', path.join(CORPUS, 'proto-key.json')]);
    expect(r.stdout).not.toContain('polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('broken templates', () => {
  const table = YAML.parse(fs.readFileSync(path.join(CORPUS, 'templates', 'expected.yaml'), 'utf8')) as Record<string, string>;
  it.each(Object.entries(table))('%s: clear error, exit 1, nothing rendered', (name, message) => {
    const out = path.join(tmpDir(), 'out');
    const r = jianding(['render', VALID, '--templates', path.join(CORPUS, 'templates', name), '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toMatch(/模板错误：.*\.hbs/);
    expect(fs.existsSync(out)).toBe(false);
    noStack(r.stderr);
  });

  it('a templates folder that does not exist', () => {
    const r = jianding(['render', VALID, '--templates', '/no/such/folder', '--out', tmpDir()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('模板文件夹不存在');
  });
});

describe('output problems', () => {
  it('a read-only output folder: exit 2, a clear message, no partial file', () => {
    const out = tmpDir();
    // root ignores permission bits, so as root the folder is made immutable instead.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) execFileSync('chattr', ['+i', out]);
    else fs.chmodSync(out, 0o555);
    try {
      const r = jianding(['render', VALID, '--out', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(out);
      expect(fs.readdirSync(out)).toEqual([]);
      noStack(r.stderr);
    } finally {
      if (asRoot) execFileSync('chattr', ['-i', out]);
      else fs.chmodSync(out, 0o755);
    }
  });

  it('an output path that is a file: exit 2, a clear message', () => {
    const file = path.join(tmpDir(), 'occupied');
    fs.writeFileSync(file, 'x');
    const r = jianding(['render', VALID, '--out', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('无法写入输出文件夹');
    noStack(r.stderr);
  });
});

describe('a full disk', () => {
  const mountable = process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0;
  // 64 KiB: not even room for the register; 200 KiB: the register and the DOCX fit, the PDF does not.
  it.skipIf(!mountable).each(['64k', '200k'])('a %s disk: exit 2, says the disk is full, leaves no document or temporary file', (size) => {
    const dir = tmpDir();
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
    try {
      const r = jianding(['render', VALID, '--out', dir]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('磁盘已满');
      expect(r.stderr).toMatch(/未写入任何文书|本次没有留下任何文件/);
      expect(fs.readdirSync(dir).filter((f) => !f.startsWith('jianding-register.sqlite'))).toEqual([]);
      if (size === '64k') expect(fs.readdirSync(dir)).toEqual([]);
      noStack(r.stderr);
    } finally {
      execFileSync('umount', [dir]);
    }
  });

});

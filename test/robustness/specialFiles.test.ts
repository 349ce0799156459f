/**
 * Special files given where a regular file is expected: a FIFO would block the read forever and
 * /dev/zero would be read until memory runs out. Each is refused at once with exit 2.
 * Run through the built CLI with a timeout, since the failure being guarded against is a hang.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, tmpDir } from '../support/cli.js';

const VALID = path.resolve('templates/init/association.yaml');
const canFifo = process.platform !== 'win32' && spawnSync('mkfifo', ['--version']).status === 0;
const hasDevZero = fs.existsSync('/dev/zero');

function run(args: string[], cwd?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 15_000, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stderr: r.stderr, stdout: r.stdout, timedOut: r.signal !== null };
}

function fifo(): string {
  const file = path.join(tmpDir('jd-fifo-'), 'case.yaml');
  execFileSync('mkfifo', [file]);
  return file;
}

const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('case files that are not regular files', () => {
  it.skipIf(!canFifo)('a FIFO as the case file: exit 2 at once, naming the file and the rule', () => {
    const file = fifo();
    const r = run(['validate', file]);
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toContain('不是普通文件');
    noStack(r.stderr);
  });

  it.skipIf(!hasDevZero)('/dev/zero as the case file: exit 2, not an endless read', () => {
    const r = run(['validate', '/dev/zero']);
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('/dev/zero');
    expect(r.stderr).toContain('不是普通文件');
  });

  it('a symlink to a regular case file is read as usual', () => {
    const link = path.join(tmpDir('jd-link-'), 'case.yaml');
    fs.symlinkSync(VALID, link);
    const r = run(['validate', link]);
    expect(r.code).toBe(0);
  });
});

describe('font files that are not regular files', () => {
  it.skipIf(!canFifo)('--serif-font naming a FIFO: exit 2 before anything is rendered', () => {
    const font = fifo();
    const out = path.join(tmpDir(), 'out');
    const r = run(['render', VALID, '--format', 'pdf', '--serif-font', font, '--out', out]);
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(font);
    expect(r.stderr).toContain('不是普通文件');
    expect(fs.existsSync(out)).toBe(false);
    noStack(r.stderr);
  });

  it.skipIf(!hasDevZero)('a config file whose fonts.serif is /dev/zero: exit 2', () => {
    const dir = tmpDir('jd-conf-');
    fs.writeFileSync(path.join(dir, 'jianding.config.json'), JSON.stringify({ fonts: { serif: '/dev/zero' } }));
    const r = run(['render', VALID, '--format', 'pdf', '--out', path.join(dir, 'out')], dir);
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('/dev/zero');
    expect(r.stderr).toContain('不是普通文件');
  });

  it.skipIf(!canFifo)('a FIFO as the config file itself: exit 2', () => {
    const conf = fifo();
    const r = run(['validate', '--config', conf, VALID]);
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不是普通文件');
  });
});

/**
 * One-document commands start from V8's code cache made at build time (src/cli/codeCache.ts):
 * the same documents as from the module bundle, and a cache that does not fit is never used.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, tmpDir } from '../support/cli.js';

const FIXTURE = path.resolve('fixtures/13_accident_referral_stomatology_wrong_tooth.yaml');
const REPORT = { JIANDING_STARTUP_REPORT: '1', NO_COLOR: '1' };

/** The environment of a user's shell: no NODE_OPTIONS from the test runner. */
function userEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...REPORT, ...extra };
  if (!('NODE_OPTIONS' in extra)) delete env.NODE_OPTIONS;
  return env;
}

function render(cli: string, env: NodeJS.ProcessEnv) {
  const out = tmpDir('jd-cache-');
  const r = spawnSync(process.execPath, [cli, 'render', FIXTURE, '--out', out], { encoding: 'utf8', env });
  const files = r.status === 0 ? fs.readdirSync(out).filter((f) => /\.(pdf|docx)$/.test(f)).sort() : [];
  const bytes = Object.fromEntries(files.map((f) => [f, fs.readFileSync(path.join(out, f))]));
  fs.rmSync(out, { recursive: true, force: true });
  return { code: r.status, stderr: r.stderr, bytes };
}

/** A copy of the built package's dist/ (node_modules, templates and the unpacked fonts linked), to spoil without touching the real one. */
function copiedPackage(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jd-pkg-'));
  fs.mkdirSync(path.join(root, 'dist'));
  for (const f of fs.readdirSync('dist')) if (/^jianding|\.json$/.test(f)) fs.copyFileSync(path.join('dist', f), path.join(root, 'dist', f));
  for (const f of ['node_modules', 'templates', 'dist/fonts']) fs.symlinkSync(path.resolve(f), path.join(root, f));
  fs.copyFileSync('package.json', path.join(root, 'package.json'));
  return root;
}

const copies: string[] = [];
afterAll(() => {
  for (const c of copies) fs.rmSync(c, { recursive: true, force: true });
});

describe('starting a one-document command from the code cache', () => {
  it('render starts from the cache the build wrote, and V8 accepts it', () => {
    const r = render(CLI, userEnv());
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('启动：代码缓存\n');
  });

  it('makes the same DOCX and PDF bytes as the module bundle', () => {
    const cached = render(CLI, userEnv());
    const bundle = render(CLI, userEnv({ JIANDING_NO_CODE_CACHE: '1' }));
    expect(bundle.stderr).toContain('启动：模块包');
    expect(Object.keys(cached.bytes)).toHaveLength(2);
    expect(Object.keys(bundle.bytes)).toEqual(Object.keys(cached.bytes));
    for (const [name, bytes] of Object.entries(cached.bytes)) expect(Buffer.compare(bytes, bundle.bytes[name]!), name).toBe(0);
  });

  it('is not used under other V8 flags (NODE_OPTIONS), and batch never uses it', () => {
    const r = render(CLI, userEnv({ NODE_OPTIONS: '--max-old-space-size=2048' }));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('启动：模块包');
    const out = tmpDir('jd-cache-batch-');
    const batch = spawnSync(process.execPath, [CLI, 'batch', path.dirname(FIXTURE), '--out', out, '--jobs', '1'], { encoding: 'utf8', env: userEnv() });
    fs.rmSync(out, { recursive: true, force: true });
    expect(batch.stderr).toContain('启动：模块包');
  });

  it('is not used for a script rebuilt since the cache was made (V8 itself compares only its length)', () => {
    const root = copiedPackage();
    copies.push(root);
    const script = path.join(root, 'dist', 'jianding-oneshot.cjs');
    const source = fs.readFileSync(script, 'utf8');
    // Same length, other code: a stale cache would run the old functions.
    fs.writeFileSync(script, source.replace('__jiandingScriptUrl', '__jiandingScriptUrL'));
    expect(fs.readFileSync(script, 'utf8')).not.toBe(source);
    const r = render(path.join(root, 'dist', 'jianding.mjs'), userEnv());
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('启动：模块包');
  });

  it('a cache V8 rejects (truncated) still renders, compiled from source', () => {
    const root = copiedPackage();
    copies.push(root);
    const cache = path.join(root, 'dist', 'jianding-oneshot.cache');
    fs.truncateSync(cache, Math.floor(fs.statSync(cache).size / 2));
    const r = render(path.join(root, 'dist', 'jianding.mjs'), userEnv());
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('启动：代码缓存未被 V8 接受');
    expect(Object.keys(r.bytes)).toHaveLength(2);
  });
});

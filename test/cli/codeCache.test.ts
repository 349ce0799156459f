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

type Documents = Record<string, Buffer>;

/** The DOCX and PDF files in a folder, by name. */
function documentsIn(out: string): Documents {
  const files = fs.readdirSync(out).filter((f) => /\.(pdf|docx)$/.test(f)).sort();
  return Object.fromEntries(files.map((f) => [f, fs.readFileSync(path.join(out, f))]));
}

/** Same files, byte for byte. */
function expectSameDocuments(a: Documents, b: Documents, count: number): void {
  expect(Object.keys(a)).toHaveLength(count);
  expect(Object.keys(b)).toEqual(Object.keys(a));
  for (const [name, bytes] of Object.entries(a)) expect(Buffer.compare(bytes, b[name]!), name).toBe(0);
}

function render(cli: string, env: NodeJS.ProcessEnv) {
  const out = tmpDir('jd-cache-');
  const r = spawnSync(process.execPath, [cli, 'render', FIXTURE, '--out', out], { encoding: 'utf8', env });
  const bytes = r.status === 0 ? documentsIn(out) : {};
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
    expectSameDocuments(cached.bytes, bundle.bytes, 2);
  });

  it('is not used under other V8 flags (NODE_OPTIONS)', () => {
    const r = render(CLI, userEnv({ NODE_OPTIONS: '--max-old-space-size=2048' }));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('启动：模块包');
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

/** Runs a batch over the given case files (one worker) and returns its stderr and the documents' bytes. */
function batch(files: string[], env: NodeJS.ProcessEnv) {
  const dir = tmpDir('jd-cache-cases-');
  for (const f of files) fs.copyFileSync(f, path.join(dir, path.basename(f)));
  const out = tmpDir('jd-cache-batch-');
  const r = spawnSync(process.execPath, [CLI, 'batch', dir, '--out', out, '--jobs', '1'], { encoding: 'utf8', env });
  const bytes = documentsIn(out);
  for (const d of [dir, out]) fs.rmSync(d, { recursive: true, force: true });
  return { code: r.status, stderr: r.stderr, bytes };
}

describe('a batch\'s workers and the code cache', () => {
  const two = [FIXTURE, path.resolve('fixtures/10_association_pediatrics_kawasaki_no_fault.yaml')];

  it('a small batch\'s workers start from the cache (the batch itself from the module bundle) and write the same bytes', () => {
    const cached = batch(two, userEnv());
    expect(cached.code).toBe(0);
    expect(cached.stderr).toContain('启动：模块包\n');
    expect(cached.stderr).toContain('批量子线程启动：代码缓存\n');
    const bundle = batch(two, userEnv({ JIANDING_NO_CODE_CACHE: '1' }));
    expect(bundle.stderr).toContain('批量子线程启动：模块包\n');
    expectSameDocuments(cached.bytes, bundle.bytes, 4);
  });

  it('a large batch\'s workers, which keep the optimizing compiler, do not use it', () => {
    // 41 cases (one more than a small batch), invalid so that they fail fast: only the workers' start is looked at.
    const dir = tmpDir('jd-cache-large-');
    const files = Array.from({ length: 41 }, (_, i) => path.join(dir, `bad${i}.yaml`));
    for (const f of files) fs.writeFileSync(f, 'report: {}\n');
    const r = batch(files, userEnv());
    fs.rmSync(dir, { recursive: true, force: true });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('批量子线程启动：模块包\n');
  });
});

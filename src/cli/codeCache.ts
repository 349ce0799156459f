/**
 * One-document commands start from V8's code cache (issue 17, cold start).
 *
 * Node 20 has no compile cache for ES modules, so every `jianding render` parsed about 2 MB of
 * bundled JavaScript and compiled each function it ran on first call. The build therefore
 * also writes the CLI as one CommonJS script (dist/jianding-oneshot.cjs), runs `render` and
 * `verify` once with it (build/codeCache.ts) and keeps V8's code cache of everything those runs
 * compiled. A later one-document command runs that script from the cache: the functions it
 * holds need no parsing or compiling; any other function compiles on first call as usual.
 *
 * The cache belongs to one V8 version and one set of V8 flags; the record beside it says which.
 * Where they differ (another Node, NODE_OPTIONS with V8 flags) or a file is missing, the entry
 * loads the ES module bundle as before. Should V8 still reject the cache, it compiles the
 * script from source: slower, never wrong. The output is the same either way (tests).
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { createRequire } from 'node:module';
import { PACKAGE_ROOT } from '../paths.js';
import { sha256 } from '../register/hash.js';

const DIST = path.join(PACKAGE_ROOT, 'dist');
export const ONE_SHOT = {
  script: path.join(DIST, 'jianding-oneshot.cjs'),
  cache: path.join(DIST, 'jianding-oneshot.cache'),
  record: path.join(DIST, 'jianding-oneshot.json'),
};

/** Set by the build: this process writes the cache when it exits. */
export const WRITE_CACHE_ENV = 'JIANDING_WRITE_CODE_CACHE';
/** Set to 1 to load the ES module bundle (tests compare the two). */
const NO_CACHE_ENV = 'JIANDING_NO_CODE_CACHE';

/**
 * What a cache is good for: V8's version and flags, which V8 checks, and the script's SHA-256,
 * which it does not (it compares only the source's length, so a rebuilt script of the same
 * length would run the old code).
 */
interface CacheKey {
  v8: string;
  flags: string[];
  script: string;
}

/** The part of the key a process knows without reading the script. */
function runtimeOf(v8Flags: readonly string[]): Omit<CacheKey, 'script'> {
  return { v8: process.versions.v8, flags: [...process.execArgv, process.env.NODE_OPTIONS ?? '', ...v8Flags] };
}

function sameRuntime(a: Omit<CacheKey, 'script'>, b: Omit<CacheKey, 'script'>): boolean {
  return a.v8 === b.v8 && JSON.stringify(a.flags) === JSON.stringify(b.flags);
}

function readRecord(): CacheKey | undefined {
  try {
    return JSON.parse(fs.readFileSync(ONE_SHOT.record, 'utf8')) as CacheKey;
  } catch {
    return undefined;
  }
}

/** CommonJS's own wrapper: the script sees exports, require, module, __filename and __dirname. */
const wrap = (source: string) => `(function (exports, require, module, __filename, __dirname) {${source}\n})`;

function run(script: vm.Script): void {
  const module = { exports: {} };
  const main = script.runInThisContext() as (...args: unknown[]) => void;
  main.call(module.exports, module.exports, createRequire(ONE_SHOT.script), module, ONE_SHOT.script, DIST);
}

/** At exit, V8's code for everything this run compiled, and the key it belongs to. */
function writeCacheAtExit(script: vm.Script, key: CacheKey): void {
  process.once('exit', () => {
    try {
      // Written aside and renamed: a process starting meanwhile reads the old cache or the new, never half of one.
      const aside = `${ONE_SHOT.cache}.${process.pid}.tmp`;
      fs.writeFileSync(aside, script.createCachedData());
      fs.renameSync(aside, ONE_SHOT.cache);
      fs.writeFileSync(ONE_SHOT.record, `${JSON.stringify(key)}\n`);
    } catch {
      // A package folder that is not writable keeps the ES module start.
    }
  });
}

/** How this process started its code: for the startup report and the tests. */
export type StartPath = 'code cache' | 'code cache rejected' | 'module bundle';

/** Set to 1 to have the entry say on stderr how it started (StartPath, in Chinese). */
export const STARTUP_REPORT_ENV = 'JIANDING_STARTUP_REPORT';

export const START_PATH_ZH: Record<StartPath, string> = {
  'code cache': '启动：代码缓存',
  'code cache rejected': '启动：代码缓存未被 V8 接受，已从源码编译',
  'module bundle': '启动：模块包',
};

/**
 * Runs the CLI from the one-shot script and its code cache when they fit this process;
 * returns the path taken, or 'module bundle' when the caller must import main.js itself.
 */
export function runFromCodeCache(v8Flags: readonly string[]): StartPath {
  const writing = process.env[WRITE_CACHE_ENV] === '1';
  if (process.env[NO_CACHE_ENV] === '1' && !writing) return 'module bundle';
  // Version and flags first: a process they do not fit need not read and hash the script.
  const runtime = runtimeOf(v8Flags);
  const record = readRecord();
  const runtimeFits = record !== undefined && sameRuntime(record, runtime);
  if (!runtimeFits && !writing) return 'module bundle';
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(ONE_SHOT.script);
  } catch {
    return 'module bundle';
  }
  const key: CacheKey = { ...runtime, script: sha256(bytes) };
  const fits = runtimeFits && record.script === key.script;
  if (!fits && !writing) return 'module bundle';
  // A writing run that finds a cache that fits extends it: the build warms up with render, then verify.
  let cachedData: Buffer | undefined;
  try {
    cachedData = fits ? fs.readFileSync(ONE_SHOT.cache) : undefined;
  } catch {
    if (!writing) return 'module bundle';
  }
  // The build writes the script in ASCII (bundle.ts, asciiScript): latin1 is the fastest exact decoding.
  const script = new vm.Script(wrap(bytes.toString('latin1')), { filename: ONE_SHOT.script, ...(cachedData ? { cachedData } : {}) });
  if (writing) writeCacheAtExit(script, key);
  run(script);
  return script.cachedDataRejected ? 'code cache rejected' : 'code cache';
}

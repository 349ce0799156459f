#!/usr/bin/env node
/**
 * The bundled CLI's entry: sets what must be set before the rest of the code is loaded, then
 * runs the CLI. A one-document command turns V8's optimizing compiler off (startup.ts says why)
 * and starts from V8's code cache of the one-shot script where it fits (codeCache.ts); other
 * commands, and any process the cache does not fit, import main.js, with Node's module compile
 * cache where Node has one (≥ 22.1; a no-op on Node 20).
 */
import module from 'node:module';
import v8 from 'node:v8';
import { runFromCodeCache, START_PATH_ZH, STARTUP_REPORT_ENV, type StartPath } from './codeCache.js';
import { isShortLived, startupV8Flags } from './startup.js';

const args = process.argv.slice(2);
const flags = startupV8Flags(args);
for (const flag of flags) v8.setFlagsFromString(flag);
let started: StartPath = 'module bundle';
if (isShortLived(args)) started = runFromCodeCache(flags);
if (started === 'module bundle') {
  (module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  await import('./main.js');
}
if (process.env[STARTUP_REPORT_ENV] === '1') process.stderr.write(`${START_PATH_ZH[started]}\n`);

#!/usr/bin/env node
/**
 * The bundled CLI's entry: sets what must be set before the rest of the code is loaded, then
 * imports main.js. Node's module compile cache (Node ≥ 22.1; a no-op on Node 20) lets later
 * starts reuse V8's compiled code instead of parsing the bundle again; a one-document command
 * turns V8's optimizing compiler off (startup.ts says why).
 */
import module from 'node:module';
import v8 from 'node:v8';
import { startupV8Flags } from './startup.js';

(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
for (const flag of startupV8Flags(process.argv.slice(2))) v8.setFlagsFromString(flag);
await import('./main.js');

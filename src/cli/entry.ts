#!/usr/bin/env node
/**
 * The bundled CLI's entry: turns on Node's module compile cache (Node ≥ 22.1; a no-op on
 * Node 20) before the rest of the code is loaded, so later starts reuse V8's compiled code
 * instead of parsing the bundle again. main.js is imported only afterwards for that reason.
 */
import module from 'node:module';

(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
await import('./main.js');

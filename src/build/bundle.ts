/**
 * After tsc: bundles the CLI and the batch worker into one file each (dist/jianding.mjs,
 * dist/jianding-worker.mjs). Node's ESM loader resolves, reads and compiles some 400 modules
 * one by one; a single file cuts about a fifth off a cold `jianding render` (README, 基准测试).
 * The bundles sit directly in dist/, as dist/paths.js does, so paths to the package's own
 * files (templates, package.json) resolve the same. Dependencies that locate their own
 * files at run time stay in node_modules: piscina starts its worker script from __dirname,
 * and the fonts and pdf-lib's single-file build are required by path.
 */
import { build, type BuildOptions } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { ONE_SHOT } from '../cli/codeCache.js';
import { PACKAGE_ROOT } from '../paths.js';
import { lazyDependencies } from './lazyDependencies.js';
import { writeDeflateRecord } from './deflateRecord.js';
import { writePrecompiledTemplates } from './precompileTemplates.js';
import { buildWeb } from './web.js';

const dist = path.join(PACKAGE_ROOT, 'dist');
// Bundled CommonJS dependencies call require(); an ES module has none of its own.
const banner = "import { createRequire as __jiandingRequire } from 'node:module'; const require = __jiandingRequire(import.meta.url);";

// Chunks are named by content hash: drop the previous build's so dist/ holds one set.
for (const f of fs.readdirSync(dist)) if (/^jianding-chunk-.*\.mjs$/.test(f)) fs.rmSync(path.join(dist, f));

/** What both bundles share: where they go and what is left out, shrunk and deferred. */
const common = {
  outdir: dist,
  bundle: true,
  platform: 'node',
  target: 'node20',
  // better-sqlite3 loads its native addon by path.
  external: ['piscina', 'better-sqlite3'],
  // Less source to read and parse at every start (V8 pre-parses all of it); names are kept
  // because messages and instanceof checks do not depend on them, but stack traces (--debug) do.
  minify: true,
  keepNames: true,
  plugins: [lazyDependencies],
  logLevel: 'warning',
} as const satisfies BuildOptions;

await build({
  ...common,
  entryPoints: { jianding: path.join(dist, 'cli', 'entry.js'), 'jianding-worker': path.join(dist, 'cli', 'batchWorker.js') },
  outExtension: { '.js': '.mjs' },
  // Code behind a dynamic import (sign, diff, serve, deid, the register…) goes into chunks of
  // its own, so a command reads and compiles only the code it runs. Chunks sit beside the
  // entry points in dist/, where import.meta.url resolves package paths the same.
  splitting: true,
  chunkNames: 'jianding-chunk-[hash]',
  format: 'esm',
  banner: { js: banner },
});

// The same CLI as one CommonJS script, for one-document commands started from V8's code
// cache (src/cli/codeCache.ts; the cache is written by build/codeCache.ts once the fonts are
// unpacked). One file without chunks: a vm.Script has no module loader, and the cache covers
// only the script it was made with. import.meta.url becomes the script's own file URL, in
// dist/ like the module bundle, so package paths resolve the same.
const ONE_SHOT_URL = '__jiandingScriptUrl';
await build({
  ...common,
  entryPoints: { 'jianding-oneshot': path.join(dist, 'cli', 'main.js') },
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  banner: { js: `const ${ONE_SHOT_URL} = require('node:url').pathToFileURL(__filename).href;` },
  define: { 'import.meta.url': ONE_SHOT_URL },
});
fs.writeFileSync(ONE_SHOT.script, asciiScript(fs.readFileSync(ONE_SHOT.script, 'utf8')));

/**
 * The one-shot script as the entry reads it: without its #! line (it runs inside a function
 * wrapper, where that line is a syntax error), and in ASCII, so the entry decodes it as latin1
 * (about 12 ms less than UTF-8 at every start, and V8 keeps it one byte per character).
 * esbuild escapes strings, templates and names but leaves regular expressions as written;
 * there a \uXXXX escape of each UTF-16 unit means the same (with or without the u flag,
 * where an escaped surrogate pair is one code point), and minified code has no other.
 */
function asciiScript(source: string): string {
  const unit = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  // An escaped character (「\（」, an identity escape) becomes its \uXXXX escape, not 「\\uXXXX」.
  const escaped = source.replace(/^#![^\n]*\n/, '').replace(/(\\*)([^\x00-\x7f])/g, (_, slashes: string, c: string) => (slashes.length % 2 ? slashes.slice(1) : slashes) + unit(c));
  new vm.Script(escaped); // a syntax error here would otherwise surface at every start
  return escaped;
}

await buildWeb();
writeDeflateRecord();
writePrecompiledTemplates();

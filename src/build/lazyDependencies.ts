/**
 * Build-time only: defers work that fontkit does when it is loaded but a render never needs.
 * fontkit builds four Unicode tries (inflating each) for its shapers, and evaluates brotli
 * with its dictionary for WOFF2; jianding reads glyph ids and outlines, never shapes, and
 * institutions supply TTF/TTC/OTF. Both were about 40–70 ms of every cold start (issue 17).
 * The code the bundle runs is the same; only when it runs changes — except DEFLATE, which
 * native zlib does instead of tiny-inflate, with the same answers.
 */
import type { Plugin } from 'esbuild';
import { PACKAGE_ROOT } from '../paths.js';

/** A trie that inflates its data on the first lookup; fontkit and unicode-properties only call get(). */
const LAZY_TRIE = `
import UnicodeTrie from 'unicode-trie/index.js';
export default class LazyUnicodeTrie {
  constructor(data) { this.data = data; this.trie = undefined; }
  get(codePoint) { return (this.trie ??= new UnicodeTrie(this.data)).get(codePoint); }
}`;

/**
 * tiny-inflate's contract (raw DEFLATE into a buffer of the known size; what is left unfilled is
 * cut off) on Node's native zlib. fontkit builds a glyph's isMark from a Unicode trie on the
 * first glyph lookup, and inflating that trie in JavaScript cost a cold render about 60 ms;
 * zlib inflates it in about one. WOFF tables go through the same function.
 */
const NATIVE_INFLATE = `
const { inflateRawSync } = require('node:zlib');
// CommonJS like tiny-inflate itself: unicode-trie require()s it, fontkit imports its default.
module.exports = function inflate(source, dest) {
  const out = inflateRawSync(source);
  const n = Math.min(out.length, dest.length);
  dest.set(n === out.length ? out : out.subarray(0, n));
  return n < dest.length ? dest.slice(0, n) : dest;
};`;

/** brotli loaded from node_modules on the first WOFF2 table, never while starting. */
const LAZY_BROTLI = `
const name = 'brotli/decompress.js';
export default function decompress(buffer, size) { return require(name)(buffer, size); }`;

export const lazyDependencies: Plugin = {
  name: 'jianding-lazy-dependencies',
  setup(build) {
    build.onResolve({ filter: /^unicode-trie$/ }, () => ({ path: 'lazy-unicode-trie', namespace: 'jianding-lazy' }));
    build.onResolve({ filter: /^brotli\/decompress(\.js)?$/ }, () => ({ path: 'lazy-brotli', namespace: 'jianding-lazy' }));
    build.onResolve({ filter: /^tiny-inflate$/ }, () => ({ path: 'native-inflate', namespace: 'jianding-lazy' }));
    build.onLoad({ filter: /.*/, namespace: 'jianding-lazy' }, (args) => ({
      contents: { 'lazy-unicode-trie': LAZY_TRIE, 'lazy-brotli': LAZY_BROTLI, 'native-inflate': NATIVE_INFLATE }[args.path],
      loader: 'js',
      // The virtual modules import real packages: resolve them from the project.
      resolveDir: PACKAGE_ROOT,
    }));
  },
};

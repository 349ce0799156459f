/**
 * Font files: which file serves which slot, loaded and parsed once per process.
 * A slot is one of the norms' four faces (仿宋 body, 宋 titles, 黑 headings and labels,
 * 楷 second-level headings) in a regular and a bold weight. An institution may name its own
 * file for any slot (a collection's face by name); the bundled face stays behind it as a
 * fallback for characters the institution's font lacks (仿宋_GB2312 covers GB 2312 only).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import type { FontRole } from '../../document/tree.js';
import { describeReadError, ReadFileError, readRegularFile } from '../../io/readRegularFile.js';
import { FaceNotFound, singleFace } from './fontProgram/fontFile.js';
import { checkFontProgram } from './fontProgram/subset.js';
import { readWithoutOutlines } from './fontProgram/sparseFont.js';
import { outlinesOnDemand } from './fontReads.js';
import { MAX_FONT_BYTES } from '../../io/fileLimits.js';
import { PACKAGE_ROOT } from '../../paths.js';
import { faceMetricsOf } from './measure.js';
import type { FaceKey, FaceMetrics, FaceSet, FontSlot } from './model.js';
import { roleOf, SLOTS } from './fontSlots.js';

/** A font file, and for a collection (.ttc/.otc) the face to use: family, full or PostScript name. */
export type FaceSpec = string | { file: string; face?: string };

/** Older configurations named two slots, serif and sans; they still work (see configured). */
type LegacySlot = 'serif' | 'serifBold' | 'sans' | 'sansBold';

export type PdfFontConfig = Partial<Record<FontSlot | LegacySlot, FaceSpec>>;

export interface LoadedFace {
  key: FaceKey;
  path: string;
  bytes: Uint8Array;
  font: Font;
  metrics: FaceMetrics;
}

export interface FontSet extends FaceSet {
  face(key: FaceKey): LoadedFace;
}

const require = createRequire(import.meta.url);

export { SLOTS, slotFor } from './fontSlots.js';

/**
 * The bundled faces, by a key that names them the same on every machine (it orders the PDF's
 * font resources and seeds the subset tag). No openly licensed 仿宋 is packaged for npm or
 * Debian, so 仿宋 is Noto Serif SC; 宋 stands for 小标宋 (titles), whose heavier strokes
 * Noto Serif SC SemiBold comes closest to; 楷 is LXGW WenKai (OFL), shipped as WOFF.
 */
const BUNDLED_FILES = {
  'noto-serif-sc-400': '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  'noto-serif-sc-600': '@expo-google-fonts/noto-serif-sc/600SemiBold/NotoSerifSC_600SemiBold.ttf',
  'noto-serif-sc-700': '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  'noto-sans-sc-400': '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  'noto-sans-sc-700': '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  'lxgw-wenkai-400': '@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff',
  'lxgw-wenkai-700': '@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-700-normal.woff',
  // Last in every chain: Latin Noto Serif, for what the CJK faces lack but medical text uses —
  // superscript and subscript digits (×10⁹/L, SpO₂), and wider Greek, Cyrillic and symbols.
  'noto-serif-400': '@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf',
  'noto-serif-700': '@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf',
} as const;
type BundledKey = keyof typeof BUNDLED_FILES;

const weight = (slot: FontSlot) => (slot.endsWith('Bold') ? '700' : '400');

/** Bundled faces for a slot, best first: its own face, then what fills its gaps. */
function bundledChain(slot: FontSlot): BundledKey[] {
  const w = weight(slot);
  const chain: Record<FontRole, BundledKey[]> = {
    fangsong: [`noto-serif-sc-${w}`],
    song: [w === '700' ? 'noto-serif-sc-700' : 'noto-serif-sc-600'],
    songti: [`noto-serif-sc-${w}`],
    hei: [`noto-sans-sc-${w}`],
    // WenKai lacks a few rare characters Noto Serif SC has.
    kai: [`lxgw-wenkai-${w}`, `noto-serif-sc-${w}`],
  };
  return [...chain[roleOf(slot)], `noto-serif-${w}`];
}

export function bundledFontPath(key: BundledKey): string {
  return require.resolve(BUNDLED_FILES[key]);
}

/** '@scope/name' of a bundled file's path. */
const packageOf = (spec: string): string => spec.split('/').slice(0, 2).join('/');

/** npm package, version and file: the package lock pins the bytes, so this names them. */
export function bundledIdentity(key: BundledKey): string {
  const spec = BUNDLED_FILES[key];
  const pkg = packageOf(spec);
  return `${pkg}@${(require(`${pkg}/package.json`) as { version: string }).version}/${spec.slice(pkg.length + 1)}`;
}

/**
 * Where the build leaves a bundled WOFF face unpacked (src/build/unpackFonts.ts): inflating
 * WenKai's 10 MB of glyphs costs a cold render about 300 ms, reading the unpacked file 10.
 * The bytes are the same either way, so documents are too.
 */
export function unpackedFontPath(key: BundledKey): string | undefined {
  if (!BUNDLED_FILES[key].endsWith('.woff')) return undefined;
  return path.join(PACKAGE_ROOT, 'dist', 'fonts', `${bundledIdentity(key).replace(/[^\w.@-]+/g, '_')}.ttf`);
}

export const BUNDLED_KEYS = Object.keys(BUNDLED_FILES) as BundledKey[];

/** The npm packages the bundled faces come from, and the files of them that are used. */
export function bundledPackages(): Map<string, string[]> {
  const used = new Map<string, string[]>();
  for (const spec of Object.values(BUNDLED_FILES)) {
    const pkg = packageOf(spec);
    used.set(pkg, [...(used.get(pkg) ?? []), spec.slice(pkg.length + 1)]);
  }
  return used;
}

const bundledSources = new Map<BundledKey, FaceSource>();

/** Resolved once per process: every render asks for the font set (and its fingerprint) again. */
function bundledSource(key: BundledKey): FaceSource {
  let source = bundledSources.get(key);
  if (!source) {
    const unpacked = unpackedFontPath(key);
    const file = unpacked && existsSync(unpacked) ? unpacked : bundledFontPath(key);
    bundledSources.set(key, (source = { path: file, identity: bundledIdentity(key) }));
  }
  return source;
}

/** The file and face of a configured slot; the legacy serif/sans keys fill roles left unnamed. */
function configured(config: PdfFontConfig, slot: FontSlot): { path: string; face?: string } | undefined {
  const bold = slot.endsWith('Bold') ? 'Bold' : '';
  const legacy = (roleOf(slot) === 'hei' ? `sans${bold}` : `serif${bold}`) as LegacySlot;
  const spec = config[slot] ?? config[legacy];
  if (spec === undefined) return undefined;
  return typeof spec === 'string' ? { path: spec } : { path: spec.file, ...(spec.face === undefined ? {} : { face: spec.face }) };
}

interface ParsedFile {
  bytes: Uint8Array;
  font: Font;
  metrics: FaceMetrics;
}

/** Module-level cache: each file (and collection face) is read and parsed once per process. */
const files = new Map<string, ParsedFile>();

/** Font bytes another thread already read (batch workers share one copy, see batch.ts). */
const provided = new Map<string, Uint8Array>();

export function provideFontBytes(path: string, bytes: Uint8Array): void {
  provided.set(path, bytes);
}

/** A font file that cannot be read, or is not a TrueType/OpenType font jianding can use. */
export class FontFileError extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(`font file ${path}: ${detail}`);
  }
}

/** Regular files only, bounded: a FIFO or /dev/zero named as a font must not hang or fill memory. */
function readFontBytes(path: string): Uint8Array {
  try {
    return readRegularFile(path, MAX_FONT_BYTES);
  } catch (e) {
    if (e instanceof ReadFileError) throw new FontFileError(path, describeReadError(e, '字体文件', 'Font file').zh);
    throw e;
  }
}

function faceProblem(e: unknown): string {
  if (e instanceof FaceNotFound) {
    const names = e.available.map((n) => n.family || n.postscript).join('、');
    return `字体集合中没有名为「${e.wanted}」的字形（有：${names}）`;
  }
  return e instanceof Error ? e.message : String(e);
}

/** A TrueType file without its outlines where this process reads them on demand (fontReads.ts), else undefined. */
function readLazily(path: string, faceName: string | undefined): Uint8Array | undefined {
  return outlinesOnDemand() && faceName === undefined ? readWithoutOutlines(path, MAX_FONT_BYTES) : undefined;
}

function parseFile(path: string, faceName: string | undefined): ParsedFile {
  const raw = provided.get(path) ?? readLazily(path, faceName) ?? readFontBytes(path);
  try {
    const bytes = singleFace(raw, faceName);
    const font = fontkit.create(bytes) as Font;
    checkFontProgram(bytes, font);
    return { bytes, font, metrics: faceMetricsOf(font, bytes) };
  } catch (e) {
    throw new FontFileError(faceName === undefined ? path : `${path}（${faceName}）`, faceProblem(e));
  }
}

/** Parsed on first use: a document that sets no 楷体 never unpacks WenKai. */
export function loadFontFile(path: string, faceName?: string): ParsedFile {
  const id = faceName === undefined ? path : `${path}#${faceName}`;
  let parsed = files.get(id);
  if (!parsed) files.set(id, (parsed = parseFile(path, faceName)));
  return parsed;
}

interface FaceSource {
  path: string;
  face?: string;
  /** A bundled face's name for the fingerprint, so its 50 MB need not be hashed. */
  identity?: string;
}

/** Every face a configuration can use, by key, and each slot's chain of keys. */
function faceSources(config: PdfFontConfig): { sources: Map<FaceKey, FaceSource>; chains: Map<FontSlot, FaceKey[]> } {
  const sources = new Map<FaceKey, FaceSource>();
  const keyOf = new Map<string, FaceKey>();
  const add = (key: FaceKey, source: FaceSource): FaceKey => {
    const id = `${source.path}#${source.face ?? ''}`;
    const known = keyOf.get(id);
    if (known) return known;
    keyOf.set(id, key);
    sources.set(key, source);
    return key;
  };
  const chains = new Map<FontSlot, FaceKey[]>();
  for (const slot of SLOTS) {
    const own = configured(config, slot);
    const chain = own ? [add(slot, own)] : [];
    for (const key of bundledChain(slot)) chain.push(add(key, bundledSource(key)));
    chains.set(slot, chain);
  }
  return { sources, chains };
}

/** Every file a font set with this configuration reads. */
export function fontFiles(config: PdfFontConfig = {}): string[] {
  return [...new Set([...faceSources(config).sources.values()].map((v) => v.path))];
}

const fileHashes = new Map<string, string>();

/** An institution's file by its bytes, hashed once per process. */
function fileHash(path: string): string {
  let hash = fileHashes.get(path);
  if (hash === undefined) {
    hash = createHash('sha256').update(provided.get(path) ?? readFontBytes(path)).digest('hex');
    fileHashes.set(path, hash);
  }
  return hash;
}

/**
 * SHA-256 over the faces a configuration lays out with (an institution's files by their bytes,
 * hashed once per process, with the collection face named): part of a document's
 * fingerprint, since other fonts would set other lines.
 */
export async function fontSetSha256(config: PdfFontConfig = {}): Promise<string> {
  const faces = [...faceSources(config).sources.values()].map((s) => `${s.identity ?? fileHash(s.path)}${s.face === undefined ? '' : `#${s.face}`}`);
  return createHash('sha256').update(faces.join('\n')).digest('hex');
}

/**
 * The faces of a configuration. An institution's own files are parsed here, so a bad one
 * fails before any document is laid out; bundled faces are parsed when first asked for.
 */
export async function loadFontSet(config: PdfFontConfig = {}): Promise<FontSet> {
  const { sources, chains } = faceSources(config);
  for (const slot of SLOTS) {
    const own = configured(config, slot);
    if (own) loadFontFile(own.path, own.face);
  }
  const loaded = new Map<FaceKey, LoadedFace>();
  const face = (key: FaceKey): LoadedFace => {
    let found = loaded.get(key);
    if (!found) {
      const source = sources.get(key);
      if (!source) throw new Error(`unknown font face ${key}`);
      loaded.set(key, (found = { key, path: source.path, ...loadFontFile(source.path, source.face) }));
    }
    return found;
  };
  return {
    chain: (slot) => chains.get(slot) ?? [],
    metrics: (key) => face(key).metrics,
    face,
  };
}

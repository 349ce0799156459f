/**
 * Font files: which file serves which slot, loaded and parsed once per process.
 * Roles map to slots (fangsong/song/kai → serif, hei → sans); an institution may supply
 * its own files, in which case the bundled Noto face stays behind it as a fallback for
 * characters the institution's font lacks (仿宋_GB2312 covers GB 2312 only).
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import type { FontRole } from '../../document/tree.js';
import { describeReadError, ReadFileError, readRegularFile } from '../../io/readRegularFile.js';
import { checkFontProgram } from './fontProgram/subset.js';
import { MAX_FONT_BYTES } from '../../io/fileLimits.js';
import { faceMetricsOf } from './measure.js';
import type { FaceKey, FaceMetrics, FaceSet, FontSlot } from './model.js';

export interface PdfFontConfig {
  serif?: string;
  serifBold?: string;
  sans?: string;
  sansBold?: string;
}

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

const BUNDLED: Record<FontSlot, string> = {
  serif: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  serifBold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  sans: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  sansBold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
};

/**
 * Last in every chain: Latin Noto Serif, for what the CJK faces lack but medical text uses —
 * superscript and subscript digits (×10⁹/L, SpO₂), and wider Greek, Cyrillic and symbols.
 */
const LATIN_FALLBACK: Record<FontSlot, string> = {
  serif: '@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf',
  serifBold: '@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf',
  sans: '@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf',
  sansBold: '@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf',
};

export const SLOTS: readonly FontSlot[] = ['serif', 'serifBold', 'sans', 'sansBold'];

export function slotFor(role: FontRole, bold: boolean): FontSlot {
  const sans = role === 'hei';
  if (sans) return bold ? 'sansBold' : 'sans';
  return bold ? 'serifBold' : 'serif';
}

export function bundledFontPath(slot: FontSlot): string {
  return require.resolve(BUNDLED[slot]);
}

interface ParsedFile {
  bytes: Uint8Array;
  font: Font;
  metrics: FaceMetrics;
}

/** Module-level cache: each file is read and parsed once per process. */
const files = new Map<string, Promise<ParsedFile>>();

/** Font bytes another thread already read (batch workers share one copy, see batch.ts). */
const provided = new Map<string, Uint8Array>();

export function provideFontBytes(path: string, bytes: Uint8Array): void {
  provided.set(path, bytes);
}

/** Parses a font file (the first face of a collection, as the subsetter reads it too). */
function parseFont(bytes: Uint8Array): Font {
  const parsed = fontkit.create(bytes);
  const font = 'fonts' in parsed ? parsed.fonts[0] : parsed;
  if (!font) throw new Error('font collection holds no fonts');
  return font;
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

async function parseFile(path: string): Promise<ParsedFile> {
  const bytes = provided.get(path) ?? readFontBytes(path);
  try {
    const font = parseFont(bytes);
    checkFontProgram(bytes, font);
    return { bytes, font, metrics: faceMetricsOf(font, bytes) };
  } catch (e) {
    throw new FontFileError(path, e instanceof Error ? e.message : String(e));
  }
}

export function loadFontFile(path: string): Promise<ParsedFile> {
  let pending = files.get(path);
  if (!pending) {
    pending = parseFile(path);
    // A failed load should not poison the cache for the next attempt.
    pending.catch(() => files.delete(path));
    files.set(path, pending);
  }
  return pending;
}

/** Face keys per slot: the configured file first, the bundled Noto CJK face, then Latin Noto Serif. */
function slotPaths(config: PdfFontConfig): Map<FaceKey, { slot: FontSlot; path: string }> {
  const faces = new Map<FaceKey, { slot: FontSlot; path: string }>();
  for (const slot of SLOTS) {
    const custom = config[slot];
    if (custom) faces.set(slot, { slot, path: custom });
    faces.set(custom ? `${slot}~noto` : slot, { slot, path: bundledFontPath(slot) });
    faces.set(`${slot}~latin`, { slot, path: require.resolve(LATIN_FALLBACK[slot]) });
  }
  return faces;
}

/** Every file a font set with this configuration reads. */
export function fontFiles(config: PdfFontConfig = {}): string[] {
  return [...new Set([...slotPaths(config).values()].map((v) => v.path))];
}

const fileHashes = new Map<string, Promise<string>>();

/**
 * A bundled face is named by its npm package, version and file: the package lock pins the
 * bytes, and reading 50 MB of fonts to hash them would cost a cold render about 50 ms.
 */
function bundledIdentity(path: string): string | undefined {
  const bundled = [...Object.values(BUNDLED), ...Object.values(LATIN_FALLBACK)].find((spec) => require.resolve(spec) === path);
  if (!bundled) return undefined;
  const pkg = bundled.split('/').slice(0, 2).join('/');
  return `${pkg}@${(require(`${pkg}/package.json`) as { version: string }).version}/${bundled.slice(pkg.length + 1)}`;
}

function fileHash(path: string): Promise<string> {
  let pending = fileHashes.get(path);
  if (!pending) {
    const identity = bundledIdentity(path);
    pending = identity ? Promise.resolve(identity) : loadFontFile(path).then(({ bytes }) => createHash('sha256').update(bytes).digest('hex'));
    pending.catch(() => fileHashes.delete(path));
    fileHashes.set(path, pending);
  }
  return pending;
}

/**
 * SHA-256 over the font files a configuration lays out with (an institution's files by their
 * bytes, hashed once per process): part of a document's fingerprint, since other fonts would
 * set other lines.
 */
export function fontSetSha256(config: PdfFontConfig = {}): Promise<string> {
  return Promise.all(fontFiles(config).map(fileHash)).then((all) => createHash('sha256').update(all.join('\n')).digest('hex'));
}

export async function loadFontSet(config: PdfFontConfig = {}): Promise<FontSet> {
  const entries = [...slotPaths(config)];
  const loaded = await Promise.all(entries.map(async ([key, { path }]) => ({ key, path, ...(await loadFontFile(path)) })));
  const byKey = new Map<FaceKey, LoadedFace>(loaded.map((face) => [face.key, face]));
  const chains = new Map<FontSlot, FaceKey[]>(SLOTS.map((slot) => [slot, entries.filter(([, v]) => v.slot === slot).map(([k]) => k)]));
  const face = (key: FaceKey): LoadedFace => {
    const found = byKey.get(key);
    if (!found) throw new Error(`unknown font face ${key}`);
    return found;
  };
  return {
    chain: (slot) => chains.get(slot) ?? [],
    metrics: (key) => face(key).metrics,
    face,
  };
}

/**
 * Turning strings into atoms: grapheme clusters with a face, a width and a break class.
 * Control characters are dropped, tabs become spaces, newlines become hard breaks, and
 * clusters no face can draw become a visible □ plus a warning.
 */
import { isInvisibleJoiner } from './measure.js';
import type { FaceKey, FaceSet, FontSlot, MissingGlyph } from './model.js';

/** ideo: breakable on either side (CJK); word: Latin letters/digits, kept together; space. */
export type CharClass = 'ideo' | 'word' | 'space';

export interface Atom {
  text: string;
  face: FaceKey;
  size: number;
  width: number;
  cls: CharClass;
  italic: boolean;
  underline: boolean;
  /** Missing-glyph marker drawn as a rectangle (the face has no □ either). */
  box?: boolean;
  /** Points of a mark's blank half removed by adjacent-punctuation compression (width excludes them). */
  trimLeft?: number;
  trimRight?: number;
  /** Points of a full-width Roman numeral's side bearings cut off its box (drawn as tight as a letter). */
  tightLeft?: number;
  tightRight?: number;
  /** Points of blank the line breaker may still compress away. */
  shrink?: number;
  /** That blank is on the left (an opening mark). */
  opening?: boolean;
}

export const MISSING_MARKER = '\u25A1'; // □

/** Invisible formatting characters that would otherwise reach the font as .notdef. */
function isDropped(cp: number): boolean {
  return (
    cp < 0x20 ||
    (cp >= 0x7f && cp <= 0x9f) ||
    (cp >= 0x200b && cp <= 0x200f) || // ZWSP, ZWNJ, ZWJ (standalone), LRM, RLM
    (cp >= 0x2028 && cp <= 0x202e) || // separators, bidi embeddings
    (cp >= 0x2060 && cp <= 0x206f) || // word joiner, bidi isolates, deprecated formats
    cp === 0xfeff ||
    (cp >= 0xfff9 && cp <= 0xfffb) ||
    cp === 0xfffe ||
    cp === 0xffff
  );
}

const MARK = /\p{M}/u;

/** Code points that belong to the preceding cluster. */
function extendsCluster(cp: number, ch: string): boolean {
  if (cp < 0x300) return false;
  return isInvisibleJoiner(cp) || (cp >= 0x1f3fb && cp <= 0x1f3ff) || MARK.test(ch);
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2014 && cp <= 0x2027) || // —, ‘’“”, …, ‧: full-width in CJK fonts
    (cp >= 0x2e80 && cp <= 0xa4cf) || // radicals, CJK punctuation, kana, ideographs, Yi
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe10 && cp <= 0xfe6f) || // vertical forms, compatibility and small forms
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x25a0 && cp <= 0x27bf) || // geometric shapes, symbols, dingbats
    (cp >= 0x1f000 && cp <= 0x1faff) || // emoji
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

export function classify(cluster: string): CharClass {
  const cp = cluster.codePointAt(0) ?? 0;
  if (cp === 0x20 || cp === 0x09) return 'space';
  if (cp === 0x2013) return 'word'; // en dash joins ranges like 16%–44%
  return isWide(cp) ? 'ideo' : 'word';
}

/**
 * Splits text into grapheme clusters (base + marks, variation selectors, ZWJ sequences),
 * calling back with the cluster and its UTF-16 offset; '\n' is passed through as is.
 */
export function forEachCluster(text: string, visit: (cluster: string, offset: number) => void): void {
  let cluster = '';
  let start = 0;
  let joinNext = false;
  const flush = () => {
    if (cluster) visit(cluster, start);
    cluster = '';
  };
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    const at = i;
    i += ch.length;
    if (cp === 0x0a) {
      flush();
      visit('\n', at);
      continue;
    }
    if (cp === 0x09) {
      flush();
      visit(' ', at);
      continue;
    }
    if (cluster && (joinNext || extendsCluster(cp, ch))) {
      cluster += ch;
      joinNext = cp === 0x200d;
      continue;
    }
    if (isDropped(cp)) continue;
    flush();
    cluster = ch;
    start = at;
    joinNext = false;
  }
  flush();
}

export interface RunStyle {
  slot: FontSlot;
  size: number;
  italic: boolean;
  underline: boolean;
}

/** Collects missing-glyph warnings, one per character and context. */
export class WarningSink {
  readonly warnings: MissingGlyph[] = [];
  private readonly seen = new Set<string>();
  constructor(private readonly limit = 500) {}

  add(cluster: string, text: string, offset: number): void {
    const context = contextAround(text, offset, cluster.length);
    const key = `${cluster}\u0000${context}`;
    if (this.seen.has(key) || this.warnings.length >= this.limit) return;
    this.seen.add(key);
    this.warnings.push({ char: cluster, codePoint: codePointLabel(cluster), context });
  }
}

export function codePointLabel(cluster: string): string {
  const cp = cluster.codePointAt(0) ?? 0;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** About 20 characters around an offset, without half surrogate pairs or line breaks. */
export function contextAround(text: string, offset: number, length: number): string {
  const from = Math.max(0, offset - 10);
  const slice = text.slice(from, offset + length + 10);
  return slice
    .replace(/^[\uDC00-\uDFFF]/, '')
    .replace(/[\uD800-\uDBFF]$/, '')
    .replace(/[\u0000-\u001f\u007f]/g, ' ');
}

/** The first face in the slot's chain that can draw the cluster. */
function faceFor(faces: FaceSet, slot: FontSlot, cluster: string): FaceKey | undefined {
  for (const key of faces.chain(slot)) if (faces.metrics(key).covers(cluster)) return key;
  return undefined;
}

function markerAtom(faces: FaceSet, style: RunStyle): Atom {
  const face = faceFor(faces, style.slot, MISSING_MARKER);
  const common = { size: style.size, cls: 'ideo' as const, italic: false, underline: style.underline };
  if (face) return { ...common, text: MISSING_MARKER, face, width: faces.metrics(face).advance(MISSING_MARKER) * style.size };
  return { ...common, text: '', face: faces.chain(style.slot)[0] ?? style.slot, width: style.size, box: true };
}

/** The cluster set in `face` at the run's size, its natural advance as its width. */
function atomIn(faces: FaceSet, face: FaceKey, style: RunStyle, cluster: string): Atom {
  const width = faces.metrics(face).advance(cluster) * style.size;
  return { text: cluster, face, size: style.size, width, cls: classify(cluster), italic: style.italic, underline: style.underline };
}

export function atomFor(faces: FaceSet, style: RunStyle, cluster: string): Atom | undefined {
  const face = faceFor(faces, style.slot, cluster);
  if (!face) return undefined;
  const atom = atomIn(faces, face, style, cluster);
  return isRomanNumeral(cluster) ? tightened(atom, faces) : atom;
}

/** Side bearing a tightened numeral keeps, in ems: about a Latin capital's. */
const LETTER_BEARING = 0.05;

/** Ⅰ Ⅱ Ⅲ … (U+2160–U+2188). */
function isRomanNumeral(cluster: string): boolean {
  const cp = cluster.codePointAt(0) ?? 0;
  return cluster.length === 1 && cp >= 0x2160 && cp <= 0x2188;
}

/**
 * CJK faces draw Roman numerals full-width, the ink centred in an em (Ⅰ is a third of it):
 * among Latin letters and next to punctuation that reads as a stray space (「S Ⅰ QⅢ」). The
 * box is cut down to the ink plus a letter's side bearings; the glyph is drawn unchanged.
 */
function tightened(atom: Atom, faces: FaceSet): Atom {
  const metrics = faces.metrics(atom.face);
  const ink = metrics.inkBounds?.(atom.text);
  const advance = metrics.advance(atom.text);
  if (!ink || advance < 0.9) return atom;
  const left = Math.max(0, ink.left - LETTER_BEARING) * atom.size;
  const right = Math.max(0, advance - ink.right - LETTER_BEARING) * atom.size;
  return { ...atom, width: atom.width - left - right, tightLeft: left, tightRight: right };
}

const EM_DASH = '\u2014';

/**
 * An em dash of a 「——」 pair, in the first face of the chain whose dash fills its em (the
 * bundled CJK faces draw a shorter, proportional one, so the pair showed a gap); undefined
 * when no face's dash joins.
 */
function joiningDashAtom(faces: FaceSet, style: RunStyle): Atom | undefined {
  for (const face of faces.chain(style.slot)) {
    const metrics = faces.metrics(face);
    if (!metrics.covers(EM_DASH)) continue;
    const ink = metrics.inkBounds?.(EM_DASH);
    const advance = metrics.advance(EM_DASH);
    if (!ink || ink.left > 0.01 || ink.right < advance - 0.01) continue;
    return atomIn(faces, face, style, EM_DASH);
  }
  return undefined;
}

function inDashPair(run: string, offset: number): boolean {
  return run[offset] === EM_DASH && (run[offset - 1] === EM_DASH || run[offset + 1] === EM_DASH);
}

/**
 * Appends the atoms of one run to `segments` (a new segment per '\n').
 * `paragraphText` and `runOffset` locate the run inside its paragraph, for warning contexts.
 */
export function appendAtoms(
  segments: Atom[][],
  run: string,
  style: RunStyle,
  faces: FaceSet,
  sink: WarningSink,
  paragraphText: string,
  runOffset: number,
): void {
  let current = segments[segments.length - 1] ?? [];
  if (segments.length === 0) segments.push(current);
  forEachCluster(run, (cluster, offset) => {
    if (cluster === '\n') {
      current = [];
      segments.push(current);
      return;
    }
    const atom = (inDashPair(run, offset) ? joiningDashAtom(faces, style) : undefined) ?? atomFor(faces, style, cluster);
    if (atom) {
      current.push(atom);
      return;
    }
    // Draw what the fonts have of the cluster, one code point at a time, and mark only the rest:
    // a base character must not vanish because a mark attached to it is missing.
    let at = offset;
    for (const cp of cluster) {
      const part = atomFor(faces, style, cp);
      if (part) current.push(part);
      else if (!INVISIBLE.test(cp)) {
        sink.add(cp, paragraphText, runOffset + at);
        current.push(markerAtom(faces, style));
      }
      at += cp.length;
    }
  });
}

/** Joiners and variation selectors: nothing to draw when the cluster they shape is missing. */
const INVISIBLE = /^[\u200B-\u200F\u2060\uFE00-\uFE0F\u{E0100}-\u{E01EF}]$/u;

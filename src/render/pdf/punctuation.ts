/**
 * Punctuation compression (标点挤压, W3C clreq §3.1.6 / JLREQ §3.1.4). In mainland fonts a
 * full-width mark draws its ink in one half of the em: closing marks and 点号 (，。、；：！？
 * ）」》” …) on the left, opening marks (（「《“ …) on the right. The blank half may go:
 * - always, between two adjacent marks, so that only one of them keeps its full width;
 * - in justification, anywhere in a line (挤压 to pull a character in, including the line-end
 *   and line-start marks), as the line breaker decides.
 */

/** Marks whose ink sits in the left half: the right half is compressible. */
const CLOSING = new Set(Array.from('，。、；：！？）］｝〕〉》」』】〗〙”’'));
/** Marks whose ink sits in the right half: the left half is compressible. */
const OPENING = new Set(Array.from('（［｛〔〈《「『【〖〘“‘'));

export type PunctSide = 'closing' | 'opening';

/** What compression needs of an atom (a subset of the layout's Atom). */
export interface Squeezable {
  text: string;
  width: number;
  size: number;
  /** Points taken off the blank left half (opening marks). */
  trimLeft?: number;
  /** Points taken off the blank right half (closing marks). */
  trimRight?: number;
}

/** The side a full-width mark may lose, or undefined (ideographs, proportional glyphs). */
export function punctSide(atom: Squeezable): PunctSide | undefined {
  if (atom.width < atom.size * 0.9) return undefined; // a proportional quote has no blank half
  if (CLOSING.has(atom.text)) return 'closing';
  if (OPENING.has(atom.text)) return 'opening';
  return undefined;
}

/** Blank a mark can still give up, in points. */
export function squeezeLeft(atom: Squeezable): number {
  const side = punctSide(atom);
  if (!side) return 0;
  return atom.size / 2 - (side === 'closing' ? atom.trimRight ?? 0 : atom.trimLeft ?? 0);
}

function trim(atom: Squeezable, side: PunctSide): void {
  const half = atom.size / 2;
  if (side === 'closing') atom.trimRight = half;
  else atom.trimLeft = half;
  atom.width -= half;
}

/**
 * Adjacent-punctuation compression, in place: of two neighbouring marks the blank between
 * their inks shrinks to at most half an em (「）：“」 takes two ems, not three).
 */
export function compressAdjacent(atoms: Squeezable[]): void {
  for (let i = 0; i + 1 < atoms.length; i++) {
    const a = atoms[i] as Squeezable;
    const b = atoms[i + 1] as Squeezable;
    const sa = punctSide(a);
    const sb = punctSide(b);
    if (!sa || !sb) continue;
    if (sa === 'closing' && !a.trimRight) trim(a, 'closing');
    else if (sa === 'opening' && sb === 'opening' && !b.trimLeft) trim(b, 'opening');
  }
}

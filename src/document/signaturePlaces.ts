/**
 * The 落款's reserved places, in one spot for both renderers: how much room a handwritten
 * signature and the seal get, and where the date stands.
 */
import { MM_TO_PT } from './styles.js';
import type { SignatureLine } from './tree.js';

/** Signers that stay on the page of the institution, date and seal when a 落款 taller than a page must break. */
export const SIGNERS_WITH_DATE = 2;

/** The seal circle: institutions' official seals are 42 mm (the issue asks for ≥ 42 mm). */
export const SEAL_DIAMETER_PT = 42 * MM_TO_PT;
/** The signing space to the right of each signer's name. */
export const SIGNING_WIDTH_PT = 45 * MM_TO_PT;
/** Extra height above each signer line for the handwriting, in body lines. */
export const SIGNING_EXTRA_LINES = 0.6;
/**
 * A compact 落款 — no blank line above the signers and, where each signer's note fits beside
 * the name, each signer's line itself the signing room (about 10 mm) — for where the full one would leave
 * the page before it mostly empty or break between signers:
 * GB/T 9704 §7.3.5 fits the 落款 by tightening its spacing, never by a page of signatures alone.
 */
export const COMPACT_SIGNING_EXTRA_LINES = 0;
/** In a compact 落款 whose notes stay under the names: half the room above each line, about 9 mm of writing space over the note above. */
export const COMPACT_NOTES_BELOW_EXTRA_LINES = SIGNING_EXTRA_LINES / 2;

/** A compact 落款 and where its notes stand (beside the names, or under them when that would shorten a signing line); false when full. */
export type CompactClosing = false | 'notesBeside' | 'notesBelow';

/** How the typesetter set a section's 落款: the DOCX follows it, so both files keep it on the same pages. */
export interface ClosingLayout {
  /** It breaks between signers (taller than a page, even compact): Word may break there too. */
  split: boolean;
  /** Not split, and with the paragraph chained to it about a page tall to a word processor: no blank line above the signers. */
  tight: boolean;
  compact: CompactClosing;
}

/** GB/T 9704: the date is set right with four characters' indent (右空四字). */
export const DATE_RIGHT_INDENT_CHARS = 4;
/** The name and date sit this far below the seal's centre (GB/T 9704: 居印章中心偏下). */
export const SEAL_CENTRE_ABOVE_PT = 0.1 * SEAL_DIAMETER_PT;

export const signerText = (l: Pick<SignatureLine, 'role' | 'name'>): string => `${l.role}：${l.name}`;

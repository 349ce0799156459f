/** What every block renderer needs: the preset's numbers and the text width derived from them. */
import type { StyleSheet } from '../../document/styles.js';
import type { RevisionMarks } from './revisions.js';

export interface RenderContext {
  sheet: StyleSheet;
  /** Page width minus the left and right margins, in twips. */
  textWidthTwips: number;
  /** PNG of the QR code for each verification address (made before the synchronous build). */
  qrImages?: Map<string, Uint8Array>;
  /** Only when writing a redline: the tracked-change marks' author, date and ids. */
  marks?: RevisionMarks;
  /** The typesetter broke this section's 落款 between signers (taller than a page): Word may too. */
  closingSplit?: boolean;
  /**
   * This section's 落款 and the paragraph chained to it are about a page tall: no blank line
   * above the signers, so a word processor that moves the paragraph whole still fits both.
   */
  closingTight?: boolean;
  /** The typesetter set this section's 落款 compact (signaturePlaces.ts), its notes beside the names or under them. */
  closingCompact?: 'notesBeside' | 'notesBelow';
}

/** Paragraph flags set from outside a block (page breaks, the signature's keep chain). */
export interface FlowFlags {
  keepNext?: boolean;
  keepLines?: boolean;
  pageBreakBefore?: boolean;
}

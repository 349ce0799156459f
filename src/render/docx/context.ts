/** What every block renderer needs: the preset's numbers and the text width derived from them. */
import type { ClosingLayout } from '../../document/signaturePlaces.js';
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
  /** How the typesetter set this section's 落款 (split, tight, compact); absent: full, unbroken. */
  closing?: ClosingLayout;
}

/** Paragraph flags set from outside a block (page breaks, the signature's keep chain). */
export interface FlowFlags {
  keepNext?: boolean;
  keepLines?: boolean;
  pageBreakBefore?: boolean;
}

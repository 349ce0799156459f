/**
 * The 落款 must share its page with the end of the body text (no 「此页无正文」 page).
 * Word's way is a keep-with-next chain: the last body paragraphs before the signature
 * keep with the next, and the signature's own paragraphs keep with each other.
 */
import type { Block } from './tree.js';

/**
 * How many text-bearing blocks before the signature join the chain: one, as in the PDF.
 * A longer chain (the heading, every conclusion, every signer and the date) can outgrow a
 * page with many signers, and a word processor then breaks it anywhere — LibreOffice left
 * the institution and date alone on the last page.
 */
export const CHAINED_BODY_BLOCKS = 1;

/**
 * Indices of the blocks that must keep with the next one. Spacers between the text and
 * the signature are chained but not counted; a page break ends the chain (the author
 * asked for the break).
 */
export function keepChain(blocks: readonly Block[]): Set<number> {
  const chained = new Set<number>();
  blocks.forEach((block, index) => {
    if (block.kind === 'signature') chainBefore(blocks, index, chained);
  });
  return chained;
}

function chainBefore(blocks: readonly Block[], signatureIndex: number, chained: Set<number>): void {
  let counted = 0;
  for (let i = signatureIndex - 1; i >= 0 && counted < CHAINED_BODY_BLOCKS; i--) {
    const block = blocks[i];
    if (!block || block.kind === 'pageBreak' || block.kind === 'signature') return;
    chained.add(i);
    if (block.kind !== 'spacer') counted++;
  }
}

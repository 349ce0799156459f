/**
 * Counts the places changed in the document: each contiguous insertion or deletion once
 * (a changed phrase, or a run of whole paragraphs or rows inserted together).
 */
import type { Op } from './textDiff.js';

export class Tally {
  insertions = 0;
  deletions = 0;
  /** The 落款 (signers, seal, date) differs: shown as the new version's, unmarked. */
  signatureChanged = false;
  private last: Op = 'eq';

  /** Records the next piece of the document in reading order. */
  count(op: Op): void {
    if (op === 'ins' && this.last !== 'ins') this.insertions += 1;
    if (op === 'del' && this.last !== 'del') this.deletions += 1;
    this.last = op;
  }

}

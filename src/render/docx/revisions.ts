/**
 * Tracked changes (w:ins / w:del) for redlines. A redline tree is an ordinary document tree
 * whose text runs may carry a revision mark; the normal pipeline never sets one, so normal
 * documents are unaffected. Each mark gets the next id, in writing order, so the same tree
 * always gives the same ids; author and date come from the caller, never the clock.
 */
import { DeletedTextRun, InsertedTextRun, TextRun, type IRunOptions } from 'docx';
import type { Inline, TextRun as TreeTextRun } from '../../document/tree.js';

export type Revision = 'ins' | 'del';

/** A text run inserted or deleted between two versions. */
export interface RevisedRun extends TreeTextRun {
  revision: Revision;
}

export interface RevisionAuthor {
  author: string;
  /** ISO 8601 date-time written on every mark. */
  date: string;
}

/** Hands out the marks' attributes: unique ids in writing order, one author and date. */
export class RevisionMarks {
  private next = 1;
  constructor(readonly by: RevisionAuthor) {}
  mark(): { id: number; author: string; date: string } {
    return { id: this.next++, author: this.by.author, date: this.by.date };
  }
}

export const revisionOf = (inline: Inline): Revision | undefined =>
  inline.kind === 'text' && 'revision' in inline ? (inline as RevisedRun).revision : undefined;

/**
 * The revision shared by all of a paragraph's runs, when every run carries the same one: the
 * whole paragraph was inserted or deleted, so its paragraph mark is too.
 */
export function wholeRevision(inlines: readonly Inline[]): Revision | undefined {
  const first = inlines[0];
  const revision = first && revisionOf(first);
  return revision && inlines.every((i) => revisionOf(i) === revision) ? revision : undefined;
}

export type Run = TextRun | InsertedTextRun | DeletedTextRun;

/** A run with its revision mark, or a plain run when there is no mark (or no redline). */
export function markedRun(options: IRunOptions, revision: Revision | undefined, marks: RevisionMarks | undefined): Run {
  if (!revision || !marks) return new TextRun(options);
  return revision === 'ins' ? new InsertedTextRun({ ...options, ...marks.mark() }) : new DeletedTextRun({ ...options, ...marks.mark() });
}

/** Paragraph or table-row options marking the paragraph mark (or row) itself as inserted or deleted. */
export function containerMark(revision: Revision | undefined, marks: RevisionMarks | undefined) {
  if (!revision || !marks) return {};
  return revision === 'ins' ? { insertion: marks.mark() } : { deletion: marks.mark() };
}

/**
 * Two document trees → one redline tree: the new version's layout, metadata and sections,
 * with every changed text marked. Sections are paired in order; a section only one version
 * has is inserted or deleted whole.
 */
import type { DocumentTree, Section } from '../document/tree.js';
import { diffBlocks } from './blockDiff.js';
import { Tally } from './tally.js';

export interface RedlineTree {
  tree: DocumentTree;
  insertions: number;
  deletions: number;
  /** The 落款 differs (it is printed as the new version's, without marks). */
  signatureChanged: boolean;
}

function diffSection(before: Section | undefined, after: Section | undefined, tally: Tally): Section {
  const shape = (after ?? before)!;
  return { ...shape, blocks: diffBlocks(before?.blocks ?? [], after?.blocks ?? [], tally) };
}

export function diffTrees(before: DocumentTree, after: DocumentTree): RedlineTree {
  const tally = new Tally();
  const count = Math.max(before.sections.length, after.sections.length);
  const sections = Array.from({ length: count }, (_, i) => diffSection(before.sections[i], after.sections[i], tally))
    .filter((s) => s.blocks.length > 0);
  return { tree: { ...after, sections }, insertions: tally.insertions, deletions: tally.deletions, signatureChanged: tally.signatureChanged };
}

/**
 * Two versions of a case → a redline DOCX and a summary of what changed. Pure: cases in,
 * bytes and lists out. Both versions go through the pipeline a draft render uses (same
 * templates, status 「征求意见稿」 for both, so the draft/final status itself is no text change);
 * the redline is the new version's document with the old version's text shown as tracked
 * deletions and the new text as tracked insertions, by 「jianding」 on a fixed date.
 */
import type { StyleOverrides } from '../document/styleOverrides.js';
import { buildTree } from '../pipeline/buildTree.js';
import { renderDocx } from '../render/docx/index.js';
import { layoutForDocx, type PdfFontConfig } from '../render/pdf/index.js';
import type { Case } from '../schema/case.js';
import { diffFields, type FieldChange } from './fieldDiff.js';
import { diffTrees } from './treeDiff.js';

/** One version: a valid case and the SHA-256 of the file it came from (printed under the 落款). */
export interface DiffInput {
  case: Case;
  sha256: string;
}

export interface RedlineOptions {
  templatesDir?: string;
  /** YYYY-MM-DD written on every tracked change; default the new version's report date. */
  date?: string;
  /** Fonts for the page count of 「共 N 页」 (the same typesetter as the PDF). */
  fonts?: PdfFontConfig;
  /** The institution's style sheet, as the documents were set with. */
  style?: StyleOverrides;
  generator: string;
}

export interface RedlineResult {
  /** The two documents have the same text: no redline is made. */
  identical: boolean;
  /** The redline DOCX, unless identical. */
  docx?: Uint8Array;
  insertions: number;
  deletions: number;
  /** The 落款 (signers, seal, date) differs; the redline prints the new one without marks. */
  signatureChanged: boolean;
  fields: FieldChange[];
}

export const REVISION_AUTHOR = 'jianding';

function treeOf(input: DiffInput, options: RedlineOptions) {
  return buildTree(input.case, { status: 'draft', caseSha256: input.sha256, generator: options.generator, templatesDir: options.templatesDir, style: options.style }).tree;
}

export async function redline(before: DiffInput, after: DiffInput, options: RedlineOptions): Promise<RedlineResult> {
  const fields = diffFields(before.case, after.case);
  const red = diffTrees(treeOf(before, options), treeOf(after, options));
  const counts = { insertions: red.insertions, deletions: red.deletions, signatureChanged: red.signatureChanged, fields };
  if (red.insertions + red.deletions === 0 && !red.signatureChanged) return { identical: true, ...counts };
  const { sectionPages, closings } = await layoutForDocx(red.tree, { fonts: options.fonts });
  const date = `${options.date ?? after.case.report.date}T00:00:00Z`;
  const docx = await renderDocx(red.tree, { sectionPages, closings, revisions: { author: REVISION_AUTHOR, date } });
  return { identical: false, docx, ...counts };
}

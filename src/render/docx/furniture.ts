/**
 * Headers and footers. Every section gets its own (possibly empty) header and footer so
 * that none inherits the previous section's: Word copies a section's header forward
 * when the next section names none.
 * - 'ofTotal': 「第 M 页 共 N 页」 at the right of the header, M = PAGE, N = SECTIONPAGES
 *   (NUMPAGES would count the cover and 声明 too); the header text sits at the left.
 * - 'dash': 「— M —」 centred in the footer.
 * Front sections (cover, 声明) show no text at all. The watermark rides in the header.
 */
import { AlignmentType, Footer, Header, PageNumber, Paragraph, TabStopType, TextRun, type ParagraphChild } from 'docx';
import type { Section } from '../../document/tree.js';
import type { RenderContext } from './context.js';
import { plainRun, tabRun } from './inlines.js';
import { watermarkRun } from './watermark.js';
import { FURNITURE_STYLE_ID } from './wordStyles.js';

/** 「第 {PAGE} 页 共 {SECTIONPAGES} 页」 as one run with two fields. */
export function ofTotalRun(): TextRun {
  return new TextRun({
    children: ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES_IN_SECTION, ' 页'],
  });
}

/** 「— {PAGE} —」 */
export function dashRun(): TextRun {
  return new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] });
}

function headerParagraph(section: Section, ctx: RenderContext, watermark: string | undefined): Paragraph {
  const shows = section.kind === 'body';
  const text = shows ? section.furniture.headerText : undefined;
  const ofTotal = shows && section.furniture.pageNumbers === 'ofTotal';
  const children: ParagraphChild[] = [];
  if (watermark) children.push(watermarkRun(watermark));
  if (text) children.push(plainRun(text));
  if (ofTotal) children.push(...(text ? [tabRun()] : []), ofTotalRun());
  return new Paragraph({
    style: FURNITURE_STYLE_ID,
    // Text left and numbers right on one line: a right tab stop at the text block's edge.
    ...(text && ofTotal ? { tabStops: [{ type: TabStopType.RIGHT, position: ctx.textWidthTwips }] } : {}),
    ...(ofTotal && !text ? { alignment: AlignmentType.RIGHT } : {}),
    children,
  });
}

function footerParagraph(section: Section, ctx: RenderContext): Paragraph {
  const dash = section.kind === 'body' && section.furniture.pageNumbers === 'dash';
  return new Paragraph({
    style: FURNITURE_STYLE_ID,
    alignment: AlignmentType.CENTER,
    children: dash ? [dashRun()] : [],
  });
}

export function sectionFurniture(section: Section, ctx: RenderContext, watermark: string | undefined): {
  headers: { default: Header };
  footers: { default: Footer };
} {
  return {
    headers: { default: new Header({ children: [headerParagraph(section, ctx, watermark)] }) },
    footers: { default: new Footer({ children: [footerParagraph(section, ctx)] }) },
  };
}

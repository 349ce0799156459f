/**
 * Tree sections → Word sections. Each starts on a new page; A4 and margins from the
 * style sheet. Body sections restart page numbering at 1 so the cover and 声明 are not
 * counted; front sections carry no numbering.
 */
import { NumberFormat, PageOrientation, SectionType, type ISectionOptions } from 'docx';
import type { Section } from '../../document/tree.js';
import { renderBlocks } from './blocks.js';
import type { RenderContext } from './context.js';
import { sectionFurniture } from './furniture.js';
import { mmToTwips } from './units.js';

/**
 * The styles give margins only; the header and footer sit halfway into the top and
 * bottom margins, clear of the text block and of the paper's edge.
 */
function pageProperties(section: Section, ctx: RenderContext): NonNullable<ISectionOptions['properties']> {
  const p = ctx.sheet.page;
  return {
    type: SectionType.NEXT_PAGE,
    page: {
      size: { width: mmToTwips(p.widthMm), height: mmToTwips(p.heightMm), orientation: PageOrientation.PORTRAIT },
      margin: {
        top: mmToTwips(p.marginTopMm), bottom: mmToTwips(p.marginBottomMm),
        left: mmToTwips(p.marginLeftMm), right: mmToTwips(p.marginRightMm),
        header: mmToTwips(p.marginTopMm / 2), footer: mmToTwips(p.marginBottomMm / 2), gutter: 0,
      },
      ...(section.kind === 'body' ? { pageNumbers: { start: 1, formatType: NumberFormat.DECIMAL } } : {}),
    },
  };
}

export function renderSection(section: Section, ctx: RenderContext, watermark: string | undefined): ISectionOptions {
  return {
    properties: pageProperties(section, ctx),
    ...sectionFurniture(section, ctx, watermark),
    children: renderBlocks(section.blocks, ctx),
  };
}

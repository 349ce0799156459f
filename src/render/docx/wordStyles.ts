/**
 * The paragraph styles as real Word styles (so users can restyle the document in Word
 * or WPS): one style per tree ParagraphStyle plus one for headers/footers. All numbers
 * come from the style sheet.
 */
import { AlignmentType, LineRuleType, type IParagraphStyleOptions, type IStylesOptions } from 'docx';
import type { ParagraphStyleSpec, StyleSheet } from '../../document/styles.js';
import type { Align, FontRole, ParagraphStyle } from '../../document/tree.js';
import { facesFonts, type DocxFaces } from './fonts.js';
import { firstLineTwips, linePitchPt, ptToHalfPoints, ptToTwips } from './units.js';

/** Style ids (ASCII, stable) and the names Word shows. */
export const STYLE_NAMES: Record<ParagraphStyle, [id: string, name: string]> = {
  coverTitle: ['JdCoverTitle', '鉴定-封面标题'],
  coverSubtitle: ['JdCoverSubtitle', '鉴定-封面许可证号'],
  declarationTitle: ['JdDeclarationTitle', '鉴定-声明标题'],
  title: ['JdTitle', '鉴定-文书标题'],
  docNumber: ['JdDocNumber', '鉴定-文书编号'],
  heading1: ['JdHeading1', '鉴定-一级标题'],
  heading2: ['JdHeading2', '鉴定-二级标题'],
  heading3: ['JdHeading3', '鉴定-三级标题'],
  body: ['JdBody', '鉴定-正文'],
  bodyFlush: ['JdBodyFlush', '鉴定-正文无缩进'],
  small: ['JdSmall', '鉴定-小字'],
  mark: ['JdMark', '鉴定-征求意见稿标记'],
};

export const FURNITURE_STYLE_ID = 'JdFurniture';

/** Outline levels make the part headings show in Word's navigation pane. */
const OUTLINE_LEVEL: Partial<Record<ParagraphStyle, number>> = { heading1: 0, heading2: 1, heading3: 2 };

export const styleId = (style: ParagraphStyle): string => STYLE_NAMES[style][0];

export function wordAlignment(align: Align): (typeof AlignmentType)[keyof typeof AlignmentType] {
  switch (align) {
    case 'left': return AlignmentType.LEFT;
    case 'center': return AlignmentType.CENTER;
    case 'right': return AlignmentType.RIGHT;
    case 'justify': return AlignmentType.JUSTIFIED; // w:jc="both"
  }
}

/** Exact line spacing for text of a size. */
export function exactSpacing(sheet: StyleSheet, sizePt: number): { line: number; lineRule: typeof LineRuleType.EXACT } {
  return { line: ptToTwips(linePitchPt(sheet, sizePt)), lineRule: LineRuleType.EXACT };
}

function runProps(faces: DocxFaces, sizePt: number, bold: boolean): NonNullable<IParagraphStyleOptions['run']> {
  const weight = bold ? { bold: true, boldComplexScript: true } : {};
  return { font: facesFonts(faces), size: ptToHalfPoints(sizePt), ...weight };
}

function paragraphStyle(style: ParagraphStyle, spec: ParagraphStyleSpec, sheet: StyleSheet): IParagraphStyleOptions {
  const [id, name] = STYLE_NAMES[style];
  const outlineLevel = OUTLINE_LEVEL[style];
  return {
    id,
    name,
    basedOn: 'Normal',
    next: outlineLevel === undefined ? id : styleId('body'),
    quickFormat: true,
    run: runProps(sheet.docxFonts[spec.font], spec.sizePt, spec.bold),
    paragraph: {
      alignment: wordAlignment(spec.align),
      // firstLineChars is what Word/WPS use (it follows the size); firstLine is the twips fallback for readers that ignore it.
      indent: spec.indentChars > 0 ? { firstLineChars: Math.round(spec.indentChars * 100), firstLine: firstLineTwips(spec) } : undefined,
      spacing: { ...exactSpacing(sheet, spec.sizePt), before: ptToTwips(spec.spaceBeforePt), after: ptToTwips(spec.spaceAfterPt) },
      keepNext: spec.keepWithNext || undefined,
      outlineLevel,
    },
  };
}

/** Header/footer text: plain 宋体 at the sheet's furniture size (GB/T 9704: 页码用宋体). */
function furnitureStyle(sheet: StyleSheet): IParagraphStyleOptions {
  const size = sheet.page.furnitureSizePt;
  return {
    id: FURNITURE_STYLE_ID,
    name: '鉴定-页眉页脚',
    basedOn: 'Normal',
    run: runProps(sheet.docxFonts.songti, size, false),
    paragraph: { spacing: { ...exactSpacing(sheet, size), before: 0, after: 0 } },
  };
}

export function stylesOptions(sheet: StyleSheet): IStylesOptions {
  const body = sheet.paragraphs.body;
  const styles = (Object.keys(STYLE_NAMES) as ParagraphStyle[]).map((s) => paragraphStyle(s, sheet.paragraphs[s], sheet));
  return {
    default: {
      document: {
        run: { ...runProps(sheet.docxFonts[body.font], body.sizePt, false), language: { value: 'en-US', eastAsia: 'zh-CN' } },
        // No exact pitch here: every paragraph of ours has a style that sets one, and an unstyled
        // paragraph (a reference DOCX's letterhead with its logo) must grow to fit its picture.
        paragraph: { spacing: { before: 0, after: 0 } },
      },
    },
    paragraphStyles: [...styles, furnitureStyle(sheet)],
  };
}

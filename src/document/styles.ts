/**
 * Typography presets (formats.md): the one place that knows sizes, faces, margins and
 * spacing. Both renderers read these numbers; neither hard-codes its own.
 *
 * Chinese size names: 初号 42pt, 小初 36, 一号 26, 小一 24, 二号 22, 小二 18, 三号 16,
 * 小三 15, 四号 14, 小四 12, 五号 10.5.
 */
import type { Align, FontRole, ParagraphStyle, StylePreset } from './tree.js';

export interface ParagraphStyleSpec {
  font: FontRole;
  sizePt: number;
  bold: boolean;
  align: Align;
  /** First-line indent, in characters of this style's size. */
  indentChars: number;
  /** Space before and after, in points. */
  spaceBeforePt: number;
  spaceAfterPt: number;
  keepWithNext: boolean;
}

export interface PageSpec {
  widthMm: number;
  heightMm: number;
  marginTopMm: number;
  marginBottomMm: number;
  marginLeftMm: number;
  marginRightMm: number;
  /** Exact line pitch of body text, in points (GB/T 9704: 22 lines in 225 mm ≈ 28.9 pt). */
  linePitchPt: number;
  /** Header/footer text size (page numbers, document number). */
  furnitureSizePt: number;
}

export interface DocxFontSpec {
  eastAsia: string;
  fallbacks: string[];
  latin: string;
}

export interface StyleSheet {
  page: PageSpec;
  paragraphs: Record<ParagraphStyle, ParagraphStyleSpec>;
  /** The font names a DOCX asks Word for, per role. */
  docxFonts: Record<FontRole, DocxFontSpec>;
}

/** Font names written into DOCX runs (w:eastAsia), with the fallbacks Word/WPS/LibreOffice look for. */
export const DOCX_FONTS: Record<FontRole, DocxFontSpec> = {
  fangsong: { eastAsia: '仿宋_GB2312', fallbacks: ['仿宋', 'FangSong', 'STFangsong', 'Noto Serif CJK SC'], latin: 'Times New Roman' },
  song: { eastAsia: '方正小标宋简体', fallbacks: ['宋体', 'SimSun', 'STSong', 'Noto Serif CJK SC'], latin: 'Times New Roman' },
  // The page header, page numbers and the judicial 编号 are plain 宋体 (the norms), not the titles' display face.
  songti: { eastAsia: '宋体', fallbacks: ['SimSun', 'STSong', 'Noto Serif CJK SC'], latin: 'Times New Roman' },
  hei: { eastAsia: '黑体', fallbacks: ['SimHei', 'STHeiti', 'Noto Sans CJK SC'], latin: 'Arial' },
  kai: { eastAsia: '楷体_GB2312', fallbacks: ['楷体', 'KaiTi', 'STKaiti', 'Noto Serif CJK SC'], latin: 'Times New Roman' },
};

const A4_GBT9704: PageSpec = {
  widthMm: 210, heightMm: 297, marginTopMm: 37, marginBottomMm: 35, marginLeftMm: 28, marginRightMm: 26,
  linePitchPt: 28.9, furnitureSizePt: 14,
};

function spec(font: FontRole, sizePt: number, extra: Partial<ParagraphStyleSpec> = {}): ParagraphStyleSpec {
  return { font, sizePt, bold: false, align: 'justify', indentChars: 0, spaceBeforePt: 0, spaceAfterPt: 0, keepWithNext: false, ...extra };
}

const heading = { keepWithNext: true, align: 'left' as Align };

/** GB/T 9704—2012 official-document style: body 3号仿宋, title 2号小标宋. */
const GBT9704: StyleSheet = {
  page: A4_GBT9704,
  docxFonts: DOCX_FONTS,
  paragraphs: {
    coverTitle: spec('song', 24, { bold: true, align: 'center', spaceBeforePt: 120, spaceAfterPt: 24 }),
    coverSubtitle: spec('fangsong', 16, { align: 'center' }),
    declarationTitle: spec('song', 22, { bold: true, align: 'center', spaceAfterPt: 24 }),
    title: spec('song', 22, { align: 'center', spaceAfterPt: 12 }),
    docNumber: spec('fangsong', 16, { align: 'right', spaceAfterPt: 12 }),
    heading1: spec('hei', 16, heading),
    heading2: spec('kai', 16, heading),
    heading3: spec('fangsong', 16, { ...heading, bold: true, indentChars: 2 }),
    body: spec('fangsong', 16, { indentChars: 2 }),
    bodyFlush: spec('fangsong', 16, { align: 'left' }),
    small: spec('fangsong', 12, { align: 'left' }),
    mark: spec('hei', 16, { align: 'center', spaceAfterPt: 12 }),
  },
};

/** 司法鉴定文书规范 (2007) style: body 4号仿宋, part headings 3号黑体, title 小2号黑体. */
const JUDICIAL: StyleSheet = {
  page: { ...A4_GBT9704, linePitchPt: 25, furnitureSizePt: 10.5 },
  docxFonts: DOCX_FONTS,
  paragraphs: {
    // Cover, 声明 and part headings as in the official style; the rest one size smaller.
    ...GBT9704.paragraphs,
    title: spec('hei', 18, { align: 'center', spaceAfterPt: 6 }),
    docNumber: spec('songti', 10.5, { align: 'right', spaceAfterPt: 12 }),
    heading2: spec('hei', 14, heading),
    heading3: spec('fangsong', 14, { ...heading, bold: true, indentChars: 2 }),
    body: spec('fangsong', 14, { indentChars: 2 }),
    bodyFlush: spec('fangsong', 14, { align: 'left' }),
    small: spec('fangsong', 10.5, { align: 'left' }),
    mark: spec('hei', 14, { align: 'center', spaceAfterPt: 6 }),
  },
};

export const STYLE_SHEETS: Record<StylePreset, StyleSheet> = { gbt9704: GBT9704, judicial: JUDICIAL };

export const MM_TO_PT = 72 / 25.4;

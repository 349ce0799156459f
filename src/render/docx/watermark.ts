/**
 * The diagonal draft watermark (征求意见稿 / 样本): the docx library's TextWatermark,
 * i.e. the VML WordArt shape in the header that Word's own Design › Watermark writes, so
 * Word can also remove it, and LibreOffice imports it as a Fontwork shape. It sits in
 * every section's header, hence on every page.
 */
import { TextWatermark } from 'docx/watermarks';
import { DOCX_FONTS } from '../../document/styles.js';
import { xmlSafeText } from '../xmlSafe.js';

/** Light grey at half opacity: readable text over it, still plainly visible on paper. */
const WATERMARK_COLOR = 'C0C0C0';
const WATERMARK_OPACITY = 0.5;

export function watermarkRun(text: string): TextWatermark {
  return new TextWatermark({
    text: xmlSafeText(text),
    font: DOCX_FONTS.hei.eastAsia,
    color: WATERMARK_COLOR,
    opacity: WATERMARK_OPACITY,
    layout: 'diagonal',
  });
}

/**
 * The library names each watermark shape with a random suffix (nanoid); replace it with
 * a counter so the same tree gives the same bytes. The prefix is what Word looks for to
 * recognise its own watermarks, so it is kept.
 */
export function normalizeWatermarkIds(xml: string, partIndex: number): string {
  let n = 0;
  return xml.replace(/id="PowerPlusWaterMarkObject[^"]*"/g, () => `id="PowerPlusWaterMarkObject${partIndex}_${++n}"`);
}

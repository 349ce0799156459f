/**
 * The config file's `style` key: an institution's page and paragraph styles, checked before
 * any document is set so that a typo or an impossible page is one clear message, not a
 * broken layout. Bounds are generous; they only keep out what cannot be typeset.
 */
import { z } from 'zod';
import { applyOverrides, type StyleOverrides } from '../document/styleOverrides.js';
import { STYLE_SHEETS } from '../document/styles.js';
import { FONT_ROLES } from '../document/tree.js';

const mm = (min: number, max: number) => z.number().min(min, { error: `至少 ${min} 毫米` }).max(max, { error: `至多 ${max} 毫米` });
const pt = (min: number, max: number) => z.number().min(min, { error: `至少 ${min} 磅` }).max(max, { error: `至多 ${max} 磅` });
const role = z.enum(FONT_ROLES, { error: '字体角色须为 fangsong（仿宋）、song（小标宋，标题）、songti（宋体，页眉页码与编号）、hei（黑体）或 kai（楷体）' });

const page = z.strictObject({
  widthMm: mm(100, 500).optional(),
  heightMm: mm(100, 700).optional(),
  marginTopMm: mm(5, 100).optional(),
  marginBottomMm: mm(5, 100).optional(),
  marginLeftMm: mm(5, 100).optional(),
  marginRightMm: mm(5, 100).optional(),
  linePitchPt: pt(8, 72).optional(),
  furnitureSizePt: pt(5, 36).optional(),
});

const paragraph = z.strictObject({
  font: role.optional(),
  sizePt: pt(5, 72).optional(),
  bold: z.boolean().optional(),
  align: z.enum(['left', 'center', 'right', 'justify'], { error: '对齐方式须为 left、center、right 或 justify' }).optional(),
  indentChars: z.number().min(0).max(10, { error: '首行缩进至多 10 字' }).optional(),
  spaceBeforePt: pt(0, 300).optional(),
  spaceAfterPt: pt(0, 300).optional(),
  keepWithNext: z.boolean().optional(),
});

const paragraphNames = Object.keys(STYLE_SHEETS.gbt9704.paragraphs) as [string, ...string[]];

export const styleOverridesSchema = z
  .strictObject({
    page: page.optional(),
    // Keys checked one by one (not an enum record) so a misspelt style gets this message, not zod's.
    paragraphs: z.record(z.string(), paragraph).check((ctx) => {
      for (const name of Object.keys(ctx.value)) {
        if (!paragraphNames.includes(name)) ctx.issues.push({ code: 'custom', input: name, path: [name], message: `不是段落样式；段落样式须为 ${paragraphNames.join('、')} 之一` });
      }
    }).optional(),
    fontNames: z.partialRecord(role, z.string().trim().min(1, { error: '字体名不能为空' })).optional(),
  })
  .check((ctx) => {
    // The text block must stay wide and tall enough for a line of body text and the 落款.
    for (const preset of Object.values(STYLE_SHEETS)) {
      const sheet = applyOverrides(preset, ctx.value as StyleOverrides);
      const p = sheet.page;
      if (sheet.paragraphs.body.sizePt > p.linePitchPt) {
        ctx.issues.push({ code: 'custom', input: ctx.value, path: ['page', 'linePitchPt'], message: `行距 ${p.linePitchPt} 磅小于正文字号 ${sheet.paragraphs.body.sizePt} 磅，行会重叠` });
        return;
      }
      if (p.widthMm - p.marginLeftMm - p.marginRightMm < 80) {
        ctx.issues.push({ code: 'custom', input: ctx.value.page, path: ['page'], message: '版心宽度（纸宽减左右页边距）不足 80 毫米，排不下一行正文' });
        return;
      }
      if (p.heightMm - p.marginTopMm - p.marginBottomMm < 120) {
        ctx.issues.push({ code: 'custom', input: ctx.value.page, path: ['page'], message: '版心高度（纸高减上下页边距）不足 120 毫米，排不下落款' });
        return;
      }
    }
  }) satisfies z.ZodType<StyleOverrides>;

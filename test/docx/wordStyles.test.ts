/**
 * Styles, not runs: an institution that changes 「鉴定-正文」 in Word changes the text. Fonts
 * and sizes live on the paragraph styles; a run names only what differs from its style;
 * Word's built-in quick styles the document never uses stay out of the style gallery; the
 * 编号 and the page header print in 宋体, not the title's display face.
 */
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/render/docx/index.js';
import { sampleTree } from '../support/sampleTree.js';
import { part, unzipDocx } from './docxParts.js';

type Node = Record<string, unknown>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (_name, _path, _leaf, isAttribute) => !isAttribute });
const list = (n: unknown, key: string): Node[] => ((n as Node | undefined)?.[key] as Node[] | undefined) ?? [];
const val = (n: Node | undefined, key: string): string | undefined => n?.[key] as string | undefined;

interface RunFormat { fonts?: string; size?: string; bold: boolean }

function formatOf(rPr: Node | undefined): RunFormat {
  const f = list(rPr, 'w:rFonts')[0];
  return { fonts: f ? `${val(f, '@w:eastAsia')}|${val(f, '@w:ascii')}` : undefined, size: val(list(rPr, 'w:sz')[0], '@w:val'), bold: list(rPr, 'w:b').length > 0 };
}

/** Every paragraph (in the body and in table cells) with its style id and its runs' formatting. */
function paragraphsOf(xml: string): { style: string; runs: RunFormat[] }[] {
  const out: { style: string; runs: RunFormat[] }[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    for (const [key, value] of Object.entries(n as Node)) {
      if (key === 'w:p') {
        for (const p of value as Node[]) {
          const style = val(list(list(p, 'w:pPr')[0], 'w:pStyle')[0], '@w:val') ?? 'Normal';
          out.push({ style, runs: list(p, 'w:r').map((r) => formatOf(list(r, 'w:rPr')[0])) });
        }
      }
      walk(value);
    }
  };
  walk(parser.parse(xml));
  return out;
}

function stylesOf(xml: string): Map<string, { name: string; format: RunFormat; quick: boolean }> {
  const root = list(parser.parse(xml), 'w:styles')[0];
  return new Map(list(root, 'w:style').map((s) => [val(s, '@w:styleId')!, { name: val(list(s, 'w:name')[0], '@w:val')!, format: formatOf(list(s, 'w:rPr')[0]), quick: list(s, 'w:qFormat').length > 0 }]));
}

describe('DOCX formatting lives in the styles', () => {
  let parts: Map<string, string>;
  let styles: ReturnType<typeof stylesOf>;
  beforeAll(async () => {
    parts = await unzipDocx(await renderDocx(sampleTree()));
    styles = stylesOf(part(parts, 'word/styles.xml'));
  });
  const furnitureParts = () => [...parts.keys()].filter((n) => /^word\/(header|footer)\d+\.xml$/.test(n));

  it('runs carry no font or size their paragraph style already gives', () => {
    const all = ['word/document.xml', ...furnitureParts()].flatMap((n) => paragraphsOf(part(parts, n)));
    const runs = all.flatMap((p) => p.runs.map((r) => ({ ...r, style: styles.get(p.style)! })));
    expect(runs.length).toBeGreaterThan(50);
    for (const r of runs) {
      expect(r.size, 'w:sz on a run').toBeUndefined();
      if (r.fonts) expect(r.fonts).not.toBe(r.style.format.fonts);
    }
    // The 黑体 labels in 仿宋 paragraphs are the runs that name their fonts.
    expect(runs.filter((r) => r.fonts).length).toBeGreaterThan(0);
  });

  it('defines every style the document uses, each with its fonts and size', () => {
    const used = new Set(['word/document.xml', ...furnitureParts()].flatMap((n) => paragraphsOf(part(parts, n)).map((p) => p.style)));
    for (const id of used) {
      const s = styles.get(id);
      expect(s, id).toBeDefined();
      if (id === 'Normal') continue;
      expect(s!.name).toMatch(/^鉴定-/);
      expect(s!.format.fonts, id).toMatch(/^\S+\|\S+/);
      expect(s!.format.size, id).toMatch(/^\d+$/);
    }
  });

  it('shows no unused built-in heading or title styles in the gallery', () => {
    for (const id of ['Title', 'Heading1', 'Heading2', 'Heading3', 'Heading4', 'Heading5', 'Heading6', 'Strong', 'ListParagraph']) expect(styles.has(id), id).toBe(false);
    const quick = [...styles].filter(([, s]) => s.quick).map(([id]) => id);
    for (const id of quick) expect(id).toMatch(/^(Normal|Jd\w+)$/);
  });

  it('sets the 编号 and the page header in 宋体, not the display face', () => {
    expect(styles.get('JdDocNumber')!.format.fonts).toBe('宋体|Times New Roman');
    expect(styles.get('JdFurniture')!.format.fonts).toBe('宋体|Times New Roman');
  });
});

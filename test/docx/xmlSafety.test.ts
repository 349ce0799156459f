import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { SignatureBlock } from '../../src/document/tree.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { escapeXml, REPLACEMENT_CHAR, xmlSafeText } from '../../src/render/xmlSafe.js';
import { para, sampleTree } from '../support/sampleTree.js';
import { furnitureOf, paragraphs, part, sectPrs, textOf, unzipDocx, xmlPartNames, xmlProblem } from './docxParts.js';

/** Markup look-alikes, CDATA end, entities, template braces, emoji, RTL, combining marks. */
const LEGAL = 'a<w:t>b</w:t>]]>&amp;&{{x}}"\'😀👨‍👩‍👧 مرحبا עברית e\u0301 \u202Eflip\u202C \u0085\u2028';
/** Characters XML 1.0 forbids: C0 controls, U+FFFE/FFFF, lone surrogates. */
const FORBIDDEN = '[\u0000\u0001\u0008\u000B\u000C\u001F\uFFFE\uFFFF\uD800x\uDC00]';
const HOSTILE = `${LEGAL}${FORBIDDEN}`;
const EXPECTED = `${LEGAL}[${REPLACEMENT_CHAR.repeat(8)}${REPLACEMENT_CHAR}x${REPLACEMENT_CHAR}]`;

function hostileTree() {
  const tree = sampleTree();
  tree.meta = { ...tree.meta, title: HOSTILE, subject: HOSTILE, author: HOSTILE, keywords: [HOSTILE] };
  tree.watermark = `样本${HOSTILE}`;
  const body = tree.sections[1]!;
  body.furniture = { headerText: HOSTILE, pageNumbers: 'ofTotal' };
  const table = body.blocks.find((b) => b.kind === 'table')!;
  if (table.kind === 'table') table.rows[0]!.cells[1] = { inlines: [{ kind: 'text', text: HOSTILE }] };
  const sig = body.blocks.find((b): b is SignatureBlock => b.kind === 'signature')!;
  Object.assign(sig, { lines: [{ role: '鉴定人', name: HOSTILE, note: HOSTILE }], sealed: true, institution: HOSTILE });
  body.blocks.unshift(para('body', HOSTILE), { kind: 'paragraph', style: 'body', inlines: [{ kind: 'text', text: 'tab\there\r\nnext line' }] });
  return tree;
}

describe('XML safety', () => {
  it('replaces forbidden characters visibly and leaves everything else alone', () => {
    expect(xmlSafeText(HOSTILE)).toBe(EXPECTED);
    expect(xmlSafeText(LEGAL)).toBe(LEGAL);
    expect(xmlSafeText('\t\n\r')).toBe('\t\n\r');
  });

  it('never yields invalid XML, whatever the UTF-16 input', () => {
    const anyUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 40 });
    fc.assert(
      fc.property(anyUnits, (s) => {
        const xml = `<a b="${escapeXml(s)}">${escapeXml(s)}</a>`;
        expect(xml.length).toBeGreaterThan(0);
        expect(XMLValidator.validate(xml)).toBe(true);
        expect(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(xml)).toBe(false);
        expect(xmlSafeText(s).length).toBe(s.length);
      }),
      { numRuns: 500 },
    );
  });

  it('renders hostile text everywhere into well-formed parts, round-tripping it as text', async () => {
    const parts = await unzipDocx(await renderDocx(hostileTree()));
    for (const name of xmlPartNames(parts)) expect([name, xmlProblem(part(parts, name))]).toEqual([name, undefined]);

    const doc = part(parts, 'word/document.xml');
    const texts = paragraphs(doc).map(textOf);
    expect(texts).toContain(EXPECTED); // body paragraph
    expect(texts.filter((t) => t === EXPECTED).length).toBeGreaterThanOrEqual(4); // + cell, note, institution
    expect(texts).toContain(`鉴定人：${EXPECTED}`);
    expect(doc).not.toContain('<w:t>b</w:t>'); // markup in text stays text

    const tabbed = paragraphs(doc).find((p) => textOf(p).startsWith('tab'))!;
    expect(tabbed).toMatch(/tab<\/w:t><w:tab\/><w:t[^>]*>here<\/w:t>/);
    expect(tabbed).toMatch(/<w:br\/><w:t[^>]*>next line<\/w:t>/);

    const { header } = furnitureOf(parts, sectPrs(doc)[1]!);
    expect(textOf(header)).toContain(EXPECTED);
    expect(header).toContain('string="样本a&lt;w:t&gt;b&lt;/w:t&gt;]]&gt;&amp;amp;&amp;{{x}}&quot;');

    const core = part(parts, 'docProps/core.xml');
    expect(core).toContain('<dc:title>a&lt;w:t&gt;b&lt;/w:t&gt;]]&gt;&amp;amp;&amp;{{x}}&quot;&apos;😀');
  });
});

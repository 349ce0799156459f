/**
 * The ink check must catch the failure it exists for: subset fonts whose glyphs came out
 * blank (what @pdf-lib/fontkit 1.1.1 did to CJK). We reproduce that by emptying every
 * glyph outline our subsetter copies, render, and expect the check to complain.
 */
import { describe, expect, it } from 'vitest';
import { loadFontSet } from '../../src/render/pdf/fonts.js';
import { TrueTypeSubset } from '../../src/render/pdf/fontProgram/trueTypeSubset.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { layoutDocument } from '../../src/render/pdf/layout.js';
import { inkFailures } from './ink.js';
import { hasPoppler, para, treeOf, writeTemp } from './support.js';

/** Empties every glyph outline the TrueType subsetter copies into a font program. */
async function withBlankGlyphs<T>(action: () => Promise<T>): Promise<T> {
  const proto = TrueTypeSubset.prototype as unknown as { subsetGlyph(gid: number): Uint8Array };
  const original = proto.subsetGlyph;
  proto.subsetGlyph = () => new Uint8Array(0);
  try {
    return await action();
  } finally {
    proto.subsetGlyph = original;
  }
}

describe.skipIf(!hasPoppler)('the ink check', () => {
  const tree = treeOf([para('body', '患者张某某，男，58岁，因反复上腹部疼痛3年入院。参与度建议为30%（16%–44%）。')]);

  it('fails on a PDF whose glyphs are blank, and passes on a good one', async () => {
    const plan = layoutDocument(tree, await loadFontSet());
    const broken = await withBlankGlyphs(() => renderPdf(tree));
    const failures = inkFailures(writeTemp(broken.bytes), plan);
    const glyphCount = plan.pages.flatMap((p) => p.placements).flatMap((p) => p.drawables).reduce((n, d) => n + (d.kind === 'glyphs' ? d.glyphs.length : 0), 0);
    expect(failures.length).toBeGreaterThan(glyphCount * 0.9);
    const good = await renderPdf(tree);
    expect(inkFailures(writeTemp(good.bytes), plan)).toEqual([]);
  }, 60_000);
});

/**
 * The ink check must catch the failure it exists for: subset fonts whose glyphs came out
 * blank (what @pdf-lib/fontkit 1.1.1 does to CJK). We reproduce that by emptying every
 * glyph outline fontkit's subsetter writes, render, and expect the check to complain.
 */
import { describe, expect, it } from 'vitest';
import { bundledFontPath, loadFontFile, loadFontSet } from '../../src/render/pdf/fonts.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { layoutDocument } from '../../src/render/pdf/layout.js';
import { inkFailures } from './ink.js';
import { hasPoppler, para, treeOf, writeTemp } from './support.js';

interface SubsetInternals {
  glyf: Uint8Array[];
  offset: number;
  _addGlyph(gid: number): number;
  encode(): Uint8Array;
}

/** Empties every glyph the subset copies, whichever _addGlyph (fontkit's or our fast path) does the copying. */
async function withBlankGlyphs<T>(action: () => Promise<T>): Promise<T> {
  const { font } = await loadFontFile(bundledFontPath('serif'));
  const proto = Object.getPrototypeOf(font.createSubset()) as SubsetInternals;
  const originalEncode = proto.encode;
  proto.encode = function (this: SubsetInternals) {
    const add = this._addGlyph;
    this._addGlyph = (gid: number) => {
      const index = add.call(this, gid);
      this.offset -= this.glyf[index]?.length ?? 0;
      this.glyf[index] = new Uint8Array(0);
      return index;
    };
    return originalEncode.call(this);
  };
  try {
    return await action();
  } finally {
    proto.encode = originalEncode;
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

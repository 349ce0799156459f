import { describe, expect, it } from 'vitest';
import { subsetTag } from '../../src/render/pdf/embed.js';
import { loadFontSet, SLOTS } from '../../src/render/pdf/fonts.js';

describe('where the bundled fonts are installed', () => {
  // verify re-renders a document on another machine, where node_modules sits elsewhere: the
  // subset tags (in every font name of the PDF) and the fonts' order may not depend on that path.
  it('names every face by a key with no path in it, so the subset tags do not change', async () => {
    const fonts = await loadFontSet();
    const keys = SLOTS.flatMap((slot) => fonts.chain(slot));
    expect(keys).toContain('noto-serif-sc-400');
    for (const key of keys) expect(key).not.toMatch(/[\\/]/);
    const texts = ['鉴', '定', '意见'];
    expect(subsetTag('noto-serif-sc-400', texts)).toMatch(/^[A-Z]{6}$/);
    // Still a tag of the glyphs: another subset of the same face gets another tag.
    expect(subsetTag('noto-serif-sc-400', ['鉴'])).not.toBe(subsetTag('noto-serif-sc-400', texts));
  });
});

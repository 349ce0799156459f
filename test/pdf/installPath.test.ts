import { describe, expect, it } from 'vitest';
import { subsetTag } from '../../src/render/pdf/embed.js';

describe('where the bundled fonts are installed', () => {
  // verify re-renders a document on another machine, where node_modules sits elsewhere: the
  // subset tags (in every font name of the PDF) may not depend on that path.
  it('does not change the subset tags', () => {
    const texts = ['鉴', '定', '意见'];
    const here = subsetTag('/work/main/node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf', texts);
    const there = subsetTag('/opt/ci/jianding/node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf', texts);
    expect(here).toBe(there);
    expect(here).toMatch(/^[A-Z]{6}$/);
    // Still a tag of the glyphs: another subset of the same face gets another tag.
    expect(subsetTag('/x/NotoSerifSC_400Regular.ttf', ['鉴'])).not.toBe(here);
  });
});

/**
 * Page make-up a typesetter checks: tables never leave a header with one row on a page, the
 * 落款 never stands on a page without body text unless it cannot fit one (GB/T 9704 §7.3.5:
 * tighten the spacing instead — a compact 落款), the page before it is at most 40% empty
 * where the 落款 and its tied text could fit there, the last signers stay with the date, and
 * the folio stands 7 mm below the text block.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Slice } from '../../src/render/pdf/model.js';
import { paginate } from '../../src/render/pdf/paginate.js';
import { measuredFixtures } from './support.js';

const slice = (height: number, keepWithNext: boolean, extra: Partial<Slice> = {}): Slice => ({ height, spaceBefore: 0, spaceAfter: 0, keepWithNext, drawables: [], textLines: 1, ...extra });

describe('a 落款 taller than a page', () => {
  // Page of 100: 60 of text, then 2 tied lines and a 落款 of six signers (10 each) and the date (30): 112 in all.
  const text = Array.from({ length: 6 }, () => slice(10, false));
  const tied = [slice(10, true), slice(10, true)];
  const signers = Array.from({ length: 6 }, (_, i) => slice(10, true, { signature: 'signer', softBreak: i < 4 }));
  const date = slice(30, false, { signature: 'date' });
  const pages = paginate([...text, ...tied, ...signers, date], 100);

  it('starts on the page it follows, filling it, instead of leaving that page half empty', () => {
    expect(pages).toHaveLength(2);
    expect(pages[0]!.length).toBe(6 + 2 + 2); // the text, the tied lines and the two signers that fit
  });

  it('breaks between signers and keeps at least the last two with the date', () => {
    const last = pages[1]!;
    expect(last.filter((p) => p.slice.signature === 'signer').length).toBeGreaterThanOrEqual(2);
    expect(last.some((p) => p.slice.signature === 'date')).toBe(true);
  });
});

describe('a 落款 that fits a page but not the room left on the current one', () => {
  // Page of 100; the chain: 2 tied lines and a 落款 of four signers (10 each) and the date (20): 80 in all.
  const chain = () => [slice(10, true), slice(10, true), ...Array.from({ length: 4 }, (_, i) => slice(10, true, { signature: 'signer', softBreak: i < 2 })), slice(20, false, { signature: 'date' })];
  const text = (lines: number) => Array.from({ length: lines }, () => slice(10, false));

  it('moves whole with its tied lines: the signatures never go to a page of their own', () => {
    const pages = paginate([...text(5), ...chain()], 100);
    expect(pages.map((page) => page.length)).toEqual([5, 7]);
  });
});

describe('every bundled fixture', () => {
  // Laying out all fixtures takes a few seconds on a loaded machine; done once for the file.
  beforeAll(() => measuredFixtures(), 120_000);

  it('never splits a table leaving fewer than two body rows with its header on a page', async () => {
    const splits = (await measuredFixtures()).filter((f) => f.typography.tableSplits > 0).map((f) => `${f.name}: ${f.typography.tableSplits}`);
    expect(splits).toEqual([]);
  });

  it('keeps body text on the page of the signatures and the date (the 落款 set compact where it would not fit)', async () => {
    const alone = (await measuredFixtures()).filter((f) => f.typography.closingAlone).map((f) => f.name);
    expect(alone).toEqual([]);
  });

  it('leaves at most 40% of the page before the 落款 empty, unless the 落款 (compact) and its tied text could not fit there', async () => {
    const report = (await measuredFixtures()).map((f) => ({ name: f.name, empty: f.typography.emptyBeforeSignature, tooTall: f.typography.signatureChainTooTall }));
    const wasteful = report.filter((r) => r.empty !== null && r.empty > 0.4 && !r.tooTall).map((r) => `${r.name}: ${(r.empty! * 100).toFixed(0)}%`);
    expect(wasteful).toEqual([]);
    // Measured where it matters: every fixture's 落款 follows at least one page of its section, and most fill it.
    expect(report.filter((r) => r.empty !== null)).toHaveLength(report.length);
    expect(report.filter((r) => r.empty !== null && r.empty <= 0.4).length).toBeGreaterThan(report.length / 2);
  });

  it('prints the institution and date with at least two signers (or all of them) on the same page', async () => {
    for (const f of await measuredFixtures()) {
      if (f.typography.signersWithDate === null) continue;
      expect(f.typography.signersWithDate, f.name).toBeGreaterThanOrEqual(Math.min(2, f.typography.signers));
    }
  });

  it('sets the folio 7 mm ± 1 below the text block', async () => {
    const folios = (await measuredFixtures()).flatMap((f) => f.typography.folioMm.map((mm) => ({ name: f.name, mm })));
    expect(folios.length).toBeGreaterThan(0);
    for (const { name, mm } of folios) expect(Math.abs(mm - 7), `${name}: ${mm.toFixed(1)} mm`).toBeLessThanOrEqual(1);
  });
});

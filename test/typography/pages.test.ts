/**
 * Page make-up a typesetter checks: tables never leave a header with one row on a page, the
 * page before the 落款's date is at most 40% empty (the 落款 breaks between signers if need
 * be), the last signers stay with the date, and the folio stands 7 mm below the text block
 * (GB/T 9704).
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

  it('breaks between signers rather than leave the page before it more than 40% empty', () => {
    const pages = paginate([...text(5), ...chain()], 100); // moving the chain whole would leave 50 of 100 empty
    expect(pages).toHaveLength(2);
    expect(pages[0]!.length).toBe(5 + 2 + 2); // the text, the tied lines and the two signers that may leave the date
    expect(pages[1]!.map((p) => p.slice.signature)).toEqual(['signer', 'signer', 'date']);
  });

  it('moves whole when that leaves the page before it at most 40% empty', () => {
    const pages = paginate([...text(7), ...chain()], 100); // 30 of 100 left empty
    expect(pages.map((page) => page.length)).toEqual([7, 7]);
  });
});

describe('every bundled fixture', () => {
  // Laying out all fixtures takes a few seconds on a loaded machine; done once for the file.
  beforeAll(() => measuredFixtures(), 120_000);

  it('never splits a table leaving fewer than two body rows with its header on a page', async () => {
    const splits = (await measuredFixtures()).filter((f) => f.typography.tableSplits > 0).map((f) => `${f.name}: ${f.typography.tableSplits}`);
    expect(splits).toEqual([]);
  });

  it('leaves at most 40% of the page before the 落款\'s date empty', async () => {
    const report = (await measuredFixtures()).map((f) => ({ name: f.name, empty: f.typography.emptyBeforeSignature }));
    const wasteful = report.filter((r) => r.empty !== null && r.empty > 0.4).map((r) => `${r.name}: ${(r.empty! * 100).toFixed(0)}%`);
    expect(wasteful).toEqual([]);
    // Measured where it matters: every fixture's 落款 follows at least one page of its section.
    expect(report.filter((r) => r.empty !== null)).toHaveLength(report.length);
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

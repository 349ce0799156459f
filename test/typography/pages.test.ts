/**
 * Page make-up a typesetter checks: tables never leave a header with one row on a page, the
 * page before the 落款 is filled where the content allows, a long 落款 keeps its last signers
 * with the date, and the folio stands 7 mm below the text block (GB/T 9704).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { measuredFixtures } from './support.js';

describe('every bundled fixture', () => {
  // Laying out all fixtures takes a few seconds on a loaded machine; done once for the file.
  beforeAll(() => measuredFixtures(), 120_000);

  it('never splits a table leaving fewer than two body rows with its header on a page', async () => {
    const splits = (await measuredFixtures()).filter((f) => f.typography.tableSplits > 0).map((f) => `${f.name}: ${f.typography.tableSplits}`);
    expect(splits).toEqual([]);
  });

  it('leaves at most 40% of the page before the 落款 empty, unless the 落款 and its tied text could not fit there', async () => {
    const report = (await measuredFixtures()).map((f) => ({ name: f.name, empty: f.typography.emptyBeforeSignature, tooTall: f.typography.signatureChainTooTall }));
    const wasteful = report.filter((r) => r.empty !== null && r.empty > 0.4 && !r.tooTall);
    expect(wasteful).toEqual([]);
    // The bound binds somewhere: most fixtures fill the page before the 落款 to at least 60%.
    expect(report.filter((r) => r.empty !== null && r.empty <= 0.4).length).toBeGreaterThan(report.length / 2);
  });

  it('prints the institution and date with at least two signers (or all of them) on the same page', async () => {
    for (const f of await measuredFixtures()) {
      if (f.typography.signersWithDate === null) continue;
      expect(f.typography.signersWithDate, f.name).toBeGreaterThanOrEqual(2);
    }
  });

  it('sets the folio 7 mm ± 1 below the text block', async () => {
    const folios = (await measuredFixtures()).flatMap((f) => f.typography.folioMm.map((mm) => ({ name: f.name, mm })));
    expect(folios.length).toBeGreaterThan(0);
    for (const { name, mm } of folios) expect(Math.abs(mm - 7), `${name}: ${mm.toFixed(1)} mm`).toBeLessThanOrEqual(1);
  });
});

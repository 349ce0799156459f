/** The one-pass attribute builder must give exactly what docx's own gives. */
import { NextAttributeComponent } from 'docx';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useFastAttributes } from '../../src/render/docx/fastAttributes.js';

type Root = Record<string, { key: string; value: unknown }>;
const proto = NextAttributeComponent.prototype as unknown as { prepForXml(this: unknown, context?: unknown): unknown };
const original = proto.prepForXml;

describe('useFastAttributes', () => {
  it('builds the same attribute object as docx, key order included', () => {
    useFastAttributes();
    expect(proto.prepForXml).not.toBe(original);
    const value = fc.option(fc.oneof(fc.string(), fc.integer(), fc.boolean()), { nil: undefined });
    const root = fc.dictionary(fc.string(), fc.record({ key: fc.constantFrom('w:val', 'w:w', 'w:type', 'r:id', '1', 'w:val2'), value }));
    fc.assert(
      fc.property(root, (r: Root) => {
        const component = new NextAttributeComponent(r as never);
        const fast = proto.prepForXml.call(component) as { _attr: object };
        const theirs = original.call(component) as { _attr: object };
        expect(fast).toEqual(theirs);
        expect(Object.keys(fast._attr)).toEqual(Object.keys(theirs._attr));
      }),
      { seed: 20261123, numRuns: 300 },
    );
    const sample = new NextAttributeComponent({ a: { key: 'w:val', value: 'single' }, b: { key: 'w:sz', value: undefined }, c: { key: 'w:space', value: 1 } } as never);
    expect(proto.prepForXml.call(sample)).toEqual({ _attr: { 'w:val': 'single', 'w:space': 1 } });
  });
});

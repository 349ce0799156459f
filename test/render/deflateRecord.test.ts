import { describe, expect, it } from 'vitest';
import { optionsKey, probeNativeMatchesCanonical } from '../../src/render/canonicalDeflate.js';
import { decisionsFor, engineFingerprint, recordedDecision } from '../../src/render/deflateRecord.js';
import { pdfDeflateOptions } from '../../src/render/pdf/fastFlate.js';

describe('the build’s record of where native zlib is canonical', () => {
  // The record replaces a probe at every start; it may only ever say what the probe says,
  // or the same case would give different PDF and DOCX bytes once built.
  it('says for this engine what a probe says, for every setting the renderers use', () => {
    const used = [...[9, 10, 11, 12, 13, 14, 15].map((w) => pdfDeflateOptions(2 ** (w - 1))), { level: 4, raw: true }];
    for (const o of used) {
      const recorded = recordedDecision(optionsKey(o));
      expect(recorded, `npm run build records ${optionsKey(o)}`).toBeTypeOf('boolean');
      expect(recorded).toBe(probeNativeMatchesCanonical(o));
    }
  });

  // Node upgraded or the folder copied to another machine: the old answer may be wrong there.
  it('is ignored on any other engine, which then probes', () => {
    const record = { engine: 'another machine', nativeIsCanonical: { '4/zlib/15/9': true } };
    expect(decisionsFor(record, engineFingerprint()).size).toBe(0);
    expect(decisionsFor(record, 'another machine').get('4/zlib/15/9')).toBe(true);
    expect(decisionsFor(undefined, engineFingerprint()).size).toBe(0);
  });
});

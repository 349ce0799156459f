/** Every bundled fixture laid out with the bundled fonts and measured as a typesetter would. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCase } from '../../src/parse/loadCase.js';
import { buildTree } from '../../src/pipeline/buildTree.js';
import { loadFontSet } from '../../src/render/pdf/fonts.js';
import { measureTypography, type Typography } from '../../src/bench/typographyMeasures.js';

const FIXTURES = join(process.cwd(), 'fixtures');

export interface MeasuredFixture {
  name: string;
  typography: Typography;
}

let cached: Promise<MeasuredFixture[]> | undefined;

export function measuredFixtures(): Promise<MeasuredFixture[]> {
  cached ??= (async () => {
    const faces = await loadFontSet();
    return readdirSync(FIXTURES)
      .filter((f) => /\.(ya?ml|json)$/.test(f))
      .sort()
      .map((name) => {
        const loaded = loadCase(readFileSync(join(FIXTURES, name)), name);
        if (!loaded.ok || !loaded.case) throw new Error(`fixture ${name} does not load`);
        const { tree } = buildTree(loaded.case, { caseSha256: '0'.repeat(64), generator: 'test' });
        return { name, typography: measureTypography(tree, faces) };
      });
  })();
  return cached;
}

export const FIXTURE_COUNT = readdirSync(FIXTURES).filter((f) => /\.(ya?ml|json)$/.test(f)).length;

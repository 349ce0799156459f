/**
 * node dist/bench/typography.js: per bundled fixture, the figures a typesetter checks —
 * widest inter-character gap in justified lines (em) and how many lines exceed ¼ em, runt
 * last lines, tables split with fewer than two body rows, the empty share of the page before
 * the 落款, and the folio's distance below the text block. A measurement, not a test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadCase } from '../parse/loadCase.js';
import { buildTree } from '../pipeline/buildTree.js';
import { loadFontSet } from '../render/pdf/fonts.js';
import { PACKAGE_ROOT } from '../paths.js';
import { measureTypography } from './typographyMeasures.js';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(0)}%`);

async function main(): Promise<void> {
  const verbose = process.argv.includes('--verbose');
  const faces = await loadFontSet();
  const dir = path.join(PACKAGE_ROOT, 'fixtures');
  console.log('| fixture | widest gap (em) | lines > ¼ em | runts | table splits | empty before 落款 | folio (mm) |');
  console.log('|---|---|---|---|---|---|---|');
  for (const file of fs.readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f)).sort()) {
    const loaded = loadCase(fs.readFileSync(path.join(dir, file)), file);
    if (!loaded.ok || !loaded.case) continue;
    const { tree } = buildTree(loaded.case, { caseSha256: '0'.repeat(64), generator: 'bench' });
    const t = measureTypography(tree, faces);
    const folio = t.folioMm.length ? `${Math.min(...t.folioMm).toFixed(1)}–${Math.max(...t.folioMm).toFixed(1)}` : '—';
    console.log(`| ${file.slice(0, 2)} | ${t.maxGapEm.toFixed(2)} | ${t.looseLines.length} | ${t.runts.length} | ${t.tableSplits} | ${pct(t.emptyBeforeSignature)} | ${folio} |`);
    if (verbose) {
      for (const l of t.looseLines) console.log(`    loose ${l.gapEm.toFixed(2)}: ${l.text}`);
      for (const r of t.runts) console.log(`    runt: ${r}`);
    }
  }
}

await main();

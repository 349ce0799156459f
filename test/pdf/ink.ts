/**
 * The ink check: rasterise each page and require dark pixels inside the box of every
 * glyph layout placed. Blank glyphs (a broken subsetter) leave their boxes white.
 */
import type { DocumentPlan } from '../../src/render/pdf/model.js';
import { rasterPage, runsOf } from './support.js';

const DPI = 144;
const DARK = 128; // the watermark grey is far lighter than this
const MIN_DARK_PIXELS = 3;

export interface InkFailure {
  page: number;
  text: string;
  dark: number;
}

export function inkFailures(pdfPath: string, plan: DocumentPlan): InkFailure[] {
  const failures: InkFailure[] = [];
  const scale = DPI / 72;
  plan.pages.forEach((page, index) => {
    const raster = rasterPage(pdfPath, index + 1, DPI);
    for (const { run, dx, dy } of runsOf(page)) {
      for (const glyph of run.glyphs) {
        if (/^\s$/.test(glyph.text)) continue;
        // Inset the em box a little so a neighbour's anti-aliasing cannot count as ink.
        const x0 = Math.round((dx + glyph.x + glyph.advance * 0.1) * scale);
        const x1 = Math.round((dx + glyph.x + glyph.advance * 0.9) * scale);
        const y0 = Math.round((dy + run.baseline - 0.88 * run.size) * scale);
        const y1 = Math.round((dy + run.baseline + 0.12 * run.size) * scale);
        let dark = 0;
        for (let y = Math.max(0, y0); y < Math.min(raster.height, y1); y++) {
          for (let x = Math.max(0, x0); x < Math.min(raster.width, x1); x++) if ((raster.pixels[y * raster.width + x] ?? 255) < DARK) dark++;
        }
        if (dark < MIN_DARK_PIXELS) failures.push({ page: index + 1, text: glyph.text, dark });
      }
    }
  });
  return failures;
}

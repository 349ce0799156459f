/** Helpers for the PDF renderer tests: fake fonts for pure layout, poppler wrappers, plan readers. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { styleSheetOf } from '../../src/document/styleOverrides.js';
import type { Block, DocumentTree, Paragraph } from '../../src/document/tree.js';
import { pageGeometry, type PageGeometry } from '../../src/render/pdf/geometry.js';
import type { DocumentPlan, FaceMetrics, FaceSet, GlyphRun, PagePlan } from '../../src/render/pdf/model.js';

/** Monospace metrics: wide characters 1 em, everything else ½ em; a chosen set is missing. */
export function fakeFaces(missing: (cp: number) => boolean = (cp) => cp > 0xffff): FaceSet {
  const metrics: FaceMetrics = {
    ascent: 0.88,
    advance: (cluster) => {
      const cp = cluster.codePointAt(0) ?? 0;
      return cp >= 0x2e80 || (cp >= 0x2014 && cp <= 0x2027) || (cp >= 0x25a0 && cp <= 0x27bf) ? 1 : 0.5;
    },
    covers: (cluster) => !missing(cluster.codePointAt(0) ?? 0),
  };
  return { chain: (slot) => [slot], metrics: () => metrics };
}

export function hasBinary(name: string): boolean {
  return spawnSync(name, ['-v']).error === undefined;
}
export const hasPoppler = hasBinary('pdftotext') && hasBinary('pdftoppm') && hasBinary('pdffonts');

export function writeTemp(bytes: Uint8Array, name = 'doc.pdf'): string {
  const dir = mkdtempSync(join(tmpdir(), 'jianding-pdf-'));
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

export function run(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** pdftotext of one page (1-based), optionally cropped to a rectangle in points. */
export function pageText(path: string, page: number, crop?: { x: number; y: number; w: number; h: number }): string {
  const area = crop ? ['-r', '72', '-x', String(Math.floor(crop.x)), '-y', String(Math.floor(crop.y)), '-W', String(Math.ceil(crop.w)), '-H', String(Math.ceil(crop.h))] : [];
  return run('pdftotext', ['-f', String(page), '-l', String(page), ...area, path, '-']);
}

/** A grey-scale raster of one page: width, height and one byte per pixel (0 = black). */
export function rasterPage(path: string, page: number, dpi: number): { width: number; height: number; pixels: Uint8Array } {
  const out = join(mkdtempSync(join(tmpdir(), 'jianding-ras-')), 'p');
  run('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', path, out]);
  const pgm = readFileSync(`${out}.pgm`);
  // P5\n<w> <h>\n255\n<bytes>
  const header = pgm.subarray(0, 64).toString('latin1');
  const match = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header);
  if (!match) throw new Error('not a PGM');
  const [all, w, h] = match;
  return { width: Number(w), height: Number(h), pixels: new Uint8Array(pgm.subarray(all.length)) };
}

export const normalise = (text: string): string => text.replace(/\s+/g, '');

export function geometryOf(tree: DocumentTree): PageGeometry {
  return pageGeometry(styleSheetOf(tree));
}

export interface PlacedRun {
  run: GlyphRun;
  dx: number;
  dy: number;
}

/** Glyph runs of a page with their placement offsets. */
export function runsOf(page: PagePlan): PlacedRun[] {
  return page.placements.flatMap((p) => p.drawables.filter((d): d is GlyphRun => d.kind === 'glyphs').map((run) => ({ run, dx: p.dx, dy: p.dy })));
}

/** Text lines of the text block of each page (furniture excluded), one string per placement. */
export function bodyLines(plan: DocumentPlan, geometry: PageGeometry): string[][] {
  return plan.pages.map((page) =>
    page.placements
      .filter((p) => p.dy >= geometry.marginTop - 0.01 && p.dy < geometry.height - geometry.marginBottom)
      .map((p) => p.drawables.flatMap((d) => (d.kind === 'glyphs' ? d.glyphs.map((g) => g.text) : [])).join(''))
      .filter((line) => line.length > 0),
  );
}

export const para = (style: Paragraph['style'], text: string, extra: Partial<Paragraph> = {}): Paragraph => ({
  kind: 'paragraph',
  style,
  inlines: [{ kind: 'text', text }],
  ...extra,
});

export function treeOf(blocks: Block[], extra: Partial<DocumentTree> = {}): DocumentTree {
  return {
    meta: { title: 'T', subject: 'S', author: 'A', keywords: ['k'], created: '2026-11-22' },
    preset: 'judicial',
    sections: [{ kind: 'body', furniture: { pageNumbers: 'ofTotal' }, blocks }],
    ...extra,
  };
}

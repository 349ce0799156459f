/**
 * The drawing step: a laid-out document plan → pdf-lib pages with hand-written content
 * streams (pdf-lib's drawText would re-shape every string and cannot justify).
 */
import type { PDFDocument, PDFRef } from 'pdf-lib';
import { PDFName } from './pdfLib.js';
import { ContentWriter, num } from './content.js';
import { embedFaces } from './embed.js';
import { horizontalMetrics } from './fontProgram/sfntMetrics.js';
import type { FontSet } from './fonts.js';
import type { DocumentPlan, WatermarkPlan } from './model.js';
import { outlineOperators } from './outline.js';

/** Watermark grey (1 = white); light enough that the text over it stays crisp. */
const WATERMARK_GREY = 0.85;

function watermarkOperators(plan: WatermarkPlan, pageHeight: number, fonts: FontSet): string {
  const cos = Math.cos(plan.angle);
  const sin = Math.sin(plan.angle);
  const paths = plan.glyphs.map((g) => {
    const face = fonts.face(g.face);
    return outlineOperators(face.font, horizontalMetrics(face.bytes), g.text, plan.size, g.x, plan.baseline);
  });
  const matrix = [cos, sin, -sin, cos, plan.cx, pageHeight - plan.cy].map(num).join(' ');
  return `q ${WATERMARK_GREY} g ${matrix} cm\n${paths.join('\n')}\nf Q`;
}

/** The watermark as one form XObject shared by every page. */
function watermarkXObject(doc: PDFDocument, plan: DocumentPlan, fonts: FontSet): PDFRef | undefined {
  if (!plan.watermark) return undefined;
  const ops = watermarkOperators(plan.watermark, plan.pageHeight, fonts);
  const stream = doc.context.flateStream(ops, { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, plan.pageWidth, plan.pageHeight] });
  return doc.context.register(stream);
}

export function drawDocument(doc: PDFDocument, plan: DocumentPlan, fonts: FontSet): void {
  const faces = embedFaces(doc, plan, fonts);
  const watermark = watermarkXObject(doc, plan, fonts);
  for (const pagePlan of plan.pages) {
    const page = doc.addPage([plan.pageWidth, plan.pageHeight]);
    for (const face of faces.values()) page.node.setFontDictionary(PDFName.of(face.name), face.ref);
    const writer = new ContentWriter(plan.pageHeight, faces);
    if (watermark) {
      page.node.setXObject(PDFName.of('Wm'), watermark);
      writer.raw('q /Wm Do Q');
    }
    writer.raw('0 g 0 G');
    for (const placement of pagePlan.placements) writer.placement(placement);
    page.node.addContentStream(doc.context.register(doc.context.flateStream(writer.toString())));
  }
}

/**
 * The drawing step: a laid-out document plan → pdf-lib pages with hand-written content
 * streams (pdf-lib's drawText would re-shape every string and cannot justify).
 */
import type { PDFDocument, PDFPage, PDFRef } from 'pdf-lib';
import { isJpeg } from '../../io/imageInfo.js';
import { PDFName } from './pdfLib.js';
import { ContentWriter, num } from './content.js';
import { embedFaces } from './embed.js';
import type { FontSet } from './fonts.js';
import type { DocumentPlan, WatermarkPlan } from './model.js';
import { outlineOperators } from './outline.js';
import { SignatureFields } from './signatureFields.js';

/** Watermark grey (1 = white); light enough that the text over it stays crisp. */
const WATERMARK_GREY = 0.85;

function watermarkOperators(plan: WatermarkPlan, pageHeight: number, fonts: FontSet): string {
  const cos = Math.cos(plan.angle);
  const sin = Math.sin(plan.angle);
  const paths = plan.glyphs.map((g) => {
    const face = fonts.face(g.face);
    return outlineOperators(face.font, face.bytes, g.text, plan.size, g.x, plan.baseline);
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

/** Images (seal, signatures, a template's PNG or JPEG logo) embedded once each, in first-use order. */
async function embedImages(doc: PDFDocument, plan: DocumentPlan): Promise<Map<Uint8Array, PDFRef>> {
  const images = new Map<Uint8Array, PDFRef>();
  for (const page of plan.pages) {
    for (const placement of page.placements) {
      for (const d of placement.drawables) {
        if (d.kind === 'image' && !images.has(d.data)) images.set(d.data, (await (isJpeg(d.data) ? doc.embedJpg(d.data) : doc.embedPng(d.data))).ref);
      }
    }
  }
  return images;
}

/** The page's image resources: /Im1, /Im2, … as the content stream first uses them. */
function imageNamer(page: PDFPage, images: Map<Uint8Array, PDFRef>): (image: Uint8Array) => string {
  const names = new Map<Uint8Array, string>();
  return (image) => {
    let name = names.get(image);
    const ref = images.get(image);
    if (!name && ref) {
      name = `Im${names.size + 1}`;
      names.set(image, name);
      page.node.setXObject(PDFName.of(name), ref);
    }
    return name ?? '';
  };
}

export async function drawDocument(doc: PDFDocument, plan: DocumentPlan, fonts: FontSet): Promise<void> {
  const faces = embedFaces(doc, plan, fonts);
  const watermark = watermarkXObject(doc, plan, fonts);
  const images = await embedImages(doc, plan);
  const fields = new SignatureFields(doc);
  for (const pagePlan of plan.pages) {
    const page = doc.addPage([plan.pageWidth, plan.pageHeight]);
    for (const face of faces.values()) page.node.setFontDictionary(PDFName.of(face.name), face.ref);
    fields.addPage(page, pagePlan.placements, plan.pageHeight);
    const writer = new ContentWriter(plan.pageHeight, faces, imageNamer(page, images));
    if (watermark) {
      page.node.setXObject(PDFName.of('Wm'), watermark);
      writer.raw('q /Wm Do Q');
    }
    writer.raw('0 g 0 G');
    for (const placement of pagePlan.placements) writer.placement(placement);
    page.node.addContentStream(doc.context.register(doc.context.flateStream(writer.toString())));
  }
  fields.finish();
}

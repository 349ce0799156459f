/**
 * The 落款's reserved places as unsigned signature fields: a widget per signer's signing
 * space and one for the seal, listed in the AcroForm. A viewer shows them as places to
 * sign; `jianding sign` fills one per signature, by incremental update, without
 * touching the bytes generated here.
 */
import type { PDFDocument, PDFPage, PDFRef } from 'pdf-lib';
import { PDFHexString, PDFName, PDFString } from './pdfLib.js';
import type { Placement } from './model.js';

/** Annotation flag 4: print the widget with the page. */
const PRINT_FLAG = 4;

export class SignatureFields {
  private readonly refs: PDFRef[] = [];
  constructor(private readonly doc: PDFDocument) {}

  addPage(page: PDFPage, placements: readonly Placement[], pageHeight: number): void {
    for (const { drawables, dx, dy } of placements) {
      for (const d of drawables) {
        if (d.kind !== 'field') continue;
        const x = dx + d.x;
        const top = pageHeight - (dy + d.y);
        const widget = this.doc.context.obj({
          Type: 'Annot', Subtype: 'Widget', FT: 'Sig', F: PRINT_FLAG,
          T: PDFString.of(d.name), TU: PDFHexString.fromText(d.tooltip),
          Rect: [round(x), round(top - d.h), round(x + d.w), round(top)],
          P: page.ref,
        });
        const ref = this.doc.context.register(widget);
        page.node.addAnnot(ref);
        this.refs.push(ref);
      }
    }
  }

  finish(): void {
    if (this.refs.length === 0) return;
    const form = this.doc.context.obj({ Fields: this.refs });
    this.doc.catalog.set(PDFName.of('AcroForm'), this.doc.context.register(form));
  }
}

const round = (v: number): number => Math.round(v * 1000) / 1000;

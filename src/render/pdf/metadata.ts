/**
 * Document information from tree.meta, with every date taken from meta.created and a
 * /ID derived from the content, so the same tree always gives the same bytes.
 */
import { createHash } from 'node:crypto';
import type { PDFDocument } from 'pdf-lib';
import { PDFHexString } from './pdfLib.js';
import type { DocumentMeta } from '../../document/tree.js';

export const PRODUCER = 'jianding PDF renderer (pdf-lib + fontkit 2)';
export const CREATOR = 'jianding';

/** meta.created as a Date; an unreadable date falls back to the epoch, never the clock. */
export function documentDate(created: string): Date {
  const date = new Date(created);
  return Number.isNaN(date.getTime()) ? new Date(0) : date;
}

export function applyMetadata(doc: PDFDocument, meta: DocumentMeta, idSeed: string): void {
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setSubject(meta.subject);
  doc.setAuthor(meta.author);
  doc.setKeywords(meta.keywords);
  doc.setProducer(PRODUCER);
  doc.setCreator(CREATOR);
  doc.setLanguage('zh-CN');
  const date = documentDate(meta.created);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  const id = createHash('sha256').update(idSeed).digest('hex').slice(0, 32).toUpperCase();
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
}

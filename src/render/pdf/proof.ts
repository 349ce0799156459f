/**
 * What lets a PDF prove where it came from: the tree's properties as XMP metadata (in the
 * jianding namespace, beside the usual Dublin Core title and dates) and its attachments as
 * embedded files. Dates come from meta.created, so the bytes stay reproducible.
 */
import type { PDFDocument } from 'pdf-lib';
import { PDFName } from './pdfLib.js';
import type { DocumentMeta } from '../../document/tree.js';
import { documentDate, PRODUCER } from './metadata.js';
import { escapeXml, unescapeXml } from '../xmlSafe.js';

export const XMP_NAMESPACE = 'urn:jianding:proof:1';

export function xmpPacket(meta: DocumentMeta): string {
  const date = documentDate(meta.created).toISOString();
  const props = Object.entries(meta.properties ?? {}).map(([k, v]) => `<jd:${k}>${escapeXml(v)}</jd:${k}>`).join('');
  return (
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>' +
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"' +
    ` xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:jd="${XMP_NAMESPACE}">` +
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(meta.title)}</rdf:li></rdf:Alt></dc:title>` +
    `<xmp:CreateDate>${date}</xmp:CreateDate><xmp:ModifyDate>${date}</xmp:ModifyDate>` +
    `<pdf:Producer>${escapeXml(PRODUCER)}</pdf:Producer>${props}` +
    '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="r"?>'
  );
}

/** The jianding properties of an XMP packet (what xmpPacket wrote). */
export function readXmpProperties(xmp: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of xmp.matchAll(/<jd:([A-Za-z0-9]+)>([^<]*)<\/jd:\1>/g)) out[m[1] as string] = unescapeXml(m[2] as string);
  return out;
}

export async function applyProof(doc: PDFDocument, meta: DocumentMeta): Promise<void> {
  // Uncompressed, as PDF/A asks: a reader's tools find the packet without inflating.
  const stream = doc.context.stream(new TextEncoder().encode(xmpPacket(meta)), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
  const date = documentDate(meta.created);
  for (const a of meta.attachments ?? []) {
    await doc.attach(a.bytes, a.name, { mimeType: a.mimeType, description: a.description, creationDate: date, modificationDate: date });
  }
}

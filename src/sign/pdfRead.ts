/**
 * Reading what jianding put into a PDF back out of it (signed or not): the signature fields
 * of the 落款, the jianding properties in the XMP metadata, and the embedded case file.
 * pdf-lib parses the whole file, incremental updates included.
 */
import type { PDFDict as Dict, PDFDocument as Doc, PDFRef as Ref } from 'pdf-lib';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString } from '../render/pdf/pdfLib.js';
import { readXmpProperties } from '../render/pdf/proof.js';

export interface SignatureField {
  ref: Ref;
  widget: Dict;
  /** signer-1, signer-2, …, seal */
  name: string;
  /** 「司法鉴定人：张某某」 or 「某某医学会（印章）」 */
  tooltip: string;
  signed: boolean;
  /** The signature dictionary when signed. */
  value?: Dict;
}

export class PdfReadError extends Error {}

export async function loadPdf(bytes: Uint8Array): Promise<Doc> {
  try {
    return await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: false });
  } catch (e) {
    throw new PdfReadError(`无法读取 PDF：${(e as Error).message}`);
  }
}

const text = (v: unknown): string => (v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : '');

export function signatureFields(doc: Doc): SignatureField[] {
  const form = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fields = form?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  if (!fields) return [];
  const out: SignatureField[] = [];
  for (let i = 0; i < fields.size(); i++) {
    const ref = fields.get(i) as Ref;
    const widget = doc.context.lookup(ref, PDFDict);
    if (widget.get(PDFName.of('FT')) !== PDFName.of('Sig')) continue;
    const value = widget.lookupMaybe(PDFName.of('V'), PDFDict);
    out.push({ ref, widget, name: text(widget.get(PDFName.of('T'))), tooltip: text(widget.get(PDFName.of('TU'))), signed: Boolean(value), ...(value ? { value } : {}) });
  }
  return out;
}

function streamBytes(stream: unknown): Uint8Array | undefined {
  if (!(stream instanceof PDFRawStream)) return undefined;
  return decodePDFRawStream(stream).decode();
}

export function readProofProperties(doc: Doc): Record<string, string> {
  const bytes = streamBytes(doc.catalog.lookup(PDFName.of('Metadata')));
  return bytes ? readXmpProperties(new TextDecoder().decode(bytes)) : {};
}

/** The case file the document was made from (training samples carry none). */
export function embeddedCase(doc: Doc, props = readProofProperties(doc)): Embedded | undefined {
  return props.caseFile ? embeddedFiles(doc).find((f) => f.name === props.caseFile) : undefined;
}

export interface Embedded {
  name: string;
  bytes: Uint8Array;
}

/** Files in the document's EmbeddedFiles name tree (a flat /Names array, as pdf-lib writes it). */
export function embeddedFiles(doc: Doc): Embedded[] {
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict)?.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (!names) return [];
  const out: Embedded[] = [];
  for (let i = 0; i + 1 < names.size(); i += 2) {
    const spec = names.lookup(i + 1, PDFDict);
    const bytes = streamBytes(spec.lookupMaybe(PDFName.of('EF'), PDFDict)?.lookup(PDFName.of('F')));
    if (bytes) out.push({ name: text(names.lookup(i)), bytes });
  }
  return out;
}

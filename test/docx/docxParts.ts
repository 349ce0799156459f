/** Test helpers: open a .docx with JSZip (an independent reader) and pick XML apart. */
import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';

export async function unzipDocx(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) {
    const file = zip.files[name];
    // Images (the QR code, seals) are binary; every other part is XML.
    if (/^word\/media\//.test(name)) continue;
    // fatal: invalid UTF-8 must fail the test, not turn into U+FFFD silently.
    if (file && !file.dir) parts.set(name, new TextDecoder('utf-8', { fatal: true }).decode(await file.async('uint8array')));
  }
  return parts;
}

export function part(parts: Map<string, string>, name: string): string {
  const xml = parts.get(name);
  if (xml === undefined) throw new Error(`missing part ${name}; have ${[...parts.keys()].join(', ')}`);
  return xml;
}

const decode = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Every w:p element (paragraphs never nest, so a lazy match is exact). */
export const paragraphs = (xml: string): string[] => xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];

/** The text of a fragment: its w:t contents, decoded. */
export const textOf = (xml: string): string => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1] ?? '')).join('');

/** The w:sectPr elements of document.xml, in order. */
export const sectPrs = (xml: string): string[] => xml.match(/<w:sectPr[ >][\s\S]*?<\/w:sectPr>/g) ?? [];

/** Target of a relationship id in word/_rels/document.xml.rels. */
export function relTarget(parts: Map<string, string>, id: string): string {
  const rels = part(parts, 'word/_rels/document.xml.rels');
  const m = new RegExp(`<Relationship Id="${id}"[^>]*Target="([^"]+)"`).exec(rels) ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels);
  if (!m?.[1]) throw new Error(`no relationship ${id}`);
  return `word/${m[1]}`;
}

/** The header and footer parts a section references. */
export function furnitureOf(parts: Map<string, string>, sectPr: string): { header: string; footer: string } {
  const h = /<w:headerReference w:type="default" r:id="(rId\d+)"/.exec(sectPr)?.[1];
  const f = /<w:footerReference w:type="default" r:id="(rId\d+)"/.exec(sectPr)?.[1];
  if (!h || !f) throw new Error('section without default header/footer');
  return { header: part(parts, relTarget(parts, h)), footer: part(parts, relTarget(parts, f)) };
}

/** Characters XML 1.0 forbids (XMLValidator does not check these). */
const FORBIDDEN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Well-formed XML 1.0: XMLValidator for the structure, plus the character check it skips. */
export function xmlProblem(xml: string): string | undefined {
  const result = XMLValidator.validate(xml);
  if (result !== true) return `${result.err.code}: ${result.err.msg} (line ${result.err.line})`;
  const bad = FORBIDDEN_XML.exec(xml);
  return bad ? `forbidden character U+${(bad[0].codePointAt(0) ?? 0).toString(16)} at ${bad.index}` : undefined;
}

export const xmlPartNames = (parts: Map<string, string>): string[] => [...parts.keys()].filter((n) => n.endsWith('.xml') || n.endsWith('.rels'));

/**
 * The reference DOCX's letterhead in the generated package: its default header and footer
 * content goes before ours in every header and footer part, its pictures into word/media
 * with relationships of their own (ids that cannot clash with the library's rIdN), and its
 * namespace declarations onto our root so the copied elements stay well-formed.
 */
import type { ZipEntries } from './deterministicZip.js';
import type { FurniturePart, ReferenceDocx } from './referenceDocx.js';
import { findAll, parseXml, serializeXml, type Element } from './xmlDom.js';

const IMAGE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';
const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_ATTRS = ['r:embed', 'r:id', 'r:link'];

const enc = new TextEncoder();
const dec = new TextDecoder();

const relId = (id: string): string => `rIdJdRef${id.replace(/[^A-Za-z0-9]/g, '')}`;
const mediaName = (kind: string, id: string, ext: string): string => `media/jd-ref-${kind}-${id.replace(/[^A-Za-z0-9]/g, '')}.${ext}`;

/** The content with its relationship ids renamed to ours. */
function remapped(content: Element[], images: FurniturePart['images']): Element[] {
  return content.map((el) => {
    const copy = el.cloneNode(true);
    for (const e of [copy, ...findAllElements(copy)]) {
      for (const a of REL_ATTRS) {
        const v = e.attribs[a];
        if (v !== undefined && images.has(v)) e.attribs[a] = relId(v);
      }
    }
    return copy;
  });
}

/** Every element under `root`, itself excluded. */
function findAllElements(root: Element): Element[] {
  const out: Element[] = [];
  const walk = (e: Element): void => {
    for (const c of e.children) if (c.type === 'tag') { out.push(c as Element); walk(c as Element); }
  };
  walk(root);
  return out;
}

function withRelationships(relsXml: string | undefined, kind: string, images: FurniturePart['images']): string {
  const rels = [...images].map(([id, img]) => `<Relationship Id="${relId(id)}" Type="${IMAGE_REL}" Target="${mediaName(kind, id, img.ext)}"/>`).join('');
  if (!relsXml) return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="${RELS_NS}">${rels}</Relationships>`;
  const doc = parseXml(relsXml);
  const root = findAll(doc, 'Relationships')[0];
  if (!root) return relsXml;
  for (const node of parseXml(`<x>${rels}</x>`).children.flatMap((x) => (x.type === 'tag' ? (x as Element).children : []))) {
    node.parent = root;
    root.children.push(node);
  }
  return serializeXml(doc);
}

function mergePart(xml: string, part: FurniturePart, rootName: 'w:hdr' | 'w:ftr', namespaces: Record<string, string>): string {
  const doc = parseXml(xml);
  const root = findAll(doc, rootName)[0];
  if (!root) return xml;
  for (const [k, v] of Object.entries(namespaces)) if (k.startsWith('xmlns:') && root.attribs[k] === undefined) root.attribs[k] = v;
  const copies = remapped(part.content, part.images);
  for (const c of copies) c.parent = root;
  root.children = [...copies, ...root.children];
  return serializeXml(doc);
}

function mergeKind(out: ZipEntries, part: FurniturePart | undefined, kind: 'header' | 'footer'): void {
  if (!part) return;
  const rootName = kind === 'header' ? 'w:hdr' : 'w:ftr';
  const namespaces = (part.content[0]?.parent as Element | null)?.attribs ?? {};
  for (const [name, data] of [...out]) {
    const m = new RegExp(`^word/(${kind}\\d+\\.xml)$`).exec(name);
    if (!m) continue;
    out.set(name, enc.encode(mergePart(dec.decode(data), part, rootName, namespaces)));
    const relsName = `word/_rels/${m[1]}.rels`;
    const rels = out.get(relsName);
    out.set(relsName, enc.encode(withRelationships(rels && dec.decode(rels), kind, part.images)));
  }
  for (const [id, img] of part.images) out.set(`word/${mediaName(kind, id, img.ext)}`, img.data);
}

export function withReferenceFurniture(entries: ZipEntries, ref: ReferenceDocx): ZipEntries {
  const out: ZipEntries = new Map(entries);
  mergeKind(out, ref.header, 'header');
  mergeKind(out, ref.footer, 'footer');
  return out;
}

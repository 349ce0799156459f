/**
 * OOXML parts as DOM trees (htmlparser2 in XML mode), for the parts we edit after the docx
 * library wrote them and for reading an institution's reference DOCX. Entities stay as
 * written on both sides, so text passes through untouched; values we write are escaped.
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import type { ChildNode, Document, Element } from 'domhandler';

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

export type { Element };

export function parseXml(xml: string): Document {
  return parseDocument(xml, { xmlMode: true, decodeEntities: false });
}

/** The part again, with the standard declaration (the serializer mangles processing instructions). */
export function serializeXml(doc: Document): string {
  const nodes = doc.children.filter((n) => n.type !== 'directive');
  return XML_DECLARATION + DomUtils.getOuterHTML(nodes, { xmlMode: true, encodeEntities: false });
}

export const isElement = (n: ChildNode): n is Element => n.type === 'tag';

/** Child elements named `name` (qualified, e.g. 'w:style'). */
export function childElements(parent: { children: ChildNode[] }, name?: string): Element[] {
  return parent.children.filter(isElement).filter((e) => name === undefined || e.name === name);
}

export function firstChild(parent: { children: ChildNode[] }, name: string): Element | undefined {
  return childElements(parent, name)[0];
}

/** Every element named `name` below `root`, in document order. */
export function findAll(root: Document | Element, name: string): Element[] {
  return DomUtils.findAll((e) => e.name === name, root.children);
}

/** An attribute's value with its XML entities resolved (values are written escaped). */
export function attr(e: Element | undefined, name: string): string | undefined {
  const raw = e?.attribs[name];
  return raw === undefined ? undefined : DomUtils.textContent(parseDocument(raw, { xmlMode: true }));
}

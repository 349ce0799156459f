/**
 * word/styles.xml after the docx library wrote it. The library always adds Word's built-in
 * Title, Heading 1–6, Strong, List Paragraph and Caption as quick styles; the document uses
 * none of them (its headings are the 鉴定-* styles), and Word would show them, in blue, in
 * the style gallery. They are left out; the 鉴定-* styles an institution's reference DOCX
 * defines replace ours (referenceDocx.ts).
 */
import { DomUtils } from 'htmlparser2';
import { attr, childElements, findAll, firstChild, parseXml, serializeXml, type Element } from './xmlDom.js';

/** Styles we write ourselves and always keep. */
const OWN_STYLE = /^(Jd|Normal$)/;

const styleIdOf = (e: Element): string => attr(e, 'w:styleId') ?? '';
const styleNameOf = (e: Element): string | undefined => attr(firstChild(e, 'w:name'), 'w:val');

/** Style ids the document, header and footer parts apply (w:pStyle, w:rStyle, w:tblStyle). */
export function referencedStyleIds(partsXml: readonly string[]): Set<string> {
  const ids = new Set<string>();
  for (const xml of partsXml) {
    const doc = parseXml(xml);
    for (const name of ['w:pStyle', 'w:rStyle', 'w:tblStyle']) for (const e of findAll(doc, name)) ids.add(attr(e, 'w:val') ?? '');
  }
  return ids;
}

/** A built-in quick style nothing refers to: the gallery would show it. */
function unusedQuickStyle(e: Element, used: ReadonlySet<string>): boolean {
  const id = styleIdOf(e);
  return !OWN_STYLE.test(id) && firstChild(e, 'w:qFormat') !== undefined && !used.has(id);
}

/** A reference style that stands for one of ours: the same id, or the same name. */
export type StyleReplacements = ReadonlyMap<string, Element>;

function replaceOwn(e: Element, replacements: StyleReplacements | undefined): void {
  const found = replacements?.get(styleIdOf(e)) ?? replacements?.get(`name:${styleNameOf(e) ?? ''}`);
  if (!found) return;
  const copy = found.cloneNode(true);
  // Our paragraphs name our id: the institution's style takes it whatever its own id was.
  copy.attribs['w:styleId'] = e.attribs['w:styleId'] ?? '';
  DomUtils.replaceElement(e, copy);
}

export function finishStyles(stylesXml: string, used: ReadonlySet<string>, replacements?: StyleReplacements): string {
  const doc = parseXml(stylesXml);
  const root = findAll(doc, 'w:styles')[0];
  if (!root) return stylesXml;
  for (const style of childElements(root, 'w:style')) {
    if (unusedQuickStyle(style, used)) DomUtils.removeElement(style);
    else if (OWN_STYLE.test(styleIdOf(style)) && styleIdOf(style) !== 'Normal') replaceOwn(style, replacements);
  }
  return serializeXml(doc);
}

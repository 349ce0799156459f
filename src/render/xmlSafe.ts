/**
 * XML 1.0 safety. The docx library escapes & < > " but passes through characters that
 * XML 1.0 forbids outright (C0 controls, U+FFFE/U+FFFF, lone surrogates); one of those
 * makes the whole part unreadable. We replace each with U+FFFD so the damage is visible
 * in the document rather than silent.
 */

export const REPLACEMENT_CHAR = '\uFFFD';

/**
 * Forbidden in XML 1.0: C0 controls except tab, LF and CR; U+FFFE and U+FFFF; surrogate
 * halves that are not part of a pair. (Tab/LF/CR are legal XML; inlines.ts turns them
 * into w:tab / w:br before they reach a w:t.)
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text that is safe to put into any XML text node or attribute (after escaping). */
export function xmlSafeText(text: string): string {
  return text.replace(FORBIDDEN, REPLACEMENT_CHAR);
}

/** Escapes text for XML we write ourselves (core.xml, fontTable.xml, the PDF's XMP). */
export function escapeXml(text: string): string {
  return xmlSafeText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** The text of what escapeXml wrote (jianding's own properties, read back by verify). */
export function unescapeXml(text: string): string {
  return text.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&');
}

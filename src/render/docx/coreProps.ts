/**
 * docProps/core.xml from the tree's meta. The docx library writes the current time into
 * created/modified; a document must carry its own date (the report date), never the
 * clock, so the part is rewritten whole.
 */
import type { DocumentMeta } from '../../document/tree.js';
import { escapeXml } from '../xmlSafe.js';

/** meta.created at midnight UTC, or undefined when it does not start with a date. */
export function metaTimestamp(created: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(created);
  return m ? `${m[1]}-${m[2]}-${m[3]}T00:00:00Z` : undefined;
}

const element = (name: string, value: string): string => `<${name}>${escapeXml(value)}</${name}>`;
const dated = (name: string, ts: string): string => `<${name} xsi:type="dcterms:W3CDTF">${ts}</${name}>`;

export function coreXml(meta: DocumentMeta): string {
  const ts = metaTimestamp(meta.created);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    element('dc:title', meta.title) +
    element('dc:subject', meta.subject) +
    element('dc:creator', meta.author) +
    element('cp:keywords', meta.keywords.join('; ')) +
    element('cp:lastModifiedBy', meta.author) +
    element('cp:revision', '1') +
    (ts ? dated('dcterms:created', ts) + dated('dcterms:modified', ts) : '') +
    '</cp:coreProperties>'
  );
}

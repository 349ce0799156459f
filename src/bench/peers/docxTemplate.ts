/**
 * The bench's DOCX peer: docxtemplater fills a one-paragraph template with the document's
 * paragraphs (table rows as tab-separated lines), in the body face and size — the same text
 * jianding writes, through the template engine most DOCX generators use.
 */
import type { DocumentTree, Inline } from '../../document/tree.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** The template's parts: a loop over paragraphs of one run each. */
export function templateParts(): Record<string, string> {
  return {
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>`
      + '<w:p><w:r><w:t>{#paras}</w:t></w:r></w:p>'
      + '<w:p><w:pPr><w:jc w:val="both"/><w:ind w:firstLineChars="200"/></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
      + '<w:p><w:r><w:t>{/paras}</w:t></w:r></w:p>'
      + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>',
  };
}

const textOf = (list: Inline[]) => list.map((i) => (i.kind === 'text' ? i.text : '\n')).join('');

/** The data the template is filled with: every paragraph's text, every table row's cells. */
export function templateData(tree: DocumentTree): { paras: { text: string }[] } {
  const paras: { text: string }[] = [];
  for (const section of tree.sections) {
    for (const b of section.blocks) {
      if (b.kind === 'paragraph') paras.push({ text: textOf(b.inlines) });
      else if (b.kind === 'table') for (const r of [...b.header, ...b.rows]) paras.push({ text: r.cells.map((c) => textOf(c.inlines)).join('\t') });
      else if (b.kind === 'signature') paras.push(...b.lines.map((l) => ({ text: `${l.role}：${l.name}` })), { text: b.institution }, { text: b.date });
    }
  }
  return { paras };
}

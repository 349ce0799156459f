/**
 * Fonts: the w:rFonts of the styles (and of runs in another role) and the font table. East Asian and Latin faces are
 * set separately (Chinese text in 仿宋, digits and Latin in Times New Roman), with
 * w:hint="eastAsia" so ambiguous characters (quotes, dashes, ……) take the CJK face.
 */
import type { IFontAttributesProperties } from 'docx';
import type { DocxFontSpec } from '../../document/styles.js';
import type { FontRole } from '../../document/tree.js';
import { escapeXml } from '../xmlSafe.js';

export type DocxFaces = { eastAsia: string; latin: string };

export function facesFonts(f: DocxFaces): IFontAttributesProperties {
  return { ascii: f.latin, hAnsi: f.latin, eastAsia: f.eastAsia, cs: f.latin, hint: 'eastAsia' };
}


const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** GB2312 character set id used by Word for Simplified Chinese faces. */
const CHARSET_GB2312 = '86';

interface FontEntry {
  name: string;
  altName?: string;
  cjk: boolean;
  /** Word substitutes a missing face by charset, family and pitch: keep serif faces serif. */
  family: 'roman' | 'swiss';
}

const familyOf = (role: FontRole): FontEntry['family'] => (role === 'hei' ? 'swiss' : 'roman');

/**
 * Every face the runs name, each East Asian face with its first fallback as w:altName
 * (the one alternative name Word and WPS read), then each remaining fallback as an entry
 * of its own so that they are listed in the document. The docx library only writes a
 * font table for embedded fonts, so index.ts replaces word/fontTable.xml with this.
 */
function fontEntries(fonts: Record<FontRole, DocxFontSpec>): FontEntry[] {
  const entries = new Map<string, FontEntry>();
  const add = (e: FontEntry): void => {
    if (!entries.has(e.name)) entries.set(e.name, e);
  };
  const roles = Object.keys(fonts).sort() as FontRole[];
  for (const role of roles) {
    const f = fonts[role];
    add({ name: f.eastAsia, altName: f.fallbacks[0], cjk: true, family: familyOf(role) });
    add({ name: f.latin, cjk: false, family: familyOf(role) });
  }
  for (const role of roles) for (const name of fonts[role].fallbacks) add({ name, cjk: true, family: familyOf(role) });
  return [...entries.values()];
}

function fontXml(e: FontEntry): string {
  const alt = e.altName ? `<w:altName w:val="${escapeXml(e.altName)}"/>` : '';
  const charset = e.cjk ? `<w:charset w:val="${CHARSET_GB2312}"/>` : '<w:charset w:val="00"/>';
  return `<w:font w:name="${escapeXml(e.name)}">${alt}${charset}<w:family w:val="${e.family}"/><w:pitch w:val="variable"/></w:font>`;
}

export function fontTableXml(fonts: Record<FontRole, DocxFontSpec>): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    `<w:fonts xmlns:w="${W_NS}">${fontEntries(fonts).map(fontXml).join('')}</w:fonts>`
  );
}

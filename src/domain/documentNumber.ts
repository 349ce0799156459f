/**
 * Document numbers (编号): institution short name, full year in 〔〕 or [], discipline/type
 * abbreviation, serial number without leading zeros — 苏某司鉴〔2026〕临鉴字第12号 (formats.md).
 */
export interface DocumentNumberParts { prefix: string; year: number; abbreviation: string; serial: number }

const PATTERN = /^(?<prefix>[\p{Script=Han}A-Za-z]+)(?:〔(?<y1>\d{4})〕|\[(?<y2>\d{4})\]|［(?<y3>\d{4})］)(?<abbr>[\p{Script=Han}]*?)第?(?<serial>[1-9]\d*)号$/u;

export function parseDocumentNumber(text: string): DocumentNumberParts | undefined {
  const m = PATTERN.exec(text.trim());
  if (!m?.groups) return undefined;
  const g = m.groups;
  return { prefix: g.prefix!, year: Number(g.y1 ?? g.y2 ?? g.y3), abbreviation: g.abbr ?? '', serial: Number(g.serial) };
}

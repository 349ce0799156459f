/**
 * Document numbers (编号): institution short name, full year in 〔〕, discipline/type abbreviation,
 * serial number without leading zeros — 苏某司鉴〔2026〕临鉴字第12号 (formats.md). The year in square
 * brackets ([2026] of the 2007 model, ［2026］, 【2026】) is still read; GB/T 9704—2012 §7.2.4 asks for 〔〕.
 */
export interface DocumentNumberParts { prefix: string; year: number; abbreviation: string; serial: number }

const PATTERN = /^(?<prefix>[\p{Script=Han}A-Za-z]+)(?:〔(?<y1>\d{4})〕|[\[［【](?<y2>\d{4})[\]］】])(?<abbr>[\p{Script=Han}]*?)第?(?<serial>[1-9]\d*)号$/u;

export function parseDocumentNumber(text: string): DocumentNumberParts | undefined {
  const m = PATTERN.exec(text.trim());
  if (!m?.groups) return undefined;
  const g = m.groups;
  return { prefix: g.prefix!, year: Number(g.y1 ?? g.y2), abbreviation: g.abbr ?? '', serial: Number(g.serial) };
}

/** The brackets around the year when they are not the 六角括号 〔〕 (「[2026]」「【2026】」), else undefined. */
export function wrongYearBrackets(text: string): string | undefined {
  return /[\[［【]\d{4}[\]］】]/u.exec(text)?.[0];
}

/** Text helpers shared by the detectors: full-width folding, Han tests, masking. */

/**
 * Full-width ASCII (０-９, Ａ-Ｚ, －, ：) and the ideographic space folded to their ASCII
 * forms, one UTF-16 unit for one: a match in the folded text has the same offsets in the
 * original, so what is replaced is what the user wrote.
 */
export function fold(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

export const isHan = (ch: string | undefined): boolean => ch !== undefined && /\p{Script=Han}/u.test(ch);

/** A value already anonymised by hand: 某某, 3201XXXX…, 025-8XXX6688, ****. */
export function isMasked(s: string): boolean {
  return s.includes('某') || (s.match(/[Xx×*＊]/g)?.length ?? 0) >= 3;
}

/** The first character shown, the rest as ＊: the report tells what was found without repeating it. */
export function mask(s: string): string {
  const chars = [...s];
  return chars[0] + '＊'.repeat(Math.min(chars.length - 1, 12));
}

/** Text around a span, on one line, for messages. */
export function contextOf(s: string, start: number, end: number, width = 14): string {
  const before = s.slice(Math.max(0, start - width), start);
  const after = s.slice(end, end + width);
  return `${start > width ? '…' : ''}${before}【${s.slice(start, end)}】${after}${end + width < s.length ? '…' : ''}`.replace(/\s+/g, ' ');
}

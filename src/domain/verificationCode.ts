/**
 * The 查询校验码: 16 characters in four groups of four (15 from the document's fingerprint,
 * one check character), in Crockford's base-32 alphabet — no I, L, O or U, so a reader
 * copying it from paper cannot confuse 1/I/L or 0/O. The check character is Luhn mod 32
 * (the Luhn mod N algorithm over the same alphabet): it catches every single mistyped
 * character and most swaps of neighbours before the register is asked.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const N = ALPHABET.length;
const DATA_CHARS = 15;

function checkCharacter(data: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = data.length - 1; i >= 0; i--) {
    let addend = factor * ALPHABET.indexOf(data[i] as string);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / N) + (addend % N);
    sum += addend;
  }
  return ALPHABET[(N - (sum % N)) % N] as string;
}

const grouped = (chars: string): string => chars.match(/.{1,4}/g)!.join('-');

/** The code of a fingerprint (hex SHA-256): its first 75 bits, then the check character. */
export function verificationCode(fingerprintHex: string): string {
  let bits = '';
  for (const hex of fingerprintHex.slice(0, 19)) bits += parseInt(hex, 16).toString(2).padStart(4, '0');
  let data = '';
  for (let i = 0; i < DATA_CHARS; i++) data += ALPHABET[parseInt(bits.slice(i * 5, i * 5 + 5), 2)];
  return grouped(data + checkCharacter(data));
}

/** What a reader typed → the canonical code: case, spaces and dashes ignored, O→0, I/L→1. */
export function normaliseCode(typed: string): string {
  const chars = typed.toUpperCase().replace(/[\s\-－—_]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return chars.length === DATA_CHARS + 1 ? grouped(chars) : chars;
}

/** Whether a (normalised) code is well formed and its check character matches. */
export function isValidCode(code: string): boolean {
  const chars = code.replace(/-/g, '');
  if (chars.length !== DATA_CHARS + 1 || [...chars].some((c) => !ALPHABET.includes(c))) return false;
  return checkCharacter(chars.slice(0, DATA_CHARS)) === chars[DATA_CHARS];
}

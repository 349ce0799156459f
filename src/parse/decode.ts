/**
 * Bytes → text. Case files must be UTF-8 (a BOM is allowed). Anything else — GBK from a
 * Chinese Windows editor is the common case — is refused with a message saying so,
 * never decoded into mojibake.
 */
export type DecodeResult = { ok: true; text: string } | { ok: false; reason: 'utf16' | 'gbk' | 'binary'; line: number };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that breaks UTF-8 (the decoder reports none, so we scan). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += len;
  }
  return -1;
}

export function decodeCaseBytes(bytes: Uint8Array): DecodeResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, reason: 'utf16', line: 1 };
  }
  const start = UTF8_BOM.every((b, i) => bytes[i] === b) ? 3 : 0;
  const body = bytes.subarray(start);
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    if (text.includes('\u0000')) return { ok: false, reason: 'binary', line: 1 };
    return { ok: true, text };
  } catch {
    const at = firstInvalidUtf8(body);
    let reason: 'gbk' | 'binary' = 'binary';
    try {
      new TextDecoder('gb18030', { fatal: true }).decode(body);
      reason = 'gbk';
    } catch {
      /* neither UTF-8 nor GB18030 */
    }
    return { ok: false, reason, line: lineOfOffset(body, Math.max(at, 0)) };
  }
}

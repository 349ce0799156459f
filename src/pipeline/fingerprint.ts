/**
 * A document's fingerprint: everything its bytes follow from — the case file, the templates,
 * the fonts, the tool version, and whether it is a draft, a final or a training sample. Same
 * fingerprint, same bytes (output is byte-identical); the 查询校验码 is derived from it, so
 * the code on the paper names exactly one generated document.
 */
import { createHash } from 'node:crypto';
import { verificationCode } from '../domain/verificationCode.js';

export interface FingerprintInputs {
  caseSha256: string;
  /** SHA-256 of each template file used, by name. */
  templates: Record<string, string>;
  /** SHA-256 over the font files the layout used (see render/pdf/fonts.ts fontSetSha256). */
  fontsSha256: string;
  /** e.g. 「jianding 0.1.0」 */
  tool: string;
  status: 'draft' | 'final';
  sample: boolean;
  /** Institution defaults merged into the case (config `institution`), when any. */
  defaults?: unknown;
  /** The institution's style sheet (config `style`), when any. */
  style?: unknown;
  /** SHA-256 of the institution's reference DOCX (config `referenceDocx`), when one shapes the output. */
  referenceDocxSha256?: string;
}

export interface Fingerprint {
  inputs: FingerprintInputs;
  sha256: string;
  code: string;
}

/** Keys sorted at every level, so the same inputs always hash alike. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function fingerprintOf(inputs: FingerprintInputs): Fingerprint {
  const sha256 = createHash('sha256').update(canonical(inputs)).digest('hex');
  return { inputs, sha256, code: verificationCode(sha256) };
}

/** The address the QR code holds: the institution's verification page with the code as `code`. */
export function verificationUrl(base: string | null | undefined, code: string): string | null {
  if (!base) return null;
  try {
    const url = new URL(base);
    url.searchParams.set('code', code);
    return url.toString();
  } catch {
    return null;
  }
}

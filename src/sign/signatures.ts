/**
 * Checking the digital signatures in a PDF, the way a validator does: each signature's
 * byte range must cover the whole file except its own /Contents, its CMS must verify over
 * exactly those bytes (pkijs checks the message digest and the signature value), and
 * anything appended after the last signature is a change nobody signed.
 */
import { asn1js, pkijs, subjectName } from './credentials.js';
import './pades.js';
import type { PDFDocument as Doc } from 'pdf-lib';
import { PDFArray, PDFHexString, PDFName, PDFNumber, PDFString } from '../render/pdf/pdfLib.js';
import { signatureFields } from './pdfRead.js';
import { readTimestamp } from './timestamp.js';

export interface SignatureCheck {
  field: string;
  place: string;
  signer: string;
  /** The claimed signing time (/M) as written. */
  time: string;
  /** The bytes the signature covers end here (the revision it signed). */
  revisionEnd: number;
  valid: boolean;
  /** Why not valid, in Chinese. */
  problem?: string;
  subFilter: string;
  /** The RFC 3161 timestamp's time (PAdES B-T); absent for B-B. */
  timestamp?: Date;
}

const text = (v: unknown): string => (v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : '');

function byteRange(v: unknown): number[] | undefined {
  if (!(v instanceof PDFArray) || v.size() !== 4) return undefined;
  const nums = v.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN));
  return nums.every((n) => Number.isInteger(n) && n >= 0) ? nums : undefined;
}

/** The CMS as the file stores it: the hex string between the byte range's two parts. */
function contentsAt(bytes: Uint8Array, range: number[]): Uint8Array | undefined {
  const [, b, c] = range as [number, number, number, number];
  const hex = new TextDecoder('latin1').decode(bytes.subarray(b, c));
  const m = /^<([0-9A-Fa-f]*)>$/.exec(hex);
  return m ? Uint8Array.from(Buffer.from(m[1] as string, 'hex')) : undefined;
}

interface CmsCheck {
  ok: boolean;
  signer: string;
  problem?: string;
  timestamp?: Date;
}

async function verifyCms(cms: Uint8Array, signed: Uint8Array): Promise<CmsCheck> {
  try {
    const parsed = asn1js.fromBER(cms.buffer.slice(cms.byteOffset, cms.byteOffset + cms.byteLength) as ArrayBuffer);
    const info = new pkijs.ContentInfo({ schema: parsed.result });
    const sd = new pkijs.SignedData({ schema: info.content });
    const data = signed.buffer.slice(signed.byteOffset, signed.byteOffset + signed.byteLength) as ArrayBuffer;
    const result = await sd.verify({ signer: 0, data, checkChain: false, extendedMode: true });
    const signer = result.signerCertificate ? subjectName(result.signerCertificate) : '';
    if (!result.signatureVerified) return { ok: false, signer, problem: '签名值与签署的内容不符（文件在签名后被改动）' };
    const ts = sd.signerInfos[0] && readTimestamp(sd.signerInfos[0]);
    if (ts && !ts.matches) return { ok: false, signer, problem: '签名所附的时间戳不是对这个签名的' };
    return { ok: true, signer, ...(ts ? { timestamp: ts.time } : {}) };
  } catch (e) {
    const message = (e as { message?: string }).message ?? String(e);
    return { ok: false, signer: '', problem: /digest/i.test(message) ? '签名所覆盖的内容在签名后被改动（摘要不符）' : `签名数据无法验证：${message}` };
  }
}

export async function checkSignatures(doc: Doc, bytes: Uint8Array): Promise<SignatureCheck[]> {
  const out: SignatureCheck[] = [];
  for (const f of signatureFields(doc)) {
    if (!f.value) continue;
    const range = byteRange(f.value.get(PDFName.of('ByteRange')));
    const base = { field: f.name, place: f.tooltip, time: text(f.value.get(PDFName.of('M'))), subFilter: String(f.value.get(PDFName.of('SubFilter')) ?? '').replace(/^\//, '') };
    const cms = range && contentsAt(bytes, range);
    const [a, b, c, d] = range ?? [];
    if (!range || !cms || a !== 0 || (c as number) + (d as number) > bytes.length) {
      out.push({ ...base, signer: text(f.value.get(PDFName.of('Name'))), revisionEnd: 0, valid: false, problem: '签名的字节范围无效' });
      continue;
    }
    const signed = new Uint8Array((b as number) + (d as number));
    signed.set(bytes.subarray(0, b), 0);
    signed.set(bytes.subarray(c, (c as number) + (d as number)), b as number);
    const v = await verifyCms(cms, signed);
    out.push({
      ...base, signer: v.signer || text(f.value.get(PDFName.of('Name'))), revisionEnd: (c as number) + (d as number), valid: v.ok,
      ...(v.problem ? { problem: v.problem } : {}), ...(v.timestamp ? { timestamp: v.timestamp } : {}),
    });
  }
  return out.sort((x, y) => x.revisionEnd - y.revisionEnd);
}

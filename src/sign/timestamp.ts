/**
 * PAdES B-T: an RFC 3161 timestamp over the signature value, from the timestamp authority
 * (TSA) the institution configures, added to the CMS as the unsigned attribute
 * signature-time-stamp-token. It proves the signature existed at that time, whatever the
 * signer's clock said. pkijs builds the request and reads the answer.
 */
import { createHash, randomBytes } from 'node:crypto';
import { asn1js, pkijs } from './credentials.js';

export const SIGNATURE_TIMESTAMP_OID = '1.2.840.113549.1.9.16.2.14';
const TST_INFO_OID = '1.2.840.113549.1.9.16.1.4';
const SHA256_OID = '2.16.840.1.101.3.4.2.1';

export class TimestampError extends Error {}

const sha256 = (b: ArrayBuffer | Uint8Array): ArrayBuffer => {
  const d = createHash('sha256').update(new Uint8Array(b)).digest();
  return d.buffer.slice(d.byteOffset, d.byteOffset + d.byteLength) as ArrayBuffer;
};

function request(signatureValue: ArrayBuffer): ArrayBuffer {
  const imprint = new pkijs.MessageImprint({
    hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256_OID }),
    hashedMessage: new asn1js.OctetString({ valueHex: sha256(signatureValue) }),
  });
  const nonce = new asn1js.Integer({ valueHex: Uint8Array.from([0x01, ...randomBytes(8)]).buffer });
  return new pkijs.TimeStampReq({ version: 1, messageImprint: imprint, certReq: true, nonce }).toSchema().toBER(false);
}

/** Asks the TSA for a timestamp token over the signature value. */
export async function fetchTimestamp(tsaUrl: string, signatureValue: ArrayBuffer): Promise<pkijs.ContentInfo> {
  let body: ArrayBuffer;
  try {
    const res = await fetch(tsaUrl, { method: 'POST', headers: { 'Content-Type': 'application/timestamp-query' }, body: request(signatureValue), signal: AbortSignal.timeout(30_000) });
    if (!res.ok) throw new TimestampError(`时间戳服务器 ${tsaUrl} 返回 HTTP ${res.status}`);
    body = await res.arrayBuffer();
  } catch (e) {
    if (e instanceof TimestampError) throw e;
    throw new TimestampError(`无法连接时间戳服务器 ${tsaUrl}：${(e as Error).message}；未签名`);
  }
  const resp = pkijs.TimeStampResp.fromBER(body);
  if (resp.status.status > 1 || !resp.timeStampToken) throw new TimestampError(`时间戳服务器 ${tsaUrl} 拒绝了请求（状态 ${resp.status.status}）；未签名`);
  const info = tstInfoOf(resp.timeStampToken);
  if (!info || Buffer.compare(Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView), Buffer.from(sha256(signatureValue))) !== 0) {
    throw new TimestampError(`时间戳服务器 ${tsaUrl} 返回的时间戳不是对本签名的；未签名`);
  }
  return resp.timeStampToken;
}

/** The TSTInfo inside a timestamp token, or undefined when it is not one. */
export function tstInfoOf(token: pkijs.ContentInfo): pkijs.TSTInfo | undefined {
  try {
    const sd = new pkijs.SignedData({ schema: token.content });
    if (sd.encapContentInfo.eContentType !== TST_INFO_OID || !sd.encapContentInfo.eContent) return undefined;
    return pkijs.TSTInfo.fromBER(sd.encapContentInfo.eContent.getValue());
  } catch {
    return undefined;
  }
}

/** What a signature's timestamp says: its time, and whether it is over this signature value. */
export function readTimestamp(signerInfo: pkijs.SignerInfo): { time: Date; matches: boolean } | undefined {
  const attr = signerInfo.unsignedAttrs?.attributes.find((a) => a.type === SIGNATURE_TIMESTAMP_OID);
  if (!attr) return undefined;
  const info = tstInfoOf(new pkijs.ContentInfo({ schema: attr.values[0] }));
  if (!info) return { time: new Date(NaN), matches: false };
  const expected = sha256(signerInfo.signature.valueBlock.valueHexView);
  return { time: info.genTime, matches: Buffer.compare(Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView), Buffer.from(expected)) === 0 };
}

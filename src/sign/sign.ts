/**
 * `jianding sign`: one more PAdES signature in one of the 落款's reserved places. Bytes in,
 * bytes out; the CLI reads and writes the files and records the signature in the register.
 */
import { SignPdf } from '@signpdf/signpdf';
import { loadCredentials, subjectName } from './credentials.js';
import { addPlaceholder } from './incremental.js';
import { PadesSigner } from './pades.js';
import { loadPdf, readProofProperties, signatureFields, type SignatureField } from './pdfRead.js';

export class SignError extends Error {}

export interface SignRequest {
  p12: Uint8Array;
  passphrase: string;
  /** Sign the place of this signer (a name printed in the 落款), or `seal` for the institution. */
  signer?: string;
  seal?: boolean;
  reason?: string;
  location?: string;
  /** A PNG drawn in the place (a handwritten signature or the seal). */
  image?: Uint8Array;
  time?: Date;
  /** RFC 3161 timestamp authority: the signature becomes PAdES B-T. */
  tsaUrl?: string;
}

export interface SignResult {
  bytes: Uint8Array;
  field: string;
  place: string;
  signer: string;
  /** PAdES baseline level: B-T with a timestamp, B-B without. */
  level: 'B-B' | 'B-T';
}

function chooseField(fields: SignatureField[], r: SignRequest): SignatureField {
  if (fields.length === 0) throw new SignError('此 PDF 没有预留的签名位置：只有 jianding 生成的正式文书在落款处留有签名与印章位置');
  const seal = fields.find((f) => f.name === 'seal');
  if (seal?.signed) throw new SignError('机构印章已经签署：印章是最后一个签名，之后不能再添加签名（如需改动，请生成更正版本）');
  let field: SignatureField | undefined;
  if (r.seal) field = seal;
  else if (r.signer) field = fields.find((f) => f.name !== 'seal' && f.tooltip.endsWith(`：${r.signer}`));
  else field = fields.find((f) => f.name !== 'seal' && !f.signed) ?? seal;
  if (!field) {
    const names = fields.filter((f) => f.name !== 'seal').map((f) => f.tooltip).join('、');
    throw new SignError(r.seal ? '此 PDF 没有印章位置' : `落款中没有「${r.signer}」的签名位置；可签名的是：${names}`);
  }
  if (field.signed) throw new SignError(`「${field.tooltip}」的位置已经签名`);
  return field;
}

export async function signPdf(pdf: Uint8Array, r: SignRequest): Promise<SignResult> {
  const doc = await loadPdf(pdf);
  const props = readProofProperties(doc);
  if (props.status === 'draft') throw new SignError('这是征求意见稿：只对正式文书签名（先生成正式文书）');
  if (props.sample === 'true') throw new SignError('这是培训样本，不能签名');
  const field = chooseField(signatureFields(doc), r);
  const creds = await loadCredentials(r.p12, r.passphrase);
  const signer = subjectName(creds.certificate);
  const withPlaceholder = await addPlaceholder(pdf, doc, field, {
    signer, reason: r.reason ?? (field.name === 'seal' ? '鉴定机构盖章' : '鉴定人签名'), time: r.time ?? new Date(),
    appearance: r.image, ...(r.location ? { location: r.location } : {}),
  });
  const signed = await new SignPdf().sign(Buffer.from(withPlaceholder), new PadesSigner(creds, r.tsaUrl));
  return { bytes: new Uint8Array(signed), field: field.name, place: field.tooltip, signer, level: r.tsaUrl ? 'B-T' : 'B-B' };
}

/**
 * The CMS of a PAdES baseline B-B signature (ETSI EN 319 142-1): a detached SignedData over
 * the PDF's byte range, with the signed attributes content-type, message-digest and ESS
 * signing-certificate-v2, and no signing-time attribute (B-B puts the claimed time in the
 * signature dictionary's /M); with a timestamp authority, its token makes it B-T. pkijs
 * builds and signs it; @signpdf places it in the PDF.
 */
import { createHash, webcrypto } from 'node:crypto';
import { Signer } from '@signpdf/utils';
import { asn1js, pkijs, type Credentials } from './credentials.js';
import { fetchTimestamp, SIGNATURE_TIMESTAMP_OID } from './timestamp.js';

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
};

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as pkijs.CryptoEngineParameters['crypto'] }));

const arrayBuffer = (b: Uint8Array): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
const sha256 = (b: Uint8Array | ArrayBuffer): ArrayBuffer => arrayBuffer(createHash('sha256').update(new Uint8Array(b)).digest());

function attribute(type: string, value: asn1js.AsnType): pkijs.Attribute {
  return new pkijs.Attribute({ type, values: [value] });
}

/** SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }, hash algorithm SHA-256 (the default, so omitted). */
function signingCertificateV2(certificateDer: ArrayBuffer): asn1js.Sequence {
  const certId = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: sha256(certificateDer) })] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [certId] })] });
}

/** B-T: the TSA's token over the signature value, as an unsigned attribute. */
async function addTimestamp(signerInfo: pkijs.SignerInfo, tsaUrl: string): Promise<void> {
  const value = signerInfo.signature.valueBlock.valueHexView;
  const token = await fetchTimestamp(tsaUrl, value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength) as ArrayBuffer);
  signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 1, attributes: [attribute(SIGNATURE_TIMESTAMP_OID, token.toSchema())] });
}

/** `tsaUrl`: with a timestamp authority the signature is B-T, without it B-B. */
export async function padesSignature(content: Uint8Array, creds: Credentials, tsaUrl?: string): Promise<Uint8Array> {
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: creds.certificate.issuer, serialNumber: creds.certificate.serialNumber }),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({
      type: 0,
      attributes: [
        attribute(OID.contentType, new asn1js.ObjectIdentifier({ value: OID.data })),
        attribute(OID.messageDigest, new asn1js.OctetString({ valueHex: sha256(content) })),
        attribute(OID.signingCertificateV2, signingCertificateV2(creds.certificateDer)),
      ],
    }),
  });
  const signed = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    signerInfos: [signerInfo],
    certificates: creds.chain,
  });
  await signed.sign(creds.key as unknown as Parameters<pkijs.SignedData['sign']>[0], 0, 'SHA-256');
  if (tsaUrl) await addTimestamp(signerInfo, tsaUrl);
  const info = new pkijs.ContentInfo({ contentType: OID.signedData, content: signed.toSchema(true) });
  return new Uint8Array(info.toSchema().toBER(false));
}

/** @signpdf's signer interface over padesSignature. */
export class PadesSigner extends Signer {
  constructor(
    private readonly creds: Credentials,
    private readonly tsaUrl?: string,
  ) {
    super();
  }

  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return Buffer.from(await padesSignature(pdfBuffer, this.creds, this.tsaUrl));
  }
}

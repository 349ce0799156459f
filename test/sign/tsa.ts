/**
 * A timestamp authority for the tests (RFC 3161 over HTTP, as a CA's TSA answers): it reads
 * the request, puts the message imprint, a serial number and its clock into a TSTInfo and
 * signs it with a throwaway certificate. Never used outside the tests.
 */
import { createHash, webcrypto } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { loadCredentials } from '../../dist/sign/credentials.js';
import { TEST_PASSWORD, testP12 } from '../../dist/bench/testCredentials.js';

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto }));

const TST_INFO = '1.2.840.113549.1.9.16.1.4';
const ab = (b: Uint8Array): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

export interface TestTsa {
  url: string;
  requests: number;
  close(): Promise<void>;
}

async function token(req: pkijs.TimeStampReq, serial: number): Promise<pkijs.ContentInfo> {
  const creds = await loadCredentials(testP12('测试时间戳服务'), TEST_PASSWORD);
  const info = new pkijs.TSTInfo({
    version: 1, policy: '1.2.3.4.1', messageImprint: req.messageImprint,
    serialNumber: new asn1js.Integer({ value: serial }), genTime: new Date(), ...(req.nonce ? { nonce: req.nonce } : {}),
  });
  const content = new Uint8Array(info.toSchema().toBER(false));
  const signed = new pkijs.SignedData({
    version: 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: TST_INFO, eContent: new asn1js.OctetString({ valueHex: ab(content) }) }),
    signerInfos: [new pkijs.SignerInfo({
      version: 1,
      sid: new pkijs.IssuerAndSerialNumber({ issuer: creds.certificate.issuer, serialNumber: creds.certificate.serialNumber }),
      signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: [
        new pkijs.Attribute({ type: '1.2.840.113549.1.9.3', values: [new asn1js.ObjectIdentifier({ value: TST_INFO })] }),
        new pkijs.Attribute({ type: '1.2.840.113549.1.9.4', values: [new asn1js.OctetString({ valueHex: ab(createHash('sha256').update(content).digest()) })] }),
      ] }),
    })],
    certificates: creds.chain,
  });
  await signed.sign(creds.key as never, 0, 'SHA-256');
  return new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: signed.toSchema(true) });
}

export async function startTsa(): Promise<TestTsa> {
  const state = { requests: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      state.requests++;
      const request = pkijs.TimeStampReq.fromBER(ab(Buffer.concat(chunks)));
      token(request, state.requests).then((t) => {
        const resp = new pkijs.TimeStampResp({ status: new pkijs.PKIStatusInfo({ status: 0 }), timeStampToken: t });
        res.writeHead(200, { 'Content-Type': 'application/timestamp-reply' });
        res.end(Buffer.from(resp.toSchema().toBER(false)));
      }, () => res.writeHead(500).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    get requests() { return state.requests; },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

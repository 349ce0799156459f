/**
 * Throwaway signing credentials for tests and the signing benchmark — never a real person's
 * key: an RSA key from node:crypto, a self-signed certificate and a PKCS#12 file from node-forge.
 */
import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';

export const TEST_PASSWORD = 'test-only';

export function testP12(name: string, organisation = '江苏某某司法鉴定所（测试）'): Uint8Array {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = `1${forge.util.bytesToHex(forge.random.getBytesSync(8))}`;
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + 365 * 86_400_000);
  const subject = [
    { shortName: 'CN', value: name, valueTagClass: forge.asn1.Type.UTF8 },
    { shortName: 'O', value: organisation, valueTagClass: forge.asn1.Type.UTF8 },
  ] as unknown as forge.pki.CertificateField[];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([{ name: 'keyUsage', digitalSignature: true, nonRepudiation: true }]);
  cert.sign(key, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], TEST_PASSWORD, { algorithm: '3des' });
  return new Uint8Array(Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'));
}

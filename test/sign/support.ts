/**
 * Test credentials made in the test itself (never a real person's key): an RSA key from
 * node:crypto, a certificate and a PKCS#12 file from node-forge, and a transparent seal PNG.
 */
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';
import { PNG } from 'pngjs';

export const PASSWORD = 'test-only';

/** A self-signed certificate for `name` in a .p12 protected by PASSWORD, written into `dir`. */
export function makeP12(dir: string, name: string, organisation = '江苏某某司法鉴定所（测试）'): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = forge.util.bytesToHex(forge.random.getBytesSync(8)).replace(/^[89a-f]/, '1');
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + 365 * 86_400_000);
  const subject = [{ shortName: 'CN', value: name, valueTagClass: forge.asn1.Type.UTF8 }, { shortName: 'O', value: organisation, valueTagClass: forge.asn1.Type.UTF8 }];
  cert.setSubject(subject as forge.pki.CertificateField[]);
  cert.setIssuer(subject as forge.pki.CertificateField[]);
  cert.setExtensions([{ name: 'keyUsage', digitalSignature: true, nonRepudiation: true }]);
  cert.sign(key, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], PASSWORD, { algorithm: '3des' });
  const file = path.join(dir, `${name}.p12`);
  fs.writeFileSync(file, Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'));
  return file;
}

/** A red ring on a transparent background, like a scanned seal. */
export function sealPng(dir: string, size = 240): string {
  const png = new PNG({ width: size, height: size });
  const c = size / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const r = Math.hypot(x - c, y - c);
      const ink = (r < c - 2 && r > c - 14) || (Math.abs(x - c) < 18 && Math.abs(y - c) < 18);
      const i = (y * size + x) * 4;
      png.data[i] = 220; png.data[i + 1] = 30; png.data[i + 2] = 30; png.data[i + 3] = ink ? 230 : 0;
    }
  }
  const file = path.join(dir, 'seal.png');
  fs.writeFileSync(file, PNG.sync.write(png));
  return file;
}

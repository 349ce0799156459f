/**
 * A signer's credentials from a PKCS#12 file (.p12/.pfx, what CAs issue and `openssl pkcs12`
 * writes): node-forge opens the container, pkijs and WebCrypto take the key and chain.
 */
import { webcrypto, type webcrypto as WebCrypto } from 'node:crypto';
import forge from 'node-forge';
import * as pkijs from 'pkijs';
import * as asn1js from 'asn1js';

export interface Credentials {
  key: WebCrypto.CryptoKey;
  certificate: pkijs.Certificate;
  chain: pkijs.Certificate[];
  /** DER of the signer's certificate (for ESS signing-certificate-v2). */
  certificateDer: ArrayBuffer;
}

export class CredentialsError extends Error {}

const toArrayBuffer = (binary: string): ArrayBuffer => {
  const bytes = forge.util.binary.raw.decode(binary);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
};

function certificateOf(c: forge.pki.Certificate): { der: ArrayBuffer; cert: pkijs.Certificate } {
  const der = toArrayBuffer(forge.asn1.toDer(forge.pki.certificateToAsn1(c)).getBytes());
  return { der, cert: pkijs.Certificate.fromBER(der) };
}

function openP12(bytes: Uint8Array, passphrase: string): forge.pkcs12.Pkcs12Pfx {
  try {
    const asn1 = forge.asn1.fromDer(forge.util.binary.raw.encode(bytes));
    return forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
  } catch (e) {
    const msg = (e as Error).message ?? '';
    throw new CredentialsError(/mac|password|invalid/i.test(msg) ? '证书文件的密码不对，或文件已损坏' : `无法读取证书文件（应为 PKCS#12 .p12/.pfx）：${msg}`);
  }
}

export async function loadCredentials(bytes: Uint8Array, passphrase: string): Promise<Credentials> {
  const p12 = openP12(bytes, passphrase);
  const bags = (type: string): forge.pkcs12.Bag[] => p12.getBags({ bagType: type })[type] ?? [];
  const keyBag = bags(forge.pki.oids.pkcs8ShroudedKeyBag as string)[0] ?? bags(forge.pki.oids.keyBag as string)[0];
  const certBags = bags(forge.pki.oids.certBag as string);
  if (!keyBag?.key) throw new CredentialsError('证书文件中没有私钥');
  const key = keyBag.key as forge.pki.rsa.PrivateKey;
  const certs = certBags.flatMap((b) => { const c = (b as { cert?: forge.pki.Certificate }).cert; return c ? [c] : []; });
  // The signer's certificate is the one whose public key matches the private key.
  const own = certs.find((c) => (c.publicKey as forge.pki.rsa.PublicKey).n?.equals(key.n));
  if (!own) throw new CredentialsError('证书文件中没有与私钥对应的证书');
  const pkcs8 = toArrayBuffer(forge.asn1.toDer(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(key))).getBytes());
  const cryptoKey = await webcrypto.subtle.importKey('pkcs8', pkcs8, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
  const signer = certificateOf(own);
  const chain = [signer.cert, ...certs.filter((c) => c !== own).map((c) => certificateOf(c).cert)];
  return { key: cryptoKey, certificate: signer.cert, chain, certificateDer: signer.der };
}

/** The certificate's subject common name (the signer's name), or its whole subject. */
export function subjectName(cert: pkijs.Certificate): string {
  const cn = cert.subject.typesAndValues.find((t) => t.type === '2.5.4.3');
  const value = cn?.value.valueBlock as { value?: string } | undefined;
  return value?.value ?? cert.subject.typesAndValues.map((t) => (t.value.valueBlock as { value?: string }).value ?? '').join(', ');
}

export { asn1js, pkijs };

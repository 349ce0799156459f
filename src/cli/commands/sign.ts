/**
 * jianding sign <pdf> --p12 FILE [--signer NAME | --seal] [--reason …] [--image PNG] [--out FILE]:
 * one PAdES signature in the 落款's place for NAME (or the institution's seal). The generated
 * final is never changed: the first signature writes X.signed.pdf beside it, later ones
 * append to that file (an incremental update keeps every earlier signature valid). The
 * register records each signature with the version it belongs to.
 */
import fs from 'node:fs';
import path from 'node:path';
import { recordSignature, registerPath, sha256, versionByFileSha, versionTitle } from '../../register/index.js';
import { openRegister } from '../../register/database.js';
import { CredentialsError } from '../../sign/credentials.js';
import { PdfReadError } from '../../sign/pdfRead.js';
import { SignError, signPdf } from '../../sign/sign.js';
import { TimestampError } from '../../sign/timestamp.js';
import { generatedRevision } from '../../sign/verify.js';
import { isPng } from '../../io/png.js';
import { EXIT, UsageError } from '../errors.js';
import { readBoundedFile, writeAtomic } from '../files.js';
import { MAX_CERTIFICATE_BYTES, MAX_DOCUMENT_BYTES, MAX_IMAGE_BYTES } from '../../io/fileLimits.js';

export interface SignFlags {
  p12: string;
  password?: string;
  passwordEnv?: string;
  signer?: string;
  seal?: boolean;
  reason?: string;
  location?: string;
  image?: string;
  out?: string;
  register?: string;
  /** RFC 3161 timestamp authority (--tsa or config tsaUrl): PAdES B-T. */
  tsa?: string;
}

/** X.pdf → X.signed.pdf; a file already signed is signed again in place (it only grows). */
export function signedName(file: string): string {
  return /\.signed\.pdf$/i.test(file) ? file : file.replace(/\.pdf$/i, '') + '.signed.pdf';
}

function passphrase(f: SignFlags): string {
  if (f.password !== undefined) return f.password;
  const name = f.passwordEnv ?? 'JIANDING_P12_PASSWORD';
  return process.env[name] ?? '';
}

function record(pdfFile: string, out: string, signed: Uint8Array, result: { field: string; signer: string }, reason: string | undefined, configured?: string): string {
  const file = registerPath(path.dirname(pdfFile), configured);
  if (!fs.existsSync(file)) return '此文件所在的文件夹没有登记簿，签名未登记';
  const db = openRegister(file);
  const found = versionByFileSha(db, sha256(generatedRevision(signed)));
  if (!found) return '登记簿中没有这份文书，签名未登记';
  recordSignature(db, found.version.id, {
    file: path.relative(path.dirname(file), out), field: result.field, signer: result.signer, reason: reason ?? null,
    sha256: sha256(signed), bytes: signed.length, signedAt: new Date().toISOString(),
  });
  return `已登记：${found.caseName}：${versionTitle(found.version.stream, found.version.number)}`;
}

/**
 * The signed file is new, or the signed file being signed again (an incremental update only
 * appends): never another file, least of all a generated document.
 */
function checkTarget(pdfFile: string, out: string): void {
  if (path.resolve(out) === path.resolve(pdfFile) && /\.signed\.pdf$/i.test(out)) return;
  if (path.resolve(out) === path.resolve(pdfFile)) throw new UsageError('不能覆盖生成的文书本身：签名写入 X.signed.pdf 或 --out 指定的新文件', 'Will not overwrite the generated document');
  if (fs.existsSync(out)) throw new UsageError(`${out} 已存在，不覆盖：已签过名的请在它上面继续签（jianding sign ${out} …），或用 --out 指定新文件`, `${out} exists; sign it instead, or name a new --out`);
}

function readImage(file: string): Uint8Array {
  const bytes = readBoundedFile(file, MAX_IMAGE_BYTES, '签名图片');
  if (!isPng(bytes)) throw new UsageError(`--image ${file} 不是 PNG 文件（签名与印章图片须为透明背景的 PNG）`, `--image ${file} is not a PNG`);
  return bytes;
}

export async function signCommand(pdfFile: string, f: SignFlags): Promise<number> {
  const out = f.out ?? signedName(pdfFile);
  try {
    checkTarget(pdfFile, out);
    const pdf = readBoundedFile(pdfFile, MAX_DOCUMENT_BYTES, 'PDF');
    const image = f.image ? readImage(f.image) : undefined;
    const result = await signPdf(pdf, {
      p12: readBoundedFile(f.p12, MAX_CERTIFICATE_BYTES, '证书文件'), passphrase: passphrase(f), signer: f.signer, seal: f.seal,
      reason: f.reason, location: f.location, image, ...(f.tsa ? { tsaUrl: f.tsa } : {}),
    });
    writeAtomic(out, result.bytes);
    process.stdout.write(`已签名：${result.place}（证书：${result.signer}，PAdES ${result.level}）→ ${out}\n${record(pdfFile, out, result.bytes, result, f.reason, f.register)}\n`);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof SignError || e instanceof CredentialsError || e instanceof PdfReadError || e instanceof TimestampError) {
      process.stderr.write(`签名失败：${e.message}\n`);
      return e instanceof SignError ? EXIT.invalid : EXIT.usage;
    }
    throw e;
  }
}

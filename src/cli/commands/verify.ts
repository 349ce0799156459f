/**
 * jianding verify <pdf|docx> [--case FILE] [--register FILE] [--json]
 * jianding verify --code XXXX-XXXX-XXXX-XXXX [--register FILE]
 * Exit 0 verified, 1 not verified (what differs is printed), 2 usage.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isValidCode, normaliseCode } from '../../domain/verificationCode.js';
import { MAX_DOCUMENT_BYTES } from '../../io/fileLimits.js';
import { openRegister, type Db } from '../../register/database.js';
import { registerPath, versionsByCode, versionTitle, type FoundVersion } from '../../register/index.js';
import { formatReport } from '../../sign/report.js';
import { PdfReadError } from '../../sign/pdfRead.js';
import { verifyDocx, verifyPdf } from '../../sign/verify.js';
import type { RenderSettings } from '../../sign/regenerate.js';
import { EXIT, UsageError } from '../errors.js';
import { readBoundedFile, readCaseBytes } from '../files.js';

export interface VerifyFlags {
  case?: string;
  register?: string;
  code?: string;
  json?: boolean;
  /** The output folder whose register answers --code (default output). */
  out?: string;
}

/** The register named, or the one beside the file (where jianding writes documents), if there is one. */
function registerOf(file: string | undefined, configured: string | undefined, out: string): Db | undefined {
  const candidate = configured ? path.resolve(configured) : registerPath(file ? path.dirname(file) : out);
  return candidate && fs.existsSync(candidate) ? openRegister(candidate) : undefined;
}

function describeFound(f: FoundVersion): string {
  const v = f.version;
  const files = v.files.map((x) => `${x.file}（SHA-256 ${x.sha256}）`).join('\n    ');
  const signed = f.signatures.map((s) => `${s.signer}（${s.field}，${s.signedAt.replace('T', ' ').slice(0, 19)}）`).join('、');
  return [`  ${f.caseName}：${versionTitle(v.stream, v.number)}`, `    文书编号：${v.documentNumber}`, `    生成：${v.committedAt ?? v.createdAt}，${v.toolVersion}`, `    ${files}`, ...(signed ? [`    签名：${signed}`] : [])].join('\n');
}

function verifyCode(typed: string, register: Db | undefined, json: boolean): number {
  const code = normaliseCode(typed);
  if (!isValidCode(code)) {
    process.stderr.write(`校验码「${typed}」有误：应为 16 位（4 组 4 位），且最后一位校验位须相符；请核对抄写\n`);
    return EXIT.invalid;
  }
  if (!register) throw new UsageError('找不到登记簿：请用 --out 指定输出文件夹或用 --register 指定登记簿文件', 'No register: name one with --register');
  const found = versionsByCode(register, code);
  if (json) process.stdout.write(`${JSON.stringify({ code, found }, null, 2)}\n`);
  else process.stdout.write(found.length ? `查询校验码 ${code} 对应：\n${found.map(describeFound).join('\n')}\n` : `登记簿中没有查询校验码 ${code} 的文书\n`);
  return found.length ? EXIT.ok : EXIT.invalid;
}

export async function verifyCommand(file: string | undefined, f: VerifyFlags, settings: RenderSettings): Promise<number> {
  if (f.code) return verifyCode(f.code, registerOf(undefined, f.register, f.out ?? 'output'), f.json ?? false);
  if (!file) throw new UsageError('请给出要核验的 PDF 或 DOCX 文件，或用 --code 查询校验码', 'Name a PDF or DOCX, or --code');
  const bytes = readBoundedFile(file, MAX_DOCUMENT_BYTES, '文书文件');
  const caseFile = f.case ? { name: path.basename(f.case), bytes: readCaseBytes(f.case) } : undefined;
  const input = { file, bytes, settings, register: registerOf(file, f.register, ''), ...(caseFile ? { caseFile } : {}) };
  const isPdf = new TextDecoder('latin1').decode(bytes.subarray(0, 5)) === '%PDF-';
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!isPdf && !isZip) throw new UsageError(`${file} 既不是 PDF 也不是 DOCX`, `${file} is neither PDF nor DOCX`);
  try {
    const report = isPdf ? await verifyPdf(input) : await verifyDocx(input);
    process.stdout.write(f.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
    return report.verified ? EXIT.ok : EXIT.invalid;
  } catch (e) {
    if (e instanceof PdfReadError) {
      process.stdout.write(`${file}\n  ✗ ${e.message}\n  结论：未通过核验\n`);
      return EXIT.invalid;
    }
    throw e;
  }
}

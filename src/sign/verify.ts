/**
 * `jianding verify`: is this file exactly what jianding generated, was it changed after
 * generation, which signatures does it carry and is each valid. A PDF is made again from the
 * case embedded in it (or given with --case) and compared byte for byte; its signatures are
 * checked over their byte ranges. A DOCX is checked against the register's record of it and,
 * given its case, by making it again. Pure apart from the render: bytes and settings in.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../register/database.js';
import { versionByFileSha, versionsByCode, versionTitle, type FoundVersion } from '../register/index.js';
import { readZip } from '../render/docx/deterministicZip.js';
import { unescapeXml } from '../render/xmlSafe.js';
import { differences, regenerate, type RenderSettings } from './regenerate.js';
import { verdict, type Check, type VerifyReport } from './report.js';
import { checkSignatures } from './signatures.js';
import { embeddedCase, loadPdf, readProofProperties } from './pdfRead.js';

export interface VerifyInput {
  file: string;
  bytes: Uint8Array;
  /** A case file to regenerate from instead of the embedded one (DOCX: the only way). */
  caseFile?: { name: string; bytes: Uint8Array };
  settings: RenderSettings;
  register?: Db;
}

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const equal = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && Buffer.compare(a, b) === 0;

/** The generated revision: everything up to the first %%EOF (signatures are appended after it). */
export function generatedRevision(bytes: Uint8Array): Uint8Array {
  const at = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf('%%EOF');
  return at < 0 ? bytes : bytes.subarray(0, at + 5);
}

const describe = (f: FoundVersion): string =>
  `${f.caseName}：${versionTitle(f.version.stream, f.version.number)}，${f.version.documentNumber}（登记于 ${(f.version.committedAt ?? f.version.createdAt).replace('T', ' ').slice(0, 19)} UTC）`;

function registerChecks(register: Db | undefined, code: string | null, generatedSha: string, format: 'pdf' | 'docx'): { found?: FoundVersion; checks: Check[] } {
  if (!register) return { checks: [{ ok: null, label: '登记簿', detail: '未找到登记簿（可用 --register 指定），未与登记的记录核对' }] };
  const byCode = code ? versionsByCode(register, code) : [];
  const bySha = versionByFileSha(register, generatedSha);
  const found = bySha ?? byCode[0];
  if (!found) return { checks: [{ ok: false, label: '登记簿', detail: code ? `登记簿中没有校验码 ${code} 的版本` : '登记簿中没有这份文件' }] };
  const recorded = found.version.files.find((f) => f.format === format);
  const same = recorded?.sha256 === generatedSha;
  return { found, checks: [{ ok: same, label: '内容与登记簿记录一致', proof: true, detail: same ? describe(found) : `登记的${format.toUpperCase()}（${recorded?.sha256.slice(0, 16) ?? '无'}…）与此文件（${generatedSha.slice(0, 16)}…）不同：文件在生成后被改动` }] };
}

async function regenerationCheck(format: 'pdf' | 'docx', generated: Uint8Array, caseFile: { name: string; bytes: Uint8Array } | undefined, props: Record<string, string>, s: RenderSettings): Promise<Check> {
  if (!caseFile) return { ok: null, label: '内容与重新生成的一致', proof: true, detail: format === 'pdf' ? '文书中没有嵌入案件文件（培训样本不嵌入），可用 --case 提供' : '未提供案件文件（--case），未重新生成' };
  const r = await regenerate(format, caseFile, props, s);
  if (!r.ok) return { ok: false, label: '内容与重新生成的一致', proof: true, detail: r.problem };
  if (equal(r.bytes, generated)) return { ok: true, label: '内容与重新生成的一致', proof: true, detail: `用案件文件 ${caseFile.name} 重新生成，逐字节相同` };
  const why = differences(props, r, s.generator);
  return why.length
    ? { ok: null, label: '内容与重新生成的一致', proof: true, detail: `无法在本机复现：${why.join('；')}` }
    : { ok: false, label: '内容与重新生成的一致', proof: true, detail: '重新生成的文件与此文件不同：文件在生成后被改动' };
}

async function signatureChecks(doc: Awaited<ReturnType<typeof loadPdf>>, bytes: Uint8Array, generatedEnd: number): Promise<Check[]> {
  const sigs = await checkSignatures(doc, bytes);
  const checks: Check[] = sigs.map((s, i) => ({
    ok: s.valid, label: `签名 ${i + 1}（${s.place}）`,
    detail: s.valid ? `${s.signer} 签署，${s.subFilter}（PAdES ${s.timestamp ? `B-T，时间戳 ${s.timestamp.toISOString().replace('T', ' ').slice(0, 19)} UTC` : 'B-B'}），签名时间 ${s.time.replace(/^D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)([+-]\d\d)'(\d\d)'?$/, '$1-$2-$3 $4:$5:$6（UTC$7:$8）')}` : s.problem,
  }));
  const signedEnd = sigs.reduce((m, s) => Math.max(m, s.revisionEnd), generatedEnd);
  const rest = new TextDecoder('latin1').decode(bytes.subarray(signedEnd)).trim();
  if (rest) checks.push({ ok: false, label: '签名之后未被改动', detail: `${sigs.length ? '最后一个签名' : '生成'}之后，文件末尾又被追加了 ${bytes.length - signedEnd} 字节的修改，无人签署` });
  else if (sigs.length) checks.push({ ok: true, label: '签名之后未被改动', detail: `${sigs.length} 个签名依次覆盖到文件末尾` });
  return checks;
}

export async function verifyPdf(input: VerifyInput): Promise<VerifyReport> {
  const doc = await loadPdf(input.bytes);
  const props = readProofProperties(doc);
  const code = props.verificationCode ?? null;
  const base = { file: input.file, format: 'pdf' as const, verificationCode: code };
  if (!props.fingerprint) return { ...base, registered: null, verified: false, checks: [{ ok: false, label: '来源', detail: '文件中没有 jianding 的指纹，不是 jianding 生成的文书（或元数据被删改）' }] };
  const generated = generatedRevision(input.bytes);
  const caseFile = input.caseFile ?? embeddedCase(doc, props);
  const reg = registerChecks(input.register, code, sha256(generated), 'pdf');
  const checks = [await regenerationCheck('pdf', generated, caseFile, props, input.settings), ...reg.checks, ...(await signatureChecks(doc, input.bytes, generated.length))];
  return { ...base, registered: reg.found ? describe(reg.found) : null, verified: verdict(checks), checks };
}

/** docProps/custom.xml's properties (what the DOCX renderer wrote from the tree's properties). */
export function docxProperties(bytes: Uint8Array): Record<string, string> {
  const part = readZip(bytes).get('docProps/custom.xml');
  const out: Record<string, string> = {};
  if (!part) return out;
  const xml = new TextDecoder().decode(part);
  for (const m of xml.matchAll(/<property [^>]*name="([^"]+)"[^>]*>\s*<vt:lpwstr>([^<]*)<\/vt:lpwstr>/g)) out[m[1] as string] = unescapeXml(m[2] as string);
  return out;
}

export async function verifyDocx(input: VerifyInput): Promise<VerifyReport> {
  let props: Record<string, string>;
  try {
    props = docxProperties(input.bytes);
  } catch {
    return { file: input.file, format: 'docx', verificationCode: null, registered: null, verified: false, checks: [{ ok: false, label: '来源', detail: '不是有效的 DOCX 文件（ZIP 结构损坏）' }] };
  }
  const code = props.verificationCode ?? null;
  const base = { file: input.file, format: 'docx' as const, verificationCode: code };
  if (!props.fingerprint) return { ...base, registered: null, verified: false, checks: [{ ok: false, label: '来源', detail: '文件中没有 jianding 的指纹（自定义文档属性），不是 jianding 生成的文书，或在 Word 中另存时被删除' }] };
  const reg = registerChecks(input.register, code, sha256(input.bytes), 'docx');
  const checks = [await regenerationCheck('docx', input.bytes, input.caseFile, props, input.settings), ...reg.checks];
  return { ...base, registered: reg.found ? describe(reg.found) : null, verified: verdict(checks), checks };
}

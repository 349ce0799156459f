/**
 * The signing round an appraisal institution goes through, from the command line: draft 1 →
 * the parties' comments → draft 2 with a redline → the final with the seal image → two
 * appraisers and the institution sign (three incremental PAdES signatures) → verify. Then
 * every kind of tampering a reader could meet is detected and reported in Chinese.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, PDFName, PDFDict, PDFArray, PDFRawStream } from 'pdf-lib';
import { jianding, tmpDir } from '../support/cli.js';
import { hasPoppler } from '../pdf/support.js';
import { readZip, writeZip } from '../../dist/render/docx/deterministicZip.js';
import { makeP12, PASSWORD, sealPng } from './support.js';

const FIXTURE = path.resolve('fixtures/01_judicial_surgery_fundoplication_two_grades.yaml');
const hasPdfsig = spawnSync('pdfsig', ['-v']).status !== null;

interface Round {
  dir: string;
  out: string;
  signed: string;
  final: string;
  docx: string;
  code: string;
  p12: { liu: string; zhou: string; institution: string };
}

function pdfsig(file: string): string {
  const r = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  return r.stdout + r.stderr;
}

const env = { ...process.env, JIANDING_P12_PASSWORD: PASSWORD };
const run = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [path.resolve('dist/jianding.mjs'), ...args], { cwd, encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

let round: Round;

beforeAll(() => {
  const dir = tmpDir('jd-sign-');
  const out = path.join(dir, 'output');
  const caseFile = path.join(dir, 'case.yaml');
  fs.copyFileSync(FIXTURE, caseFile);
  fs.writeFileSync(path.join(dir, 'jianding.config.json'), JSON.stringify({ images: { seal: sealPng(dir) } }));
  expect(run(['render', 'case.yaml', '--draft', '--out', 'output'], dir).code).toBe(0);
  // The parties' comments: the panel rewords one conclusion.
  fs.writeFileSync(caseFile, fs.readFileSync(caseFile, 'utf8').replace('术后早期发热', '术后早期出现发热'));
  expect(run(['render', 'case.yaml', '--draft', '--out', 'output'], dir).code).toBe(0);
  expect(run(['render', 'case.yaml', '--final', '--out', 'output'], dir).code).toBe(0);
  const final = path.join(out, 'case.pdf');
  const code = /查询校验码：([0-9A-Z-]{19})/.exec(execFileSync('pdftotext', [final, '-']).toString())?.[1] ?? '';
  const p12 = { liu: makeP12(dir, '刘某某'), zhou: makeP12(dir, '周某'), institution: makeP12(dir, '江苏某某司法鉴定所') };
  round = { dir, out, signed: path.join(out, 'case.signed.pdf'), final, docx: path.join(out, 'case.docx'), code, p12 };
}, 120_000);

describe.skipIf(!hasPoppler)('a full signing round', () => {
  it('the redline between draft 1 and draft 2 marks the reworded sentence as a tracked change', () => {
    const r = run(['diff', 'output/case.draft-1.pdf', 'output/case.draft-2.pdf', '--out', 'output/case.redline.docx'], round.dir);
    expect(r.code, r.stderr).toBe(0);
    const xml = new TextDecoder().decode(readZip(fs.readFileSync(path.join(round.out, 'case.redline.docx'))).get('word/document.xml'));
    expect(xml).toMatch(/<w:ins [^>]*w:author="jianding"[^>]*>.*?出现/);
  });

  it('two appraisers and the institution sign one after another; pdfsig finds all three valid and the last covering the whole file', () => {
    const sign = (p12: string, who: string[], from: string) => run(['sign', from, '--p12', p12, ...who], round.dir);
    let r = sign(round.p12.liu, ['--signer', '刘某某'], round.final);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('已登记');
    expect(fs.readFileSync(round.final).subarray(0, 4).toString()).toBe('%PDF');
    r = sign(round.p12.zhou, ['--signer', '周某'], round.signed);
    expect(r.code, r.stderr).toBe(0);
    r = sign(round.p12.institution, ['--seal', '--image', path.join(round.dir, 'seal.png')], round.signed);
    expect(r.code, r.stderr).toBe(0);
    if (!hasPdfsig) return;
    const report = pdfsig(round.signed);
    expect(report.match(/Signature is Valid/g)?.length).toBe(3);
    expect(report).toContain('Signer Certificate Common Name: 刘某某');
    expect(report).toContain('Signer Certificate Common Name: 周某');
    expect(report).toContain('ETSI.CAdES.detached');
    expect(report).toContain('Total document signed');
  });

  it('the final carries the configured seal image in its seal area (PDF and DOCX)', () => {
    const images = execFileSync('pdfimages', ['-list', round.final]).toString();
    const page = /^\s*(\d+)\s+\d+\s+image\s+240\s+240/m.exec(images)?.[1];
    expect(page, images).toBeDefined();
    expect(execFileSync('pdftotext', ['-f', page!, '-l', page!, round.final, '-']).toString()).toContain('二〇二六年四月三日');
    const media = [...readZip(fs.readFileSync(round.docx)).keys()].filter((k) => k.startsWith('word/media/'));
    expect(media.length).toBe(2); // the QR code and the seal
  });

  it('the generated final is untouched by signing and by rendering again, and nothing is signed after the institution\'s seal', () => {
    const before = fs.readFileSync(round.final);
    const again = run(['render', 'case.yaml', '--final', '--out', 'output'], round.dir);
    expect(again.code).toBe(0);
    expect(again.stdout + again.stderr).toContain('已是最新');
    expect(fs.readFileSync(round.final).equals(before)).toBe(true);
    expect(run(['verify', 'output/case.pdf'], round.dir).code).toBe(0);
    const r = run(['sign', 'output/case.signed.pdf', '--p12', round.p12.liu, '--signer', '吴某某'], round.dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('机构印章已经签署');
  });

  it('the same place cannot be signed twice, and an unknown signer is told which places exist', () => {
    const once = path.join(round.out, 'once.pdf');
    expect(run(['sign', 'output/case.pdf', '--p12', round.p12.liu, '--signer', '刘某某', '--out', once], round.dir).code).toBe(0);
    const twice = run(['sign', once, '--p12', round.p12.liu, '--signer', '刘某某'], round.dir);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('「司法鉴定人：刘某某」的位置已经签名');
    const stranger = run(['sign', once, '--p12', round.p12.liu, '--signer', '王某'], round.dir);
    expect(stranger.stderr).toContain('可签名的是：司法鉴定人：刘某某、司法鉴定人：周某、复核人：吴某某');
    // Signing the generated final again into an existing file would lose the signatures there.
    const over = run(['sign', 'output/case.pdf', '--p12', round.p12.zhou, '--signer', '周某', '--out', once], round.dir);
    expect([over.code, over.stderr]).toEqual([2, expect.stringContaining('已存在，不覆盖')]);
    const notPng = run(['sign', once, '--p12', round.p12.zhou, '--signer', '周某', '--image', 'case.yaml'], round.dir);
    expect([notPng.code, notPng.stderr]).toEqual([2, expect.stringContaining('不是 PNG 文件')]);
  });

  it('verify: the signed PDF is what jianding generated, with three valid signatures', () => {
    const r = run(['verify', 'output/case.signed.pdf'], round.dir);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain(`查询校验码：${round.code}`);
    expect(r.stdout).toContain('✓ 内容与重新生成的一致');
    expect(r.stdout).toContain('✓ 内容与登记簿记录一致');
    expect(r.stdout.match(/✓ 签名 \d/g)?.length).toBe(3);
    expect(r.stdout).toContain('核验通过');
  });

  it('verify --code: the register answers a reader who typed the code (in lower case, without dashes)', () => {
    const r = run(['verify', '--code', round.code.replace(/-/g, '').toLowerCase(), '--out', 'output'], round.dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('正式文书');
    expect(r.stdout).toMatch(/签名：刘某某.*周某.*江苏某某司法鉴定所/);
    const typo = run(['verify', '--code', round.code.slice(0, -1) + (round.code.endsWith('0') ? '1' : '0'), '--out', 'output'], round.dir);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain('校验位');
  });

  it('verify: the DOCX matches the register and its custom properties carry the same code', () => {
    const r = run(['verify', 'output/case.docx'], round.dir);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain(`查询校验码：${round.code}`);
    const withCase = run(['verify', 'output/case.docx', '--case', 'case.yaml'], round.dir);
    expect(withCase.stdout).toContain('✓ 内容与重新生成的一致');
  });
});

describe.skipIf(!hasPoppler)('tampering is detected and reported in Chinese', () => {
  it('one byte of the signed PDF changed: contents and every signature fail, and pdfsig agrees', () => {
    const bytes = fs.readFileSync(round.signed);
    const at = bytes.indexOf('stream', 4000) + 40;
    bytes[at] ^= 0x01;
    const file = path.join(round.out, 'tampered.pdf');
    fs.writeFileSync(file, bytes);
    const r = run(['verify', file], round.dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ 内容与重新生成的一致');
    expect(r.stdout).toContain('摘要不符');
    expect(r.stdout).toContain('未通过核验');
    if (hasPdfsig) expect(pdfsig(file)).not.toContain('Signature is Valid');
  });

  it('a change appended after the last signature is named as unsigned', () => {
    const file = path.join(round.out, 'appended.pdf');
    fs.writeFileSync(file, Buffer.concat([fs.readFileSync(round.signed), Buffer.from('\n1 0 obj\n<< >>\nendobj\n')]));
    const r = run(['verify', file], round.dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('无人签署');
  });

  it('a signature value altered: that signature is invalid', () => {
    const bytes = fs.readFileSync(round.signed);
    const contents = bytes.lastIndexOf('/Contents <');
    // A hex digit well inside the last CMS (its signature value, past the certificate).
    const at = contents + 11 + 1200;
    bytes[at] = bytes[at] === 0x30 ? 0x31 : 0x30;
    const file = path.join(round.out, 'badsig.pdf');
    fs.writeFileSync(file, bytes);
    const r = run(['verify', file], round.dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✗ 签名 3/);
  });

  it('the embedded case file replaced: its SHA-256 no longer matches the document', async () => {
    const doc = await PDFDocument.load(fs.readFileSync(round.final));
    const names = doc.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict).lookup(PDFName.of('Names'), PDFArray);
    const spec = names.lookup(1, PDFDict);
    const ref = spec.lookup(PDFName.of('EF'), PDFDict).get(PDFName.of('F'));
    const old = doc.context.lookup(ref) as PDFRawStream;
    const forged = deflateSync(Buffer.from(fs.readFileSync(FIXTURE, 'utf8').replace('刘某某', '刘某')));
    doc.context.assign(ref as never, PDFRawStream.of(old.dict, forged));
    old.dict.set(PDFName.of('Length'), doc.context.obj(forged.length));
    const file = path.join(round.out, 'forged-case.pdf');
    fs.writeFileSync(file, await doc.save());
    const r = run(['verify', file], round.dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('案件文件与文书记录的 SHA-256 不符');
  });

  it('a DOCX edited after generation differs from the register and from a regeneration', () => {
    const parts = readZip(fs.readFileSync(round.docx));
    const xml = new TextDecoder().decode(parts.get('word/document.xml')).replace('术后早期出现发热', '术后早期未见发热');
    parts.set('word/document.xml', new TextEncoder().encode(xml));
    const file = path.join(round.out, 'edited.docx');
    fs.writeFileSync(file, writeZip(parts));
    const r = run(['verify', file, '--case', 'case.yaml'], round.dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ 内容与登记簿记录一致');
    expect(r.stdout).toContain('✗ 内容与重新生成的一致');
  });

  it('a file jianding did not make, and a draft, are refused with reasons', () => {
    const draft = run(['sign', 'output/case.draft-2.pdf', '--p12', round.p12.liu], round.dir);
    expect(draft.code).toBe(1);
    expect(draft.stderr).toContain('征求意见稿');
    const wrongPassword = spawnSync(process.execPath, [path.resolve('dist/jianding.mjs'), 'sign', 'output/case.pdf', '--p12', round.p12.liu, '--password', 'nope', '--out', 'output/wrong-password.pdf'], { cwd: round.dir, encoding: 'utf8' });
    expect(wrongPassword.status).toBe(2);
    expect(wrongPassword.stderr).toContain('密码');
    expect(wrongPassword.stderr).not.toMatch(/at .*\.js:\d+/);
    const text = path.join(round.out, 'notes.txt');
    fs.writeFileSync(text, '不是文书');
    const neither = jianding(['verify', text]);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('既不是 PDF 也不是 DOCX');
  });

  it('a PDF jianding did not make has no fingerprint: not verified, and nothing to sign', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const file = path.join(round.out, 'other.pdf');
    fs.writeFileSync(file, await doc.save());
    const r = jianding(['verify', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('不是 jianding 生成的文书');
    const s = run(['sign', file, '--p12', round.p12.liu], round.dir);
    expect(s.code).toBe(1);
    expect(s.stderr).toContain('没有预留的签名位置');
  });
});

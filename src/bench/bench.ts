/**
 * npm run bench [-- --n 200 --jobs 2 --lo 200 --rounds 5]: renders N generated cases of realistic
 * length and prints, per format, reports per second, median ms per report, ms per PDF page, output
 * sizes, the batch throughput and peak RSS of `jianding batch`; then jianding beside its peers on
 * one 12-page document (Typst for PDF, docxtemplater for DOCX, warm and cold, with the deflate
 * floor), and — where LibreOffice is installed — the same DOCX files converted by LibreOffice
 * headless. A measurement, not a test: nothing here asserts a time.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadCase } from '../parse/loadCase.js';
import { buildTree } from '../pipeline/buildTree.js';
import { renderDocx } from '../render/docx/index.js';
import { layoutSectionPages, renderPdf } from '../render/pdf/index.js';
import { PACKAGE_ROOT } from '../paths.js';
import type { Case } from '../schema/case.js';
import { fitToPages, generateCases } from './generateCases.js';
import { comparePeers, type Series } from './peers/compare.js';

const CLI = path.join(PACKAGE_ROOT, 'dist', 'jianding.mjs');

/** The CPU as /proc/cpuinfo names it (where there is one). */
function cpuModel(): string {
  try {
    return /^model name\s*:\s*(.*)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model ?? '';
  } catch {
    return os.cpus()[0]?.model ?? '';
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1);
const fmt = (n: number, digits = 1) => n.toFixed(digits);

/** Realistic length, as the issue sets it: reports of 8–12 pages. */
const MAX_PAGES = 12;

function fixtures(): Case[] {
  const dir = path.join(PACKAGE_ROOT, 'fixtures');
  return fs.readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f)).sort().flatMap((f) => {
    const r = loadCase(fs.readFileSync(path.join(dir, f)), f);
    return r.ok && r.case ? [r.case] : [];
  });
}

async function inProcess(cases: Case[]) {
  const docxMs: number[] = [], pdfMs: number[] = [], docxBytes: number[] = [], pdfBytes: number[] = [], pages: number[] = [];
  await renderPdf(buildTree(cases[0]!, { caseSha256: 'warm', generator: 'bench' }).tree); // fonts parsed once, as in a long run
  for (const c of cases) {
    const { tree } = buildTree(c, { caseSha256: '0'.repeat(64), generator: 'bench' });
    let t = performance.now();
    const pdf = await renderPdf(tree);
    pdfMs.push(performance.now() - t);
    pdfBytes.push(pdf.bytes.length);
    pages.push(pdf.pageCount);
    // As the pipeline does: the DOCX takes its 「共 N 页」 from the typesetter's layout.
    t = performance.now();
    const docx = await renderDocx(tree, { sectionPages: pdf.sectionPages });
    docxMs.push(performance.now() - t);
    docxBytes.push(docx.length);
  }
  return { docxMs, pdfMs, docxBytes, pdfBytes, pages };
}

interface Measured { ms: number; peakMb: number; code: number | null; doneAt: number[] }

/**
 * Runs a command, sampling its resident memory from /proc; returns wall ms, peak RSS in MB and
 * when each `[k/N]` progress line (batch, not on a terminal) arrived, in ms from the start.
 */
function measured(cmd: string, args: string[]): Promise<Measured> {
  return new Promise((resolve) => {
    const t = performance.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const doneAt: number[] = [];
    child.stderr.on('data', (chunk: Buffer) => {
      for (const _ of chunk.toString().matchAll(/^\[\d+\/\d+\]/gm)) doneAt.push(performance.now() - t);
    });
    let peak = 0;
    const timer = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peak = Math.max(peak, Number(m[1]) / 1024);
      } catch { /* process gone */ }
    }, 20);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ ms: performance.now() - t, peakMb: peak, code, doneAt });
    });
  });
}

/** Reports per second once the workers are warm: from the tenth finished case to the last. */
function steadyRate(doneAt: number[]): number {
  const from = doneAt[9];
  const to = doneAt.at(-1);
  return from === undefined || to === undefined || to <= from ? NaN : ((doneAt.length - 10) * 1000) / (to - from);
}

function libreOffice(docxDir: string, count: number): number | null {
  if (spawnSync('which', ['soffice']).status !== 0) return null;
  const files = fs.readdirSync(docxDir).filter((f) => f.endsWith('.docx')).slice(0, count).map((f) => path.join(docxDir, f));
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jd-lo-'));
  const profile = `-env:UserInstallation=file://${fs.mkdtempSync(path.join(os.tmpdir(), 'jd-lo-profile-'))}`;
  spawnSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', outDir, files[0]!]); // start-up and profile creation, not counted
  const t = performance.now();
  spawnSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files], { maxBuffer: 64 * 1024 * 1024 });
  return (performance.now() - t) / files.length;
}

const range = (xs: number[] = [], digits = 0) => (xs.length ? `${fmt(Math.min(...xs), digits)}–${fmt(Math.max(...xs), digits)}` : '—');
/** Per-round ratios a/b: the rounds alternate, so each pair ran under the same load. */
const ratios = (a: number[] = [], b: number[] = []) => range(a.map((x, i) => x / (b[i] ?? NaN)), 2);

function printComparison(s: Series, pages: number, typstPages: number, rounds: number): void {
  console.log(`\n同一份文书（jianding ${pages} 页，Typst 同样文字、版式与字体排出 ${typstPages} 页），对照交替运行 ${rounds} 轮；CPU 时间，范围为各轮最小–最大`);
  console.log('项目\tjianding\t对照\tjianding/对照');
  console.log(`PDF 生成，进程内（热）\t${range(s.pdf, 1)} ms\tTypst ${range(s.typst, 1)} ms\t${ratios(s.pdf, s.typst)}`);
  console.log(`  Typst 重复编译同一份（保留其缓存）\t\t${range(s.typstMemo, 1)} ms\t${ratios(s.pdf, s.typstMemo)}`);
  console.log(`PDF 的下限：压缩全部流并写出文件\t${range(s.floor, 1)} ms\t\tPDF/下限 ${ratios(s.pdf, s.floor)}`);
  console.log(`DOCX 生成，进程内（热）\t${range(s.docx, 1)} ms\tdocxtemplater ${range(s.docxtemplater, 1)} ms\t${ratios(s.docx, s.docxtemplater)}`);
  console.log(`冷启动 render，DOCX+PDF（整个进程）\t${range(s.coldBoth)} ms\tTypst 冷编译 ${range(s.coldTypst)} ms\t${ratios(s.coldBoth, s.coldTypst)}`);
  console.log(`冷启动 render --format pdf\t${range(s.coldPdf)} ms\tTypst 冷编译 ${range(s.coldTypst)} ms\t${ratios(s.coldPdf, s.coldTypst)}`);
  console.log(`冷启动 render --format docx\t${range(s.coldDocx)} ms\tdocxtemplater ${range(s.coldDocxtemplater)} ms\t${ratios(s.coldDocx, s.coldDocxtemplater)}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { n: { type: 'string', default: '200' }, jobs: { type: 'string' }, lo: { type: 'string' }, rounds: { type: 'string', default: '5' } } });
  const n = Number(values.n);
  const jobs = values.jobs ?? String(os.availableParallelism());
  const pagesOf = async (c: Case) => (await layoutSectionPages(buildTree(c, { caseSha256: '0'.repeat(64), generator: 'bench' }).tree)).reduce((a, b) => a + b, 0);
  const cases = generateCases(await fitToPages(fixtures(), MAX_PAGES, pagesOf), n);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jd-bench-'));
  const caseDir = path.join(work, 'cases');
  fs.mkdirSync(caseDir);
  cases.forEach((c, i) => fs.writeFileSync(path.join(caseDir, `case${String(i + 1).padStart(4, '0')}.json`), JSON.stringify(c)));

  console.log(`jianding 基准测试：${n} 件生成案件；${cpuModel()}，${os.availableParallelism()} 核，Node ${process.version}`);
  const r = await inProcess(cases);
  const totalPages = r.pages.reduce((a, b) => a + b, 0);
  console.log('\n单线程、热启动（字体已加载）');
  console.log('格式\t报告/秒\t中位 ms/份\t平均大小 KB\t页数（平均/最少/最多）');
  console.log(`DOCX\t${fmt(1000 / mean(r.docxMs))}\t${fmt(median(r.docxMs))}\t${fmt(mean(r.docxBytes) / 1024)}\t`);
  console.log(`PDF\t${fmt(1000 / mean(r.pdfMs))}\t${fmt(median(r.pdfMs))}\t${fmt(mean(r.pdfBytes) / 1024)}\t${fmt(totalPages / n)}/${Math.min(...r.pages)}/${Math.max(...r.pages)}`);
  const msPerPage = r.pdfMs.reduce((a, b) => a + b, 0) / totalPages;
  console.log(`PDF 排版与生成：${fmt(msPerPage, 2)} ms/页`);

  const batch = await measured(process.execPath, [CLI, 'batch', caseDir, '--out', path.join(work, 'out'), '--jobs', jobs]);
  console.log(`\n批量（jianding batch --jobs ${jobs}，DOCX+PDF）：${fmt(batch.ms / 1000, 2)} s，${fmt((n * 1000) / batch.ms)} 份/秒，峰值内存 ${fmt(batch.peakMb, 0)} MB，退出码 ${batch.code}`);
  console.log(`  其中启动到第一件完成 ${fmt((batch.doneAt[0] ?? NaN) / 1000, 2)} s；预热后（第 10 件起）${fmt(steadyRate(batch.doneAt))} 份/秒`);

  // The longest generated case (12 pages) for the side-by-side table.
  const longest = r.pages.indexOf(Math.max(...r.pages));
  const caseFile = path.join(caseDir, `case${String(longest + 1).padStart(4, '0')}.json`);
  const peerDir = fs.mkdtempSync(path.join(work, 'peers-'));
  const c = await comparePeers(buildTree(cases[longest]!, { caseSha256: '0'.repeat(64), generator: 'bench' }).tree, caseFile, peerDir, Number(values.rounds));
  printComparison(c.series, c.pages, c.typstPages, Number(values.rounds));

  const loCount = Math.min(n, Number(values.lo ?? n));
  const lo = loCount > 0 ? libreOffice(path.join(work, 'out'), loCount) : null;
  if (lo === null) console.log(loCount > 0 ? '\n未安装 LibreOffice（soffice），跳过对比。' : '\n未做 LibreOffice 对比（--lo 0）。');
  else console.log(`\nLibreOffice headless 转换同样的 DOCX（${loCount} 份，单进程热启动）：${fmt(lo, 0)} ms/份；jianding PDF ${fmt(mean(r.pdfMs), 1)} ms/份，快 ${fmt(lo / mean(r.pdfMs), 0)} 倍`);
  fs.rmSync(work, { recursive: true, force: true });
}

await main();

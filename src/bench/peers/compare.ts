/**
 * jianding beside its peers on one 12-page document, in alternating rounds so that a busy
 * machine slows all of them alike: warm steps inside this process (CPU time per document)
 * and cold whole-process runs (CPU time of the child, loading included, as a user waits).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import type { DocumentTree } from '../../document/tree.js';
import { PACKAGE_ROOT } from '../../paths.js';
import { canonicalDeflate } from '../../render/canonicalDeflate.js';
import { renderDocx } from '../../render/docx/index.js';
import { BUNDLED_KEYS, bundledFontPath, unpackedFontPath } from '../../render/pdf/fonts.js';
import { pdfDeflateOptions } from '../../render/pdf/fastFlate.js';
import { renderPdf } from '../../render/pdf/index.js';
import { decodePDFRawStream, PDFDocument, PDFName, PDFRawStream } from '../../render/pdf/pdfLib.js';
import { templateData } from './docxTemplate.js';
import { docxtemplaterDocx, docxTemplateBytes, typstCompiler, typstPdf } from './peers.js';
import { typstSource } from './typstSource.js';

const CLI = path.join(PACKAGE_ROOT, 'dist', 'jianding.mjs');
const COLD_PEER = path.join(PACKAGE_ROOT, 'dist', 'bench', 'peers', 'coldPeer.js');

export type Series = Record<string, number[]>;

/** CPU milliseconds (user + system) of this process spent in fn. */
async function cpuMs(fn: () => unknown): Promise<number> {
  const start = process.cpuUsage();
  await fn();
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

/** CPU milliseconds of a whole child process (bash's `times` reports its children), or NaN. */
function childCpuMs(args: string[]): number {
  const r = spawnSync('bash', ['-c', '"$@" >/dev/null 2>&1; times', 'bash', ...args], { encoding: 'utf8' });
  const line = r.stdout.trim().split('\n')[1] ?? '';
  const secs = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return secs.length === 2 ? (secs[0]! + secs[1]!) * 1000 : NaN;
}

/** The PDF's streams as they were before deflating. */
async function rawStreams(pdf: Uint8Array): Promise<Uint8Array[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const out: Uint8Array[] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (obj instanceof PDFRawStream && obj.dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode')) out.push(decodePDFRawStream(obj).decode());
  }
  return out;
}

/** The floor: deflating the document's streams with the project's settings and writing a file of its size. */
function floor(streams: Uint8Array[], size: number, file: string): void {
  for (const s of streams) canonicalDeflate(s, pdfDeflateOptions(s.length));
  fs.writeFileSync(file, new Uint8Array(size));
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
}

export interface Comparison { series: Series; pages: number; typstPages: number }

/** `rounds` alternating rounds; warm figures are each round's median of `perRound` documents. */
export async function comparePeers(tree: DocumentTree, caseFile: string, work: string, rounds: number, perRound = 7): Promise<Comparison> {
  // Typst reads TTF/OTF, not WOFF: WenKai from the build's unpacked copy.
  const fonts = BUNDLED_KEYS.map((key) => unpackedFontPath(key) ?? bundledFontPath(key)).filter((f) => fs.existsSync(f));
  const family = (f: string) => (fontkit.create(fs.readFileSync(f)) as unknown as { familyName: string }).familyName;
  const source = typstSource(tree, { serif: family(bundledFontPath('noto-serif-sc-400')), sans: family(bundledFontPath('noto-sans-sc-400')) });
  const data = templateData(tree);
  const typFile = path.join(work, 'peer.typ');
  const dataFile = path.join(work, 'peer.json');
  fs.writeFileSync(typFile, source);
  fs.writeFileSync(dataFile, JSON.stringify(data));

  const first = await renderPdf(tree);
  const streams = await rawStreams(first.bytes);
  const compiler = typstCompiler(fonts);
  const typstPages = (await PDFDocument.load(typstPdf(compiler, source), { updateMetadata: false })).getPageCount();
  const template = docxTemplateBytes();
  docxtemplaterDocx(template, data);
  await renderDocx(tree, { sectionPages: first.sectionPages });

  const series: Series = {};
  const add = (k: string, v: number) => (series[k] ??= []).push(v);
  const warm = async (k: string, fn: () => unknown, before?: () => void) => {
    const xs: number[] = [];
    for (let i = 0; i < perRound; i++) {
      before?.();
      xs.push(await cpuMs(fn));
    }
    add(k, median(xs));
  };
  const out = (name: string) => path.join(work, name);
  for (let r = 0; r < rounds; r++) {
    await warm('pdf', () => renderPdf(tree));
    await warm('floor', () => floor(streams, first.bytes.length, out('floor.pdf')));
    // Typst memoizes layout across compiles: cleared first, it typesets the document as jianding does
    // (which keeps only the parsed fonts); kept, a repeat of the same source is mostly a cache hit.
    await warm('typst', () => typstPdf(compiler, source), () => compiler.evictCache(0));
    await warm('typstMemo', () => typstPdf(compiler, source));
    await warm('docx', () => renderDocx(tree, { sectionPages: first.sectionPages }));
    await warm('docxtemplater', () => docxtemplaterDocx(template, data));
    add('coldBoth', childCpuMs([process.execPath, CLI, 'render', caseFile, '--out', out(`cold-both-${r}`)]));
    add('coldPdf', childCpuMs([process.execPath, CLI, 'render', caseFile, '--format', 'pdf', '--out', out(`cold-pdf-${r}`)]));
    add('coldDocx', childCpuMs([process.execPath, CLI, 'render', caseFile, '--format', 'docx', '--out', out(`cold-docx-${r}`)]));
    add('coldTypst', childCpuMs([process.execPath, COLD_PEER, 'typst', typFile, out('typst.pdf'), ...fonts]));
    add('coldDocxtemplater', childCpuMs([process.execPath, COLD_PEER, 'docxtemplater', dataFile, out('docxtemplater.docx')]));
  }
  return { series, pages: first.pageCount, typstPages };
}

/** The bench's peers, each doing the job jianding does for one document: Typst (PDF), docxtemplater (DOCX). */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { templateParts } from './docxTemplate.js';

// The peers are dev-dependencies loaded only when the bench runs: the build needs none of them.
const require = createRequire(import.meta.url);

/** The part of typst.ts's NodeCompiler the bench uses. */
export interface TypstCompiler {
  pdf(args: { mainFileContent: string }): Buffer;
  /** Clears Typst's memoized layout (0: all of it). */
  evictCache(maxAge: number): void;
}

/** A Typst compiler with exactly these font files (jianding's bundled faces). */
export function typstCompiler(fontFiles: string[]): TypstCompiler {
  const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler') as { NodeCompiler: { create(args: object): TypstCompiler } };
  return NodeCompiler.create({ fontArgs: [{ fontBlobs: fontFiles.map((f) => fs.readFileSync(f)) }] });
}

export function typstPdf(compiler: TypstCompiler, source: string): Buffer {
  return compiler.pdf({ mainFileContent: source });
}

/** The template as a .docx file's bytes. */
export function docxTemplateBytes(): Buffer {
  const PizZip = require('pizzip') as new () => { file(name: string, data: string): void; generate(o: { type: 'nodebuffer' }): Buffer };
  const zip = new PizZip();
  for (const [name, xml] of Object.entries(templateParts())) zip.file(name, xml);
  return zip.generate({ type: 'nodebuffer' });
}

interface Templater { render(data: unknown): void; getZip(): { generate(o: object): Buffer } }

/** docxtemplater's whole job for one document: open the template, fill it, write the zip (deflated, as jianding's is). */
export function docxtemplaterDocx(template: Buffer, data: unknown): Buffer {
  const PizZip = require('pizzip') as new (b: Buffer) => unknown;
  const Docxtemplater = require('docxtemplater') as new (zip: unknown, o: object) => Templater;
  const doc = new Docxtemplater(new PizZip(template), { paragraphLoop: true, linebreaks: true });
  doc.render(data);
  return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

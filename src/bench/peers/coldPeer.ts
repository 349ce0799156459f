/**
 * One peer job in a fresh process, for the bench's cold-start row (loading included, as a user
 * waits for it): `typst <source.typ> <out.pdf> <font files…>` or `docxtemplater <data.json> <out.docx>`.
 */
import fs from 'node:fs';
import { docxtemplaterDocx, docxTemplateBytes, typstCompiler, typstPdf } from './peers.js';

const [peer, input, out, ...fonts] = process.argv.slice(2);
if (!input || !out) throw new Error('usage: coldPeer typst|docxtemplater <input> <out> [fonts…]');
if (peer === 'typst') fs.writeFileSync(out, typstPdf(typstCompiler(fonts), fs.readFileSync(input, 'utf8')));
else if (peer === 'docxtemplater') fs.writeFileSync(out, docxtemplaterDocx(docxTemplateBytes(), JSON.parse(fs.readFileSync(input, 'utf8'))));
else throw new Error(`unknown peer ${peer}`);

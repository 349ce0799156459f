/**
 * pdf-lib's runtime, from its single-file build: the same 1.17 code as its ~300 CommonJS
 * modules, loaded in about a third of the time — it counts on a cold `jianding render`.
 * Types still come from the package's declarations.
 */
import { createRequire } from 'node:module';
import type * as PdfLib from 'pdf-lib';

const require = createRequire(import.meta.url);
const lib = require('pdf-lib/dist/pdf-lib.min.js') as typeof PdfLib;

export const { PDFDocument, PDFName, PDFHexString, PDFString, PDFArray, PDFDict, PDFRawStream, PDFRef, PDFNumber, decodePDFRawStream } = lib;

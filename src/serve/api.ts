/**
 * The workbench's JSON API: list, read, validate, preview, save, render, download. Each handler
 * calls the same pipeline the CLI uses (loadCase, renderCase, renderFile, the register); no rule,
 * wording or layout lives here. Documented in openapi.json, which a test checks against ROUTES.
 */
import type { StyleOverrides } from '../document/styleOverrides.js';
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadCase, type CaseDefaults } from '../parse/loadCase.js';
import { renderCase } from '../pipeline/renderCase.js';
import { committedVersions, findCase, folderOf, registerFor, registerPath, sha256, versionTitle } from '../register/index.js';
import type { PdfFontConfig } from '../render/pdf/index.js';
import { UsageError } from '../cli/errors.js';
import { outputBaseName, readCaseBytes, writeAtomic } from '../cli/files.js';
import { renderFile } from '../cli/renderFile.js';
import type { DeidOptions } from '../deid/index.js';
import { caseNames, casePath, outputPath } from './caseFiles.js';
import { archiveCase, duplicateCase, newCase, savedText } from './caseActions.js';
import { domainFacts } from './domainFacts.js';
import { caseJsonSchema } from '../schema/jsonSchema.js';
import type { Reply, Request } from './http.js';
import { TOOL_NAME, TOOL_VERSION } from '../cli/version.js';

export interface Workbench {
  folder: string;
  out: string;
  register?: string;
  fonts?: PdfFontConfig;
  style?: StyleOverrides;
  defaults?: CaseDefaults;
  templatesDir?: string;
  /** Training samples: the config's date shift and reviewed allow-list. */
  deid?: DeidOptions;
}

const json = (status: number, body: unknown): Reply => ({ status, type: 'application/json; charset=utf-8', body: JSON.stringify(body) });
const notFound = (what: string): Reply => json(404, { message: `找不到：${what}` });

function latestVersion(w: Workbench, name: string) {
  if (!fs.existsSync(registerPath(w.out, w.register))) return undefined;
  const reg = registerFor(w.out, w.register);
  const c = findCase(reg.db, folderOf(reg, w.out), outputBaseName(name));
  const v = c ? committedVersions(reg.db, c.id).at(-1) : undefined;
  return v && { title: versionTitle(v.stream, v.number), stream: v.stream, committedAt: v.committedAt, files: v.files.map((f) => f.file) };
}

const count = (ds: Diagnostic[], s: Diagnostic['severity']) => ds.filter((d) => d.severity === s).length;

function listCases(w: Workbench): Reply {
  return json(200, caseNames(w.folder).map((name) => {
    const loaded = loadCase(readCaseBytes(path.join(w.folder, name)), name, w.defaults);
    const c = loaded.case;
    return {
      name, kind: c?.report.kind, patient: c?.basicInfo.patient.name, documentNumber: c?.report.documentNumber,
      errors: count(loaded.diagnostics, 'error'), warnings: count(loaded.diagnostics, 'warning'), latest: latestVersion(w, name),
    };
  }));
}

function readCase(w: Workbench, name: string): Reply {
  const file = casePath(w.folder, name);
  if (!file || !fs.existsSync(file)) return notFound(name);
  const bytes = Buffer.from(readCaseBytes(file));
  const loaded = loadCase(bytes, name, w.defaults);
  return json(200, { name, text: bytes.toString('utf8'), sha256: sha256(bytes), diagnostics: loaded.diagnostics, latest: latestVersion(w, name) });
}

function textOf(body: unknown): string | undefined {
  const text = (body as { text?: unknown } | undefined)?.text;
  return typeof text === 'string' ? text : undefined;
}

function validate(w: Workbench, body: unknown): Reply {
  const text = textOf(body);
  if (text === undefined) return json(400, { message: '请求须为 {"text": "案件文件内容"}' });
  const loaded = loadCase(Buffer.from(text), String((body as { name?: unknown }).name ?? 'case.yaml'), w.defaults);
  return json(200, { ok: loaded.ok, diagnostics: loaded.diagnostics });
}

async function preview(w: Workbench, body: unknown): Promise<Reply> {
  const text = textOf(body);
  if (text === undefined) return json(400, { message: '请求须为 {"text": "案件文件内容"}' });
  const loaded = loadCase(Buffer.from(text), String((body as { name?: unknown }).name ?? 'case.yaml'), w.defaults);
  if (!loaded.ok || !loaded.case) return json(422, { ok: false, diagnostics: loaded.diagnostics });
  const rendered = await renderCase(loaded.case, { formats: ['pdf'], templatesDir: w.templatesDir, fonts: w.fonts, style: w.style, caseSha256: loaded.sha256, generator: `${TOOL_NAME} ${TOOL_VERSION}` });
  // Each heading's page, so the page can show the part being edited (header: ASCII only, so URI-encoded JSON).
  return { status: 200, type: 'application/pdf', body: Buffer.from(rendered.outputs[0]!.bytes), headers: { 'X-Jianding-Anchors': encodeURIComponent(JSON.stringify(rendered.anchors)) } };
}

/**
 * Atomic save of the source text, or of the form's data written into the file (comments and
 * order kept); refuses when the file changed on disk since the client read it.
 */
function save(w: Workbench, name: string, body: unknown): Reply {
  const file = casePath(w.folder, name);
  if (!file) return notFound(name);
  const b = (body ?? {}) as { text?: unknown; data?: unknown; baseSha256?: unknown };
  const bytes = fs.existsSync(file) ? Buffer.from(readCaseBytes(file)) : undefined;
  const current = bytes && sha256(bytes);
  if (current !== undefined && b.baseSha256 !== current) return json(409, { message: `${name} 在打开之后已在磁盘上被改动；为免覆盖他人的修改，未保存`, sha256: current });
  const text = savedText(file, bytes?.toString('utf8') ?? '', b);
  if (text === undefined) return json(400, { message: '请求须为 {"text": "…"} 或 {"data": {…}}，并带 baseSha256' });
  writeAtomic(file, text);
  return json(200, { sha256: sha256(Buffer.from(text)), text });
}

async function render(w: Workbench, name: string, body: unknown): Promise<Reply> {
  const file = casePath(w.folder, name);
  if (!file || !fs.existsSync(file)) return notFound(name);
  const b = (body ?? {}) as { status?: unknown; correction?: { kind?: unknown; reason?: unknown } };
  const sample = b.status === 'sample';
  const status = b.status === 'final' ? 'final' : b.status === 'draft' ? 'draft' : undefined;
  const reason = typeof b.correction?.reason === 'string' ? b.correction.reason.trim() : '';
  const correction = reason ? { kind: b.correction?.kind === '补正' ? '补正' as const : '更正' as const, reason } : undefined;
  const r = await renderFile(file, {
    out: w.out, formats: ['docx', 'pdf'], status: correction ? 'final' : status, correction, sample: sample && !correction, deid: w.deid,
    fonts: w.fonts, style: w.style, defaults: w.defaults, templatesDir: w.templatesDir, register: w.register,
  });
  // A final in the way is said in the page's words: its way forward is the page's 「生成更正版本」, not a CLI flag.
  const failure = r.failure?.correctable ? '本案已有正式文书，正式文书一经生成即不可替换。如需修改，请「生成更正版本」并写明原因（原正式文书保留）。' : r.failure?.message;
  return json(r.exitCode === 0 ? 200 : 422, {
    outcome: r.outcome, version: r.version && { ...r.version, files: r.version.files.map((f) => path.basename(f)) },
    diagnostics: r.diagnostics, failure, correctable: r.failure?.correctable ?? false,
  });
}

function download(w: Workbench, name: string): Reply {
  const file = outputPath(w.out, name);
  if (!file || !fs.lstatSync(file, { throwIfNoEntry: false })?.isFile()) return notFound(name);
  const type = name.endsWith('.pdf') ? 'application/pdf' : name.endsWith('.docx') ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
    : name.endsWith('.txt') ? 'text/plain; charset=utf-8' : 'application/json';
  return { status: 200, type, body: fs.readFileSync(file), download: name };
}

type Handler = (w: Workbench, req: Request, params: string[]) => Reply | Promise<Reply>;

/** Method, path pattern (segments after /api/), handler. The OpenAPI test reads this table. */
export const ROUTES: [string, RegExp, string, Handler][] = [
  ['GET', /^cases$/, '/api/cases', (w) => listCases(w)],
  ['GET', /^cases\/([^/]+)$/, '/api/cases/{name}', (w, _r, [n]) => readCase(w, n!)],
  ['PUT', /^cases\/([^/]+)$/, '/api/cases/{name}', (w, r, [n]) => save(w, n!, r.body)],
  ['POST', /^cases\/([^/]+)\/render$/, '/api/cases/{name}/render', (w, r, [n]) => render(w, n!, r.body)],
  ['POST', /^validate$/, '/api/validate', (w, r) => validate(w, r.body)],
  ['POST', /^preview$/, '/api/preview', (w, r) => preview(w, r.body)],
  ['GET', /^files\/([^/]+)$/, '/api/files/{file}', (w, _r, [n]) => download(w, n!)],
  ['POST', /^cases$/, '/api/cases', (w, r) => newCase(w.folder, r.body)],
  ['POST', /^cases\/([^/]+)\/duplicate$/, '/api/cases/{name}/duplicate', (w, r, [n]) => duplicateCase(w.folder, n!, r.body)],
  ['POST', /^cases\/([^/]+)\/archive$/, '/api/cases/{name}/archive', (w, _r, [n]) => archiveCase(w.folder, n!)],
  ['GET', /^schema$/, '/api/schema', () => json(200, (schema ??= caseJsonSchema()))],
  ['GET', /^domain$/, '/api/domain', () => json(200, domainFacts())],
];

/** The JSON Schema never changes while the server runs: built on first request. */
let schema: Record<string, unknown> | undefined;

export async function handleApi(w: Workbench, req: Request, rest: string): Promise<Reply> {
  for (const [method, pattern, , handler] of ROUTES) {
    const m = pattern.exec(rest);
    if (!m || method !== req.method) continue;
    try {
      return await handler(w, req, m.slice(1).map((s) => decodeURIComponent(s)));
    } catch (e) {
      // A case file that is not a regular file, too large, or unreadable: the CLI's own refusal, in its words.
      if (e instanceof UsageError) return json(400, { message: e.message });
      throw e;
    }
  }
  return json(404, { message: `没有这个接口：${req.method} /api/${rest}` });
}

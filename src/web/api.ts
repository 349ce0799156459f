/**
 * The workbench API as the page uses it (src/serve/openapi.json). The token travels in the
 * HttpOnly cookie; fetch sends Origin on POST/PUT, which the server requires of a browser.
 */
export type Kind = 'association' | 'judicial' | 'accident';

import type { Diagnostic } from '../diagnostics/diagnostic';

/** The engine's own diagnostic type: the page shows exactly what the CLI prints. */
export type { Diagnostic };

export interface Version {
  title: string;
  stream?: 'draft' | 'final' | 'sample';
  committedAt?: string;
  files: string[];
}

export interface CaseSummary {
  name: string;
  kind?: Kind;
  patient?: string;
  documentNumber?: string;
  errors: number;
  warnings: number;
  latest?: Version;
}

export interface CaseFile {
  name: string;
  text: string;
  sha256: string;
  diagnostics: Diagnostic[];
  latest?: Version;
}

export interface RenderResult {
  outcome: 'written' | 'upToDate' | 'issued' | 'invalid' | 'failed';
  version?: Version;
  diagnostics: Diagnostic[];
  failure?: string;
  /** A final stands in the way: a corrected version is the way forward. */
  correctable?: boolean;
}

export interface Correction { kind: '更正' | '补正'; reason: string }

export const KIND_NAMES: Record<Kind, string> = {
  association: '医学会鉴定意见书',
  judicial: '司法鉴定意见书',
  accident: '医疗事故技术鉴定书',
};

/** An HTTP failure with the server's Chinese message, when it sent one. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly body?: unknown) {
    super(message);
  }
}

async function call(method: string, url: string, body?: unknown, signal?: AbortSignal): Promise<Response> {
  const init: RequestInit = { method, signal, credentials: 'same-origin' };
  if (body !== undefined) {
    init.headers = { 'Content-Type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  const r = await fetch(url, init);
  if (r.ok) return r;
  const parsed = await r.json().catch(() => undefined) as { message?: string } | undefined;
  throw new ApiError(r.status, parsed?.message ?? `服务器返回 ${r.status}`, parsed);
}

const path = (name: string) => `/api/cases/${encodeURIComponent(name)}`;

export const listCases = async (): Promise<CaseSummary[]> => (await call('GET', '/api/cases')).json();

export const readCase = async (name: string): Promise<CaseFile> => (await call('GET', path(name))).json();

export const saveCase = async (name: string, text: string, baseSha256: string): Promise<{ sha256: string }> =>
  (await call('PUT', path(name), { text, baseSha256 })).json();

export const validate = async (name: string, text: string, signal?: AbortSignal): Promise<{ ok: boolean; diagnostics: Diagnostic[] }> =>
  (await call('POST', '/api/validate', { name, text }, signal)).json();

/** The PDF, or the diagnostics that kept it from being made (422). */
export interface Anchor { text: string; page: number }

export async function preview(name: string, text: string, signal?: AbortSignal): Promise<{ pdf: Blob; anchors: Anchor[] } | { diagnostics: Diagnostic[] }> {
  try {
    const r = await call('POST', '/api/preview', { name, text }, signal);
    const anchors = JSON.parse(decodeURIComponent(r.headers.get('X-Jianding-Anchors') ?? '%5B%5D')) as Anchor[];
    return { pdf: await r.blob(), anchors };
  } catch (e) {
    if (e instanceof ApiError && e.status === 422) return { diagnostics: (e.body as { diagnostics: Diagnostic[] }).diagnostics };
    throw e;
  }
}

/** A render's reply: 422 still carries the outcome (invalid, failed) and its reason. */
export async function render(name: string, status: 'draft' | 'final' | 'sample', correction?: Correction): Promise<RenderResult> {
  try {
    return await (await call('POST', `${path(name)}/render`, { status, correction })).json();
  } catch (e) {
    if (e instanceof ApiError && e.status === 422 && e.body) return e.body as RenderResult;
    throw e;
  }
}

export const fileUrl = (file: string): string => `/api/files/${encodeURIComponent(file)}`;

/** The case's JSON Schema and the domain facts, for the form (one source: the server). */
export const getSchema = async (): Promise<import('./form/schema').JsonSchema> => (await call('GET', '/api/schema')).json();
export const getDomain = async (): Promise<import('./form/context').DomainFacts> => (await call('GET', '/api/domain')).json();

export const newCase = async (name: string, kind: Kind, blank: boolean): Promise<void> => { await call('POST', '/api/cases', { name, kind, blank }); };
export const duplicateCase = async (name: string, to: string): Promise<void> => { await call('POST', `${path(name)}/duplicate`, { name: to }); };
export const archiveCase = async (name: string): Promise<void> => { await call('POST', `${path(name)}/archive`); };

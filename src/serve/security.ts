/**
 * The workbench serves one person on one machine (the Jupyter model): it listens on 127.0.0.1
 * only, and every request must carry the random token of this run — in the address the first
 * time, then as an HttpOnly cookie, or as `Authorization: Bearer` for another program. The Host
 * header must name this server (DNS rebinding) and a browser's Origin must be this server (CSRF).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export interface Refusal {
  status: number;
  message: string;
}

export const newToken = (): string => randomBytes(24).toString('base64url');

export const cookieName = (port: number): string => `jianding_token_${port}`;

const hostsFor = (port: number) => [`127.0.0.1:${port}`, `localhost:${port}`];

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(headers: IncomingHttpHeaders, port: number): string | undefined {
  const prefix = `${cookieName(port)}=`;
  return headers.cookie?.split(';').map((c) => c.trim()).find((c) => c.startsWith(prefix))?.slice(prefix.length);
}

function bearer(headers: IncomingHttpHeaders): string | undefined {
  const m = /^Bearer (\S+)$/.exec(headers.authorization ?? '');
  return m?.[1];
}

/** How the request proved it holds the token, if it did. */
export function tokenSource(headers: IncomingHttpHeaders, query: URLSearchParams, token: string, port: number): 'query' | 'cookie' | 'bearer' | undefined {
  if (sameToken(bearer(headers), token)) return 'bearer';
  if (sameToken(cookieToken(headers, port), token)) return 'cookie';
  if (sameToken(query.get('token') ?? undefined, token)) return 'query';
  return undefined;
}

/** Host and Origin checks; undefined when the request may go on to the token check. */
export function checkOrigin(method: string, headers: IncomingHttpHeaders, port: number): Refusal | undefined {
  if (!hostsFor(port).includes(headers.host ?? '')) return { status: 403, message: `拒绝：Host「${headers.host ?? ''}」不是本机的工作台地址（防 DNS 重绑定）` };
  const origin = headers.origin;
  if (origin !== undefined && !hostsFor(port).some((h) => origin === `http://${h}`)) return { status: 403, message: `拒绝：来自「${origin}」的跨站请求` };
  // A state-changing request from a browser always names its origin; only a program with the Bearer token may omit it.
  if (!['GET', 'HEAD'].includes(method) && origin === undefined && !bearer(headers)) return { status: 403, message: '拒绝：修改数据的请求须来自工作台页面或带有 Authorization 令牌' };
  return undefined;
}

/** No inline scripts or styles, nothing from elsewhere; the preview PDF is a blob of this origin. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: blob:", "connect-src 'self'",
  "frame-src 'self' blob:", "object-src 'self' blob:", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

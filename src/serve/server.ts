/**
 * `jianding serve`: the workbench's HTTP edge on 127.0.0.1. Every request passes the Host,
 * Origin and token checks first; the page and its bundled assets come from the package (no CDN),
 * the API from api.ts.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import { handleApi, type Workbench } from './api.js';
import { BodyError, readJsonBody, type Reply } from './http.js';
import { checkOrigin, CONTENT_SECURITY_POLICY, cookieName, newToken, tokenSource } from './security.js';
import openapi from './openapi.json' with { type: 'json' };

export interface ServeOptions extends Workbench {
  port?: number;
  token?: string;
}

export interface Running {
  url: string;
  port: number;
  token: string;
  close: () => Promise<void>;
}

const WEB = path.join(PACKAGE_ROOT, 'dist', 'web');
const ASSET_TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.woff2': 'font/woff2', '.svg': 'image/svg+xml' };

function asset(name: string): Reply | undefined {
  if (!/^[\w.-]+$/.test(name)) return undefined;
  const file = path.join(WEB, name);
  const type = ASSET_TYPES[path.extname(name)];
  if (!type || !fs.existsSync(file)) return undefined;
  return { status: 200, type, body: fs.readFileSync(file) };
}

function page(): Reply {
  const file = path.join(WEB, 'index.html');
  if (!fs.existsSync(file)) return { status: 500, type: 'text/plain; charset=utf-8', body: '工作台页面未构建：请先运行 npm run build' };
  return { status: 200, type: 'text/html; charset=utf-8', body: fs.readFileSync(file) };
}

const text = (status: number, message: string): Reply => ({ status, type: 'application/json; charset=utf-8', body: JSON.stringify({ message }) });

const NO_TOKEN = '拒绝：缺少或错误的访问令牌。请使用 jianding serve 打印的完整地址打开工作台';

/** The refusal a person sees in the browser: a page saying what to do, not JSON. Static text only. */
const NO_TOKEN_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>jianding 工作台：需要访问令牌</title></head>
<body><h1>需要访问令牌</h1><p>${NO_TOKEN}。</p>
<p>在运行 <code>jianding serve</code> 的终端窗口中，复制以 http://127.0.0.1 开头、含 <code>?token=</code> 的完整地址，粘贴到浏览器的地址栏。</p></body></html>
`;

const wantsPage = (req: http.IncomingMessage, pathname: string) =>
  req.method === 'GET' && !pathname.startsWith('/api/') && /\btext\/html\b/.test(req.headers.accept ?? '');

function send(res: http.ServerResponse, r: Reply, extra: Record<string, string> = {}): void {
  res.writeHead(r.status, {
    'Content-Type': r.type, 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store',
    ...(r.download ? { 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(r.download)}` } : {}),
    ...r.headers,
    ...extra,
  });
  res.end(r.body);
}

async function route(o: ServeOptions & { token: string; port: number }, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const refused = checkOrigin(req.method ?? 'GET', req.headers, o.port);
  if (refused) return send(res, text(refused.status, refused.message));
  const proof = tokenSource(req.headers, url.searchParams, o.token, o.port);
  if (!proof) return send(res, wantsPage(req, url.pathname) ? { status: 401, type: 'text/html; charset=utf-8', body: NO_TOKEN_PAGE } : text(401, NO_TOKEN));
  if (proof === 'query') {
    // The token moves into an HttpOnly cookie and out of the address bar (and of the history).
    const cookie = `${cookieName(o.port)}=${o.token}; HttpOnly; SameSite=Strict; Path=/`;
    return send(res, { status: 303, type: 'text/plain; charset=utf-8', body: '' }, { Location: url.pathname, 'Set-Cookie': cookie });
  }
  if (url.pathname === '/' && req.method === 'GET') return send(res, page());
  if (url.pathname.startsWith('/assets/') && req.method === 'GET') return send(res, asset(url.pathname.slice(8)) ?? text(404, '找不到'));
  if (url.pathname === '/api/openapi.json') return send(res, { status: 200, type: 'application/json; charset=utf-8', body: JSON.stringify(openapi) });
  if (url.pathname.startsWith('/api/')) return send(res, await handleApi(o, { method: req.method ?? 'GET', body: await readJsonBody(req) }, url.pathname.slice(5)));
  return send(res, text(404, '找不到'));
}

export function serve(o: ServeOptions): Promise<Running> {
  const token = o.token ?? newToken();
  return new Promise((resolve, reject) => {
    const server = http.createServer((req, res) => {
      const port = (server.address() as { port: number }).port;
      route({ ...o, token, port }, req, res).catch((e: unknown) => {
        // The rest of an oversized body is not read: the connection closes after the reply.
        if (e instanceof BodyError) return send(res, text(e.status, e.message), { Connection: 'close' });
        send(res, text(500, `内部错误（这是 jianding 的缺陷）：${(e as Error).message}`));
      });
    });
    server.requestTimeout = 120_000;
    server.on('error', reject);
    // Loopback only: the workbench is never reachable from another machine.
    server.listen(o.port ?? 0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      resolve({ url: `http://127.0.0.1:${port}/?token=${token}`, port, token, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

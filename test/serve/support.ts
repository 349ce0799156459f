/** A workbench started in process on a temporary folder, and raw HTTP requests against it. */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { serve, type Running } from '../../src/serve/server.js';
import { tmpDir } from '../support/cli.js';

export async function workbench(cases: Record<string, string> = {}): Promise<Running & { folder: string; out: string }> {
  const folder = tmpDir('jd-wb-');
  for (const [name, text] of Object.entries(cases)) fs.writeFileSync(path.join(folder, name), text);
  const out = path.join(folder, 'output');
  return { ...(await serve({ folder, out })), folder, out };
}

export interface Raw { status: number; headers: http.IncomingHttpHeaders; body: Buffer }

/** A request with exactly the headers given (fetch would not let a test forge Host). */
export function raw(port: number, method: string, urlPath: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: urlPath.replace(/[^\x00-\x7F]/gu, (c) => encodeURIComponent(c)), headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** A program's call: Bearer token, JSON in and out. */
export async function api(w: Running, method: string, urlPath: string, body?: unknown): Promise<{ status: number; json: any; bytes: Buffer; headers: http.IncomingHttpHeaders }> {
  const headers: Record<string, string> = { authorization: `Bearer ${w.token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const r = await raw(w.port, method, urlPath, headers, body === undefined ? undefined : JSON.stringify(body));
  const isJson = /json/.test(String(r.headers['content-type']));
  return { status: r.status, json: isJson ? JSON.parse(r.body.toString('utf8')) : undefined, bytes: r.body, headers: r.headers };
}

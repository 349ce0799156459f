/** The workbench serves one person on one machine (issue 12, Safety): each check is tested. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../../src/serve/server.js';
import { raw, workbench } from './support.js';

let w: Running & { folder: string };
beforeAll(async () => { w = await workbench({ 'case.yaml': 'report: {}\n' }); });
afterAll(async () => { await w.close(); });

const bearer = () => ({ authorization: `Bearer ${w.token}` });

describe('workbench safety', () => {
  it('listens on 127.0.0.1 only, with a random token in the printed address', () => {
    expect(w.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
  });

  it('a request without the token, or with a wrong one, is refused', async () => {
    expect((await raw(w.port, 'GET', '/api/cases')).status).toBe(401);
    expect((await raw(w.port, 'GET', '/api/cases', { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await raw(w.port, 'GET', '/?token=wrong')).status).toBe(401);
    const refused = await raw(w.port, 'GET', '/');
    expect(JSON.parse(refused.body.toString()).message).toContain('访问令牌');
    // A browser opening the page gets a page that says what to do; the API still answers JSON.
    const page = await raw(w.port, 'GET', '/', { accept: 'text/html,*/*' });
    expect(page.status).toBe(401);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body.toString()).toContain('?token=');
    expect((await raw(w.port, 'GET', '/api/cases', { accept: 'text/html' })).headers['content-type']).toMatch(/json/);
  });

  it('the token in the address becomes an HttpOnly, SameSite cookie and leaves the address bar', async () => {
    const first = await raw(w.port, 'GET', `/?token=${w.token}`);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const withCookie = await raw(w.port, 'GET', '/api/cases', { cookie: cookie.split(';')[0]! });
    expect(withCookie.status).toBe(200);
  });

  it('a foreign Host (DNS rebinding) and a foreign Origin (CSRF) are refused even with the token', async () => {
    expect((await raw(w.port, 'GET', '/api/cases', { ...bearer(), host: 'evil.example:80' })).status).toBe(403);
    expect((await raw(w.port, 'GET', '/api/cases', { ...bearer(), host: `evil.example:${w.port}` })).status).toBe(403);
    expect((await raw(w.port, 'POST', '/api/validate', { ...bearer(), origin: 'http://evil.example', 'content-type': 'application/json' }, '{"text":""}')).status).toBe(403);
    expect((await raw(w.port, 'GET', '/api/cases', { ...bearer(), host: `localhost:${w.port}`, origin: `http://localhost:${w.port}` })).status).toBe(200);
  });

  it('a state-changing request with only the cookie must come from the workbench page (Origin)', async () => {
    const cookie = `jianding_token_${w.port}=${w.token}`;
    const body = '{"text":"x"}';
    expect((await raw(w.port, 'POST', '/api/validate', { cookie, 'content-type': 'application/json' }, body)).status).toBe(403);
    expect((await raw(w.port, 'POST', '/api/validate', { cookie, origin: `http://127.0.0.1:${w.port}`, 'content-type': 'application/json' }, body)).status).toBe(200);
  });

  it('every reply carries a Content-Security-Policy without inline scripts', async () => {
    const r = await raw(w.port, 'GET', '/api/cases', bearer());
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('request size and type are limited', async () => {
    const big = Buffer.alloc(21 * 1024 * 1024, 0x20);
    expect((await raw(w.port, 'POST', '/api/validate', { ...bearer(), 'content-type': 'application/json' }, big)).status).toBe(413);
    expect((await raw(w.port, 'POST', '/api/validate', { ...bearer(), 'content-type': 'text/plain' }, 'text: x')).status).toBe(415);
  });

  it('every path is confined to the folder', async () => {
    for (const p of ['/api/cases/..%2F..%2Fetc%2Fpasswd', '/api/cases/%2Fetc%2Fhosts', '/api/files/..%2Fcase.yaml', '/api/files/.jianding-register.sqlite', '/assets/..%2F..%2Fpackage.json']) {
      expect((await raw(w.port, 'GET', p, bearer())).status, p).toBe(404);
    }
    const put = await raw(w.port, 'PUT', '/api/cases/..%2Fescape.yaml', { ...bearer(), 'content-type': 'application/json' }, '{"text":"x"}');
    expect(put.status).toBe(404);
  });
});

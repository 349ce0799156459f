/**
 * The workbench's JSON API, as another program uses it with the token (issue 12, Integration):
 * the same diagnostics as the CLI, a preview from the same pipeline, an atomic save that will
 * not overwrite someone else's change, a render through the register, downloads.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../src/serve/api.js';
import openapi from '../../src/serve/openapi.json' with { type: 'json' };
import type { Running } from '../../src/serve/server.js';
import { jianding } from '../support/cli.js';
import { api, workbench } from './support.js';

const VALID = fs.readFileSync('templates/init/association.yaml', 'utf8');
const BAD = VALID.replace('participation: 30 ', 'participation: 45 ');

let w: Running & { folder: string; out: string };
beforeAll(async () => { w = await workbench({ 'case.yaml': VALID, 'bad.yaml': BAD, 'notes.txt': 'x' }); });
afterAll(async () => { await w.close(); });

describe('workbench API', () => {
  it('lists the folder’s cases with kind, patient, errors and warnings', async () => {
    const r = await api(w, 'GET', '/api/cases');
    expect(r.status).toBe(200);
    expect(r.json.map((c: { name: string }) => c.name)).toEqual(['bad.yaml', 'case.yaml']);
    const good = r.json.find((c: { name: string }) => c.name === 'case.yaml');
    expect(good).toMatchObject({ kind: 'association', patient: '张某某', errors: 0 });
    expect(r.json.find((c: { name: string }) => c.name === 'bad.yaml').errors).toBe(1);
  });

  it('validate gives the same diagnostics as jianding validate --json', async () => {
    const r = await api(w, 'POST', '/api/validate', { text: BAD, name: 'bad.yaml' });
    const cli = JSON.parse(jianding(['validate', '--json', path.join(w.folder, 'bad.yaml')]).stdout)[0];
    expect(r.json.ok).toBe(false);
    expect(r.json.diagnostics).toEqual(cli.diagnostics);
  });

  it('preview returns the PDF of the text sent, and diagnostics when it has errors', async () => {
    const ok = await api(w, 'POST', '/api/preview', { text: VALID.replace('张某某', '张某乙') });
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toBe('application/pdf');
    expect(ok.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const bad = await api(w, 'POST', '/api/preview', { text: BAD });
    expect(bad.status).toBe(422);
    expect(bad.json.diagnostics[0].code).toBe('CAUSATION_PARTICIPATION_RANGE');
  });

  it('save is atomic and refuses when the file changed on disk since it was read', async () => {
    const read = await api(w, 'GET', '/api/cases/case.yaml');
    const edited = read.json.text.replace('# jianding 案件文件示例', '# jianding 案件文件示例（已编辑）');
    expect((await api(w, 'PUT', '/api/cases/case.yaml', { text: edited, baseSha256: read.json.sha256 })).status).toBe(200);
    expect(fs.readFileSync(path.join(w.folder, 'case.yaml'), 'utf8')).toBe(edited);
    const stale = await api(w, 'PUT', '/api/cases/case.yaml', { text: 'x', baseSha256: read.json.sha256 });
    expect(stale.status).toBe(409);
    expect(stale.json.message).toContain('已在磁盘上被改动');
    expect(fs.readFileSync(path.join(w.folder, 'case.yaml'), 'utf8')).toBe(edited);
    expect(fs.readdirSync(w.folder).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('render goes through the register like the CLI, and both files download', async () => {
    const r = await api(w, 'POST', '/api/cases/case.yaml/render', { status: 'final' });
    expect(r.status).toBe(200);
    expect(r.json.outcome).toBe('written');
    expect(r.json.version.files).toEqual(['case.docx', 'case.pdf']);
    const pdf = await api(w, 'GET', '/api/files/case.pdf');
    expect(pdf.bytes).toEqual(fs.readFileSync(path.join(w.out, 'case.pdf')));
    expect(String(pdf.headers['content-disposition'])).toContain('attachment');
    expect((await api(w, 'GET', '/api/files/case.docx')).status).toBe(200);
    const again = await api(w, 'POST', '/api/cases/bad.yaml/render', { status: 'final' });
    expect(again.status).toBe(422);
    const list = await api(w, 'GET', '/api/cases');
    expect(list.json.find((c: { name: string }) => c.name === 'case.yaml').latest.title).toBe('正式文书');
  });

  it('the OpenAPI file served is the one in the repo, and documents exactly the real routes', async () => {
    const served = await api(w, 'GET', '/api/openapi.json');
    expect(served.json).toEqual(openapi);
    const documented = Object.entries(openapi.paths).flatMap(([p, ops]) => Object.keys(ops).filter((k) => k !== 'parameters').map((m) => `${m.toUpperCase()} ${p}`));
    const real = [...ROUTES.map(([m, , p]) => `${m} ${p}`), 'GET /api/openapi.json'];
    expect(documented.sort()).toEqual(real.sort());
  });
});

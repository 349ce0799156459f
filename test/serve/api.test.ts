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
    // Each heading's page, for the page to open the preview where the user is editing.
    const anchors = JSON.parse(decodeURIComponent(String(ok.headers['x-jianding-anchors']))) as { text: string; page: number }[];
    expect(anchors.find((a) => a.text.includes('因果关系'))?.page).toBeGreaterThan(1);
    expect(anchors.map((a) => a.page)).toEqual([...anchors.map((a) => a.page)].sort((a, b) => a - b));
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

describe('case list actions and the form’s save', () => {
  it('new case from a kind’s example, duplicate, archive; names are checked', async () => {
    const created = await api(w, 'POST', '/api/cases', { name: '新案.yaml', kind: 'judicial' });
    expect(created.status).toBe(201);
    expect(fs.readFileSync(path.join(w.folder, '新案.yaml'), 'utf8')).toBe(fs.readFileSync('templates/init/judicial.yaml', 'utf8'));
    expect((await api(w, 'POST', '/api/cases', { name: '新案.yaml', kind: 'judicial' })).status).toBe(409);
    expect((await api(w, 'POST', '/api/cases', { name: '../x.yaml', kind: 'judicial' })).status).toBe(400);
    expect((await api(w, 'POST', '/api/cases/新案.yaml/duplicate', { name: '新案2.yaml' })).status).toBe(201);
    expect((await api(w, 'POST', '/api/cases/新案2.yaml/archive')).status).toBe(200);
    expect(fs.existsSync(path.join(w.folder, '归档', '新案2.yaml'))).toBe(true);
    expect((await api(w, 'GET', '/api/cases')).json.map((c: { name: string }) => c.name)).not.toContain('新案2.yaml');
  });

  it('saving the form’s data changes only the edited line and keeps every comment', async () => {
    const read = await api(w, 'GET', '/api/cases/新案.yaml');
    const data = (await import('yaml')).parse(read.json.text);
    data.basicInfo.patient.name = '王某某';
    const saved = await api(w, 'PUT', '/api/cases/新案.yaml', { data, baseSha256: read.json.sha256 });
    expect(saved.status).toBe(200);
    const before = read.json.text.split('\n');
    const after = fs.readFileSync(path.join(w.folder, '新案.yaml'), 'utf8').split('\n');
    expect(after.filter((l: string, i: number) => l !== before[i])).toHaveLength(1);
    expect(saved.json.text).toBe(after.join('\n'));
  });

  it('the form reads the schema and the participation ranges from the server (one source)', async () => {
    const schema = (await api(w, 'GET', '/api/schema')).json;
    expect(schema.properties.causationAnalysis).toBeDefined();
    const minor = (await api(w, 'GET', '/api/domain')).json.causation.find((c: { code: string }) => c.code === 'minor');
    expect(minor).toMatchObject({ association: '次要因素', judicial: '次要作用', min: 16, max: 44, suggested: 30 });
  });
});

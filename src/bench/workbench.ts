/**
 * Workbench benchmark (a measurement, not a test): a real `jianding serve` process, a 12-page
 * case, N edits of one paragraph; each edit is sent as the page sends it after typing stops
 * (validate, then preview). Prints the edit-to-preview time (median, p95) and the server's memory
 * after the edits. The browser's own debounce and PDF display come on top of this.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { PACKAGE_ROOT } from '../paths.js';

const CASE = path.join(PACKAGE_ROOT, 'fixtures', '04_accident_second_pediatric_testicular_torsion.yaml');

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

async function start(folder: string): Promise<{ url: URL; token: string; pid: number; stop: () => void }> {
  const child = spawn(process.execPath, [path.join(PACKAGE_ROOT, 'dist', 'jianding.mjs'), 'serve', folder], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve) => child.stdout.on('data', (d: Buffer) => resolve(d.toString())));
  const url = new URL(/http:\S+/.exec(line)![0]);
  return { url, token: url.searchParams.get('token')!, pid: child.pid!, stop: () => child.kill('SIGINT') };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { n: { type: 'string', default: '1000' } } });
  const n = Number(values.n);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'jd-wb-bench-'));
  const original = fs.readFileSync(CASE, 'utf8');
  fs.writeFileSync(path.join(folder, 'case.yaml'), original);
  const server = await start(folder);
  const post = (route: string, text: string) => fetch(new URL(route, server.url), {
    method: 'POST', headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ text, name: 'case.yaml' }),
  });
  const times: number[] = [];
  let pages = 0;
  for (let i = 0; i < n; i++) {
    // One keystroke's worth of change in a narrative paragraph.
    const text = original.replace('患儿', `患儿${'甲乙丙丁'[i % 4]}`);
    const t = performance.now();
    await (await post('/api/validate', text)).json();
    const pdf = Buffer.from(await (await post('/api/preview', text)).arrayBuffer());
    times.push(performance.now() - t);
    if (i === 0) pages = (await PDFDocument.load(pdf)).getPageCount();
  }
  const rss = rssMb(server.pid);
  server.stop();
  console.log(`工作台基准：${os.cpus()[0]?.model ?? ''}，${os.availableParallelism()} 核，Node ${process.version}；案件 ${path.basename(CASE)}（${pages} 页），${n} 次编辑`);
  console.log(`编辑到预览（校验 + 生成 PDF，接口往返）：中位 ${percentile(times, 50).toFixed(0)} ms，p95 ${percentile(times, 95).toFixed(0)} ms，首次 ${times[0]!.toFixed(0)} ms`);
  console.log(`${n} 次编辑后服务器内存（RSS）：${rss.toFixed(0)} MB`);
}

void main();

/**
 * Batch workers (and separate processes) starting on a fresh output folder at the same moment
 * all open one register: none sees a half-made file, none fails, and none removes the register
 * another one is already writing to (which would lose what that one records).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../support/cli.js';

const DATABASE = path.resolve('dist/register/database.js');
const THREADS = 8;

/** Each thread waits at the barrier, then opens the register and records one case. */
const THREAD = `
const { workerData, parentPort } = require('node:worker_threads');
import(workerData.database).then(({ openRegister }) => {
  const barrier = new Int32Array(workerData.barrier);
  Atomics.add(barrier, 0, 1);
  while (Atomics.load(barrier, 0) < workerData.threads) {}
  try {
    const db = openRegister(workerData.file);
    db.prepare('INSERT INTO cases (folder, name) VALUES (?, ?)').run('.', 'case' + workerData.n + '.yaml');
    parentPort.postMessage({ ok: true });
  } catch (e) {
    parentPort.postMessage({ ok: false, message: String(e && e.message) });
  }
});
`;

function openAtOnce(file: string): Promise<{ ok: boolean; message?: string }[]> {
  const barrier = new SharedArrayBuffer(4);
  return Promise.all(Array.from({ length: THREADS }, (_, n) => new Promise<{ ok: boolean; message?: string }>((resolve, reject) => {
    const w = new Worker(THREAD, { eval: true, workerData: { database: DATABASE, file, barrier, threads: THREADS, n } });
    w.once('message', (m) => { resolve(m); void w.terminate(); });
    w.once('error', reject);
  })));
}

describe('a register created by several writers at once', () => {
  it('every writer opens it and every record is kept, ten times over', async () => {
    for (let round = 0; round < 10; round++) {
      const dir = tmpDir('jd-register-race-');
      const file = path.join(dir, 'out', 'jianding-register.sqlite');
      const results = await openAtOnce(file);
      expect(results.filter((r) => !r.ok), `round ${round}`).toEqual([]);
      const db = new Database(file, { readonly: true });
      const names = (db.prepare('SELECT name FROM cases ORDER BY name').all() as { name: string }[]).map((r) => r.name);
      expect(names).toHaveLength(THREADS);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      db.close();
      // Nothing left of the set-up but the register and SQLite's own companions.
      expect(fs.readdirSync(path.dirname(file)).filter((f) => !f.startsWith('jianding-register.sqlite'))).toEqual([]);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

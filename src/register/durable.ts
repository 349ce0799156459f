/**
 * Durable writes: a file is complete on disk (fsync) before it is renamed, and the folder is
 * synced after the renames, so a committed version never names a file a crash could still lose.
 */
import fs from 'node:fs';

export function writeDurable(file: string, data: Uint8Array): void {
  const fd = fs.openSync(file, 'wx');
  try {
    let offset = 0;
    while (offset < data.length) offset += fs.writeSync(fd, data, offset, data.length - offset);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on a folder; the renames are still ordered by the kernel.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Test builds widen the window between renames and the commit (JIANDING_TEST_PAUSE_MS) and say
 * where they pause on stderr, so the crash test can kill a render exactly there. Unset, it costs nothing.
 */
export function testPause(point: string): void {
  // Read at each call, not when the module loads: the environment is the caller's, not the loader's.
  const pauseMs = Number(process.env.JIANDING_TEST_PAUSE_MS ?? 0);
  if (!(pauseMs > 0)) return;
  fs.writeSync(2, `JIANDING_TEST_PAUSE ${point}\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pauseMs);
}

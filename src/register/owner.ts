/**
 * Who holds a reservation. A pending version is owned by one process; when that process is
 * gone (killed, crashed, the machine rebooted) its reservation is stale and the next run
 * removes it with its files. The process start time guards against a reused pid.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';

export interface Owner {
  host: string;
  pid: number;
  /** Start time of the process in clock ticks since boot (Linux), or 0 where unknown. */
  started: number;
  token: string;
}

function startTicks(pid: number): number {
  try {
    // Field 22 of /proc/<pid>/stat; the command name (field 2) may contain spaces, so split after it.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]) || 0;
  } catch {
    return 0;
  }
}

const self = { host: os.hostname(), pid: process.pid, started: startTicks(process.pid) };

export function newOwner(): Owner {
  return { ...self, token: randomBytes(6).toString('hex') };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the owner may still be writing. Another host's reservation is never taken over:
 * a shared folder on a network drive must not lose a render in progress elsewhere.
 */
export function ownerAlive(o: Owner): boolean {
  if (o.host !== self.host) return true;
  if (o.pid === self.pid) return o.started === self.started || o.started === 0 || self.started === 0;
  if (!processAlive(o.pid)) return false;
  const started = startTicks(o.pid);
  return started === 0 || o.started === 0 || started === o.started;
}

export function parseOwner(text: string | null): Owner | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as Owner;
  } catch {
    return undefined;
  }
}

/** SHA-256 of bytes and of files the register recorded. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';

export const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

/** The file's SHA-256, or undefined when it is missing or not a regular file (never blocks on a FIFO). */
export function fileSha256(file: string): string | undefined {
  try {
    if (!fs.lstatSync(file).isFile()) return undefined;
    return sha256(fs.readFileSync(file));
  } catch {
    return undefined;
  }
}

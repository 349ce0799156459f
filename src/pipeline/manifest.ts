/**
 * The manifest written beside each render: what went in, what came out, with SHA-256s, so a
 * signer can check that the document in front of them came from the case data on record.
 * No timestamps: the same input gives the same manifest.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';

export interface Manifest {
  tool: string;
  version: string;
  input: { file: string; sha256: string };
  status: 'draft' | 'final';
  sample: boolean;
  /** SHA-256 of the other options that shape the output (formats, fonts, institution defaults). */
  settings: string;
  outputs: { file: string; sha256: string; bytes: number }[];
  templates: Record<string, string>;
  pages: number;
  warnings: number;
}

export const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

export function buildManifest(m: Omit<Manifest, 'outputs'>, outputs: { file: string; bytes: Uint8Array }[]): Manifest {
  return { ...m, outputs: outputs.map((o) => ({ file: o.file, sha256: sha256(o.bytes), bytes: o.bytes.length })) };
}

/** The manifest of an earlier render, or undefined when there is none (or it is unreadable). */
export function readManifest(file: string): Manifest | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

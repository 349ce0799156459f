/**
 * The manifest written beside each render: what went in, what came out, with SHA-256s, so a
 * signer can check that the document in front of them came from the case data on record.
 * No timestamps: the same input gives the same manifest.
 */
import { createHash } from 'node:crypto';

export interface Manifest {
  tool: string;
  version: string;
  input: { file: string; sha256: string };
  status: 'draft' | 'final';
  sample: boolean;
  outputs: { file: string; sha256: string; bytes: number }[];
  templates: Record<string, string>;
}

export function buildManifest(m: Omit<Manifest, 'outputs'>, outputs: { file: string; bytes: Uint8Array }[]): Manifest {
  return {
    ...m,
    outputs: outputs.map((o) => ({ file: o.file, sha256: createHash('sha256').update(o.bytes).digest('hex'), bytes: o.bytes.length })),
  };
}

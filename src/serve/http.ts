/** Request and reply as the workbench's handlers see them: parsed JSON in, bytes out. */
import type { IncomingMessage } from 'node:http';

export interface Request {
  method: string;
  body: unknown;
}

export interface Reply {
  status: number;
  type: string;
  body: string | Buffer;
  /** A file name when the reply is a download. */
  download?: string;
  headers?: Record<string, string>;
}

/** A case file is at most 8 MB; its JSON string form may double that. */
export const MAX_BODY_BYTES = 20 * 1024 * 1024;

export class BodyError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined;
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new BodyError(413, `请求过大（上限 ${MAX_BODY_BYTES / 1048576} MB）`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyError(413, `请求过大（上限 ${MAX_BODY_BYTES / 1048576} MB）`);
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return undefined;
  if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) throw new BodyError(415, '请求体须为 application/json');
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BodyError(400, '请求体不是合法的 JSON');
  }
}

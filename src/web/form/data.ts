/** Immutable edits of the case data the form works on. */
import type { Path } from './schema';

export type Data = Record<string, unknown>;

export function getIn(data: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v === null || typeof v !== 'object' ? undefined : (v as Record<string | number, unknown>)[k]), data);
}

/** A copy with the value at path replaced; undefined removes an object key. */
export function setIn<T>(data: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [key, ...rest] = path;
  const base: unknown = data ?? (typeof key === 'number' ? [] : {});
  if (Array.isArray(base)) {
    const copy = [...base];
    copy[key as number] = setIn(copy[key as number], rest, value);
    return copy as T;
  }
  const copy = { ...(base as Record<string, unknown>) };
  const next = setIn(copy[key as string], rest, value);
  if (next === undefined) delete copy[key as string];
  else copy[key as string] = next;
  return copy as T;
}

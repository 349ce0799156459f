/** Every string of a value, rewritten by a function; `$schema` (a file reference, not content) is kept. */
export function mapStrings<T>(value: T, f: (s: string) => string): T {
  if (typeof value === 'string') return f(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === '$schema' ? v : mapStrings(v, f)])) as T;
  }
  return value;
}

export function stringsOf(value: unknown): string[] {
  const out: string[] = [];
  mapStrings(value, (s) => (out.push(s), s));
  return out;
}

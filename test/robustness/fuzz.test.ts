/**
 * Mutation fuzz: the bundled fixtures, damaged the way people, editors and broken tools damage
 * files (bytes, lines, YAML/JSON structure), go through loadCase and both renderers in process.
 * A run fails on an exception, on a diagnostic that points nowhere, on taking over 5 s, and
 * (the one mutation-specific check) on a foreign YAML tag accepted without a word.
 * Run i of seed S always builds the same file, so one run is reproduced with
 *   JIANDING_FUZZ_SEED=S JIANDING_FUZZ_ONLY=i npx vitest run test/robustness/fuzz.test.ts
 * which also writes the mutated file to the temp folder (for `jianding validate`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { loadCase } from '../../src/parse/loadCase.js';
import { buildTree } from '../../src/pipeline/buildTree.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { renderPdf } from '../../src/render/pdf/index.js';

const RUNS = Number(process.env.JIANDING_FUZZ_RUNS ?? 150);
const SEED = Number(process.env.JIANDING_FUZZ_SEED ?? 20261124);
const ONLY = process.env.JIANDING_FUZZ_ONLY?.split(',').map(Number);
const LIMIT_MS = 5000;

const root = new URL('../../', import.meta.url);
const FIXTURES = fs.readdirSync(new URL('fixtures/', root)).filter((f) => /\.(ya?ml|json)$/.test(f)).sort()
  .map((name) => ({ name, json: name.endsWith('.json'), text: fs.readFileSync(new URL(`fixtures/${name}`, root), 'utf8') }));

/** Every enum value the schema knows: near-misses of real values are the typos users make. */
const ENUMS: string[] = [];
(function collect(x: unknown): void {
  if (Array.isArray(x)) return x.forEach(collect);
  if (x === null || typeof x !== 'object') return;
  const o = x as Record<string, unknown>;
  if (Array.isArray(o.enum)) ENUMS.push(...o.enum.filter((v): v is string => typeof v === 'string'));
  Object.values(o).forEach(collect);
})(JSON.parse(fs.readFileSync(new URL('src/schema/case.schema.json', root), 'utf8')));

/**
 * Diagnostics that describe the whole file, where no line or field is more precise than
 * "this file": an empty file, nesting too deep (the parser may overflow before it has a
 * position), and a root that is not a map (path '' is the document itself). PARSE_ENCODING
 * carries the line of the first bad byte, so it is not listed. Anything else without a path or
 * a line is a bug. Alias bombs are whole-file too, but they share
 * PARSE_SYNTAX with undefined aliases, and these mutations add one alias at most, which cannot
 * reach the expansion limit: a PARSE_SYNTAX without a line here is never a bomb.
 */
const WHOLE_FILE_CODES = new Set(['PARSE_EMPTY', 'PARSE_TOO_DEEP', 'SCHEMA_TYPE']);
const located = (d: Diagnostic) => d.path !== '' || (Number.isInteger(d.line) && d.line! > 0) || WHOLE_FILE_CODES.has(d.code);

// --- deterministic randomness: mulberry32, seeded from (seed, run index) so any run stands alone.
type Rng = () => number;
function rngFor(seed: number, index: number): Rng {
  let a = (seed ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const int = (r: Rng, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[int(r, xs.length)]!;
const show = (v: unknown) => { const s = JSON.stringify(v) ?? String(v); return s.length > 48 ? `${s.slice(0, 12)}…(${s.length} chars)` : s; };

// --- structure level: the parsed data is changed, then written back in the file's own format.
type Path = (string | number)[];
type Data = Record<string | number, unknown>;
function paths(v: unknown, keep: (v: unknown, p: Path) => boolean, p: Path = [], out: Path[] = []): Path[] {
  if (p.length > 0 && keep(v, p)) out.push(p);
  if (v !== null && typeof v === 'object') for (const [k, c] of Object.entries(v)) paths(c, keep, [...p, Array.isArray(v) ? Number(k) : k], out);
  return out;
}
const at = (d: unknown, p: Path) => p.reduce<unknown>((v, k) => (v as Data)[k], d);
const parentOf = (d: unknown, p: Path) => at(d, p.slice(0, -1)) as Data;
const isMap = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);

const VALUES: unknown[] = ['长'.repeat(20_000), 'W'.repeat(20_000), 1e21, -1, 0.5, '9999-12-31', '0000-01-01', '2025-02-30', [], {},
  { a: { b: [1, { c: 'x' }] } }, null, true, '', '　 \t'];
const DATES = ['9999-12-31', '0001-01-01', '2025-02-29', '2025-13-01', '2025-1-5', '2025/11/05', '2025年11月5日', '9999-12-31T23:59:59', '+275760-09-13'];
const nearMiss = (r: Rng, s: string): string => {
  const i = int(r, s.length);
  return pick(r, [
    () => s.slice(0, -1), () => s + s.slice(-1), () => s.slice(0, i) + s.slice(i + 1, i + 2) + s.slice(i, i + 1) + s.slice(i + 2),
    () => s[0]!.toUpperCase() + s.slice(1), () => ` ${s} `, () => `${s}的`, () => pick(r, ENUMS),
    () => s.replace(/[a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)), // full-width Latin
  ])();
};

/** Replaces a random node that `keep` selects; undefined when the fixture has none. */
function replace(d: unknown, r: Rng, keep: (v: unknown) => boolean, to: (v: unknown) => unknown): string | undefined {
  const ps = paths(d, keep); if (ps.length === 0) return undefined;
  const p = pick(r, ps); const v = at(d, p); const t = to(v); parentOf(d, p)[p.at(-1)!] = t; return `${p.join('.')}: ${show(v)} → ${show(t)}`;
}
type StructOp = (d: unknown, r: Rng) => string | undefined;
const STRUCT: Record<string, StructOp> = {
  setValue: (d, r) => replace(d, r, () => true, () => structuredClone(pick(r, VALUES))),
  deleteKey: (d, r) => { const p = pick(r, paths(d, (_, q) => typeof q.at(-1) === 'string')); delete parentOf(d, p)[p.at(-1)!]; return p.join('.'); },
  changeType: (d, r) => replace(d, r, () => true, (v) => (typeof v === 'string' ? (Number(v) || 42) : typeof v === 'number' || typeof v === 'boolean' ? String(v)
    : Array.isArray(v) ? { ...v } : isMap(v) ? Object.values(v as Data) : {})),
  swapItems: (d, r) => {
    const p = pick(r, paths(d, (v) => Array.isArray(v) && v.length >= 2)); const xs = at(d, p) as unknown[];
    const i = int(r, xs.length); const j = (i + 1 + int(r, xs.length - 1)) % xs.length; [xs[i], xs[j]] = [xs[j], xs[i]]; return `${p.join('.')}[${i}]<->[${j}]`;
  },
  duplicateItem: (d, r) => {
    const p = pick(r, paths(d, (v) => Array.isArray(v) && v.length > 0)); const xs = at(d, p) as unknown[];
    const i = int(r, xs.length); xs.splice(i, 0, structuredClone(xs[i])); return `${p.join('.')}[${i}]`;
  },
  unknownKey: (d, r) => { const p = pick(r, [[], ...paths(d, isMap)]); const m = at(d, p) as Data; const k = `${pick(r, Object.keys(m))}x`; m[k] = 'x'; return `${[...p, k].join('.')}`; },
  // 10,000 keys is a pasted data dump: linear work on it takes well under a second.
  manyUnknownKeys: (d, r) => {
    const p = pick(r, [[], ...paths(d, isMap)]); const n = pick(r, [100, 10_000]); for (let k = 0; k < n; k++) (at(d, p) as Data)[`extra${k}`] = k;
    return `${n} keys in ${p.join('.') || '(root)'}`;
  },
  farDate: (d, r) => replace(d, r, (v) => typeof v === 'string' && /^\d{4}-\d\d-\d\d/.test(v), () => pick(r, DATES)),
  enumNearMiss: (d, r) => replace(d, r, (v) => typeof v === 'string' && ENUMS.includes(v), (v) => nearMiss(r, v as string)),
};

// --- text level: lines as an editor or a careless merge leaves them.
const KEY_LINE = /^(\s*(?:- )?)("?[A-Za-z$_][\w$]*"?):(?:[ \t]+(.*))?$/;
const YAML_SCALARS = ['9999-12-31', '"9999-12-31"', '[]', '{}', '{ a: { b: [1, 2] } }', '-1', '1e400', '0x1F', '.nan', '~', 'yes', `"${'长'.repeat(20_000)}"`, '"unterminated', "'", '|', '- x'];
const JSON_SCALARS = ['"9999-12-31"', '[]', '{}', '{"a":{"b":[1,2]}}', '-1', '1e400', 'null', 'true', `"${'长'.repeat(20_000)}"`, '"unterminated', 'NaN'];
const TAGS = ['!!js/function', '!!js/undefined', '!!python/object/apply:os.system', '!custom', '!!binary', '!!int', '!!float', '!!set', '!!omap', '!!timestamp', '!<tag:yaml.org,2002:str>'];
/** Tags outside JSON's data model (str/int/float/bool/null/map/seq) must not pass silently: the value would not be what the author meant. */
const FOREIGN_TAGS = TAGS.filter((t) => !['!!int', '!!float', '!<tag:yaml.org,2002:str>'].includes(t));
const INSERTS = ['\u0000', '\uFEFF', '\u2028', '\u0085', '\r', '\t', '---\n', '...\n', '%YAML 1.1\n', '? ', '- ', '{', '}', '"', "'", '\\', '#', '&', '*', '!', '|', '>', '`', '：'];

type TextOp = (lines: string[], r: Rng, json: boolean) => string | undefined;
const keyLines = (lines: string[], withValue: boolean) => lines.flatMap((l, i) => { const m = KEY_LINE.exec(l); return m && (!withValue || m[3]) ? [i] : []; });
/** Replaces the value of a `key: value` line, keeping a JSON line's trailing comma. */
function setLineValue(lines: string[], i: number, value: (old: string) => string): string {
  const m = KEY_LINE.exec(lines[i]!)!; const old = m[3]!; const comma = old.endsWith(',') ? ',' : '';
  lines[i] = `${m[1]}${m[2]}: ${value(comma ? old.slice(0, -1) : old)}${comma}`;
  return `line ${i + 1} ${m[2]}: ${show(lines[i]!.slice(m[1]!.length + m[2]!.length + 2))}`;
}
const TEXT: Record<string, TextOp> = {
  deleteLine: (ls, r) => { const i = int(r, ls.length); ls.splice(i, 1); return `line ${i + 1}`; },
  duplicateLine: (ls, r) => { const i = int(r, ls.length); ls.splice(i, 0, ls[i]!); return `line ${i + 1}`; },
  swapLines: (ls, r) => { const i = int(r, ls.length); const j = int(r, ls.length); [ls[i], ls[j]] = [ls[j]!, ls[i]!]; return `lines ${i + 1}<->${j + 1}`; },
  indent: (ls, r) => {
    const i = pick(r, keyLines(ls, false)); const how = pick(r, ['+1', '+2', '-1', '-2', 'tab']);
    ls[i] = how === 'tab' ? ls[i]!.replace(/^ +/, '\t') : how[0] === '+' ? ' '.repeat(Number(how[1])) + ls[i] : ls[i]!.replace(new RegExp(`^ {1,${how[1]}}`), '');
    return `line ${i + 1} ${how}`;
  },
  tab: (ls, r) => { const i = pick(r, keyLines(ls, true)); ls[i] = ls[i]!.replace(/: /, ':\t'); return `line ${i + 1}`; },
  fullWidthColon: (ls, r) => { const i = pick(r, keyLines(ls, false)); ls[i] = ls[i]!.replace(/:/, '：'); return `line ${i + 1}`; },
  replaceScalar: (ls, r, json) => setLineValue(ls, pick(r, keyLines(ls, true)), () => pick(r, json ? JSON_SCALARS : YAML_SCALARS)),
  duplicateKey: (ls, r) => { const i = pick(r, keyLines(ls, true)); ls.splice(i + 1, 0, ls[i]!); return `line ${i + 1}`; },
  anchorAlias: (ls, r) => {
    const ks = keyLines(ls, true); const a = pick(r, ks); const b = pick(r, ks); const name = pick(r, ['a', 'undefinedAnchor']);
    const da = name === 'a' ? setLineValue(ls, a, (v) => `&a ${v}`) : 'no anchor';
    return `${da}; ${setLineValue(ls, b, () => `*${name}`)}`;
  },
  tag: (ls, r) => { const t = pick(r, TAGS); return `${t} on ${setLineValue(ls, pick(r, keyLines(ls, true)), (v) => `${t} ${v}`)}`; },
  unknownKeyLine: (ls, r, json) => {
    const i = pick(r, keyLines(ls, true)); const indent = /^\s*(?:- )?/.exec(ls[i]!)![0].replace('-', ' ');
    ls.splice(i + 1, 0, json ? `${indent}"zzUnknown": 1,` : `${indent}zzUnknown: 1`); return `after line ${i + 1}`;
  },
  insertText: (ls, r) => {
    const i = int(r, ls.length); const c = int(r, ls[i]!.length + 1); const s = pick(r, INSERTS);
    ls[i] = ls[i]!.slice(0, c) + s + ls[i]!.slice(c); return `${show(s)} at ${i + 1}:${c + 1}`;
  },
};

// --- byte level: what a broken transfer or a wrong encoding does.
const BYTE_RUNS = [[0xff], [0xfe], [0xc3, 0x28], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe4, 0xb8], [0x00], [0xef, 0xbb, 0xbf]];
type ByteOp = (b: Buffer, r: Rng) => [Buffer, string];
const BYTES: Record<string, ByteOp> = {
  truncate: (b, r) => { const n = 1 + int(r, b.length - 1); return [b.subarray(0, n), `at byte ${n}/${b.length}`]; },
  insertBytes: (b, r) => {
    const run = r() < 0.7 ? pick(r, BYTE_RUNS) : Array.from({ length: 1 + int(r, 8) }, () => int(r, 256)); const n = int(r, b.length + 1);
    return [Buffer.concat([b.subarray(0, n), Buffer.from(run), b.subarray(n)]), `${Buffer.from(run).toString('hex')} at byte ${n}`];
  },
  prefix: (b, r) => { const p = pick(r, ['efbbbf', 'efbbbfefbbbf', 'fffe', 'feff']); return [Buffer.concat([Buffer.from(p, 'hex'), b]), p]; },
  flipBit: (b, r) => { const c = Buffer.from(b); const n = int(r, c.length); const bit = int(r, 8); c[n] = c[n]! ^ (1 << bit); return [c, `byte ${n} bit ${bit}`]; },
};

const OPS = [...Object.keys(STRUCT).map((n) => [0, n] as const), ...Object.keys(TEXT).map((n) => [1, n] as const), ...Object.keys(BYTES).map((n) => [2, n] as const)];

/** The mutated file of run `index`: one mutation, sometimes two, applied structure → text → bytes. */
export function mutatedRun(seed: number, index: number): { fixture: string; mutation: string; bytes: Buffer; foreignTag?: string } {
  const r = rngFor(seed, index);
  const fx = FIXTURES[index % FIXTURES.length]!;
  const chosen = Array.from({ length: r() < 0.25 ? 2 : 1 }, () => pick(r, OPS)).sort((a, b) => a[0] - b[0]);
  const steps: string[] = [];
  const note = (name: string, d: string | undefined) => steps.push(d === undefined ? `${name}(none)` : `${name}(${d})`);
  let text = fx.text;
  const structural = chosen.filter(([l]) => l === 0);
  if (structural.length > 0) {
    const data: unknown = fx.json ? JSON.parse(text) : YAML.parse(text);
    for (const [, name] of structural) note(name, STRUCT[name]!(data, r));
    text = fx.json ? JSON.stringify(data, null, 2) : YAML.stringify(data, { lineWidth: 0 });
  }
  const lines = text.split('\n');
  for (const [l, name] of chosen) if (l === 1) note(name, TEXT[name]!(lines, r, fx.json));
  let bytes: Buffer = Buffer.from(lines.join('\n'), 'utf8');
  for (const [l, name] of chosen) if (l === 2) { const [b, d] = BYTES[name]!(bytes, r); bytes = b; note(name, d); }
  // Only a lone tag mutation is sure to leave the tag in force (a second one could comment it out).
  const foreignTag = chosen.length === 1 ? FOREIGN_TAGS.find((t) => steps[0]!.startsWith(`tag(${t} `)) : undefined;
  return { fixture: fx.name, mutation: steps.join(' + '), bytes, foreignTag };
}

// --- one run through the pipeline, as the CLI's render does it (PDF first; its page count feeds the DOCX).
interface Failure { kind: string; where: string; detail: string }
const norm = (s: string) => s.split('\n')[0]!.replace(/\d+/g, 'N').replace(/"[^"]{20,}"/g, '"…"').slice(0, 90);

async function pipeline(bytes: Buffer, fileName: string, times: Record<string, number>) {
  let t = performance.now();
  const lap = (stage: string) => { const now = performance.now(); times[stage] = now - t; t = now; };
  const loaded = loadCase(bytes, fileName);
  if (loaded.ok && !loaded.case) throw new Error('loadCase returned ok without a case');
  lap('validate');
  if (!loaded.case || !loaded.ok) return loaded;
  const { tree } = buildTree(loaded.case, { caseSha256: loaded.sha256, generator: 'fuzz' });
  lap('buildTree');
  const pdf = await renderPdf(tree); // missing-glyph warnings are the user's concern, not failures
  lap('renderPdf');
  await renderDocx(tree, { sectionPages: pdf.sectionPages });
  lap('renderDocx');
  return loaded;
}

async function runOne(seed: number, index: number): Promise<{ ms: number; ok: boolean; failures: Failure[] }> {
  const m = mutatedRun(seed, index);
  const where = `seed=${seed} run=${index} fixture=${m.fixture} mutation=${m.mutation}`;
  if (ONLY) fs.writeFileSync(path.join(os.tmpdir(), `jianding-fuzz-${seed}-${index}-${m.fixture}`), m.bytes);
  const failures: Failure[] = [];
  const times: Record<string, number> = {};
  const t0 = performance.now();
  let ok = false;
  try {
    const loaded = await pipeline(m.bytes, m.fixture, times);
    ok = loaded.ok;
    if (ok && m.foreignTag && !loaded.diagnostics.some((d) => d.code.startsWith('PARSE_'))) {
      failures.push({ kind: 'accepted a foreign YAML tag without a diagnostic', where, detail: `${m.foreignTag}: ok, ${loaded.diagnostics.length} diagnostics` });
    }
    for (const d of loaded.diagnostics.filter((x) => !located(x))) failures.push({ kind: `unlocated ${d.code}: ${norm(d.messageEn)}`, where, detail: JSON.stringify(d) });
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    const stage = ['validate', 'buildTree', 'renderPdf', 'renderDocx'].find((s) => !(s in times))!;
    failures.push({ kind: `${stage} threw ${err.constructor.name}: ${norm(err.message)}`, where, detail: err.stack?.split('\n').slice(0, 6).join('\n') ?? err.message });
  }
  const ms = performance.now() - t0;
  const [slowest] = Object.entries(times).sort((a, b) => b[1] - a[1]);
  const laps = Object.entries(times).map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(', ');
  if (ms > LIMIT_MS) failures.push({ kind: `slow (> ${LIMIT_MS} ms) in ${slowest?.[0] ?? 'validate'}`, where, detail: `${ms.toFixed(0)} ms: ${laps}` });
  return { ms, ok, failures };
}

describe('mutation fuzz of the fixtures', () => {
  beforeAll(async () => {
    // The unmutated fixtures, and their structure-level round trip, must pass: otherwise a failure
    // below would be the harness's. This also loads fonts and templates outside the timed runs.
    for (const fx of FIXTURES) {
      const again = fx.json ? JSON.stringify(JSON.parse(fx.text), null, 2) : YAML.stringify(YAML.parse(fx.text), { lineWidth: 0 });
      for (const text of [fx.text, again]) expect((await pipeline(Buffer.from(text), fx.name, {})).ok, fx.name).toBe(true);
    }
  }, 600_000);

  it(`${ONLY ? `runs ${ONLY.join(',')}` : `${RUNS} runs`} (seed ${SEED}): no exception, every diagnostic located, each run under ${LIMIT_MS} ms`, async () => {
    const failures: Failure[] = [];
    let [slowest, accepted] = [{ ms: 0, index: -1 }, 0];
    const indexes = ONLY ?? Array.from({ length: RUNS }, (_, i) => i);
    const start = performance.now();
    for (const i of indexes) {
      const res = await runOne(SEED, i);
      if (res.ms > slowest.ms) slowest = { ms: res.ms, index: i };
      if (res.ok) accepted++;
      for (const f of res.failures) console.log(`FUZZ FAIL ${f.kind}\n  ${f.where}\n  ${f.detail.replace(/\n/g, '\n  ')}`);
      failures.push(...res.failures);
    }
    const total = performance.now() - start;
    console.log(`fuzz: ${indexes.length} runs in ${(total / 1000).toFixed(1)} s (${(total / indexes.length).toFixed(0)} ms/run), `
      + `${accepted} accepted; slowest run ${slowest.index}: ${slowest.ms.toFixed(0)} ms`);
    const groups = new Map<string, Failure[]>(); // Map.groupBy needs Node 21
    for (const f of failures) groups.set(f.kind, [...(groups.get(f.kind) ?? []), f]);
    const summary = [...groups].sort((a, b) => b[1].length - a[1].length)
      .map(([kind, fs]) => `${fs.length}× ${kind}\n    e.g. ${fs[0]!.where}\n    ${fs[0]!.detail.split('\n')[0]}`).join('\n');
    expect(failures.length, `${groups.size} kinds of failure:\n${summary}\n`).toBe(0);
  }, Math.max(3_600_000, RUNS * 1_000)); // generous: while slow-input bugs are open, a hit costs seconds to minutes
});

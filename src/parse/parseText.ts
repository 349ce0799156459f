/**
 * Text → plain data. JSON or YAML (chosen by extension, else by the first character).
 * Syntax errors carry line and column; duplicate keys and prototype-polluting keys are refused.
 */
import YAML from 'yaml';
import { formatPath, type Diagnostic } from '../diagnostics/diagnostic.js';
import { truncationWarnings } from './completeness.js';
import { jsonErrorInChinese } from './jsonErrors.js';
import { scanYaml, type YamlScan } from './yamlNodes.js';
import { explainSpacedKey, explainYamlError, type Explained } from './yamlSlips.js';

export type SourceFormat = 'json' | 'yaml';

export interface ParsedText {
  data?: unknown;
  diagnostics: Diagnostic[];
  /** Line/column of a JSON path in the source, when it can be found. */
  locate: (path: readonly PropertyKey[]) => { line: number; column: number } | undefined;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function formatOf(fileName: string, text: string): SourceFormat {
  if (/\.json$/i.test(fileName)) return 'json';
  if (/\.ya?ml$/i.test(fileName)) return 'yaml';
  return text.trimStart().startsWith('{') ? 'json' : 'yaml';
}

function syntaxError(line: number, column: number, zh: string, en: string, format: SourceFormat): Diagnostic {
  const kind = format === 'json' ? 'JSON' : 'YAML';
  return {
    severity: 'error', code: 'PARSE_SYNTAX', path: '', line, column,
    message: `${kind} 语法错误（第${line}行第${column}列）：${zh}`,
    messageEn: `${kind} syntax error at line ${line}, column ${column}: ${en}`,
  };
}

/** The parser's errors explained (yamlSlips.ts), each slip once however many errors it caused. */
/**
 * Explaining a slip reads the lines around it, and some explanations the whole file: the first
 * errors are explained, which is what a person fixes first; a file with thousands of errors would
 * otherwise take minutes (16,000 broken lines: 62 s).
 */
const MAX_EXPLAINED = 50;

function yamlSyntaxErrors(text: string, errors: readonly YAML.YAMLError[], counter: YAML.LineCounter): Diagnostic[] {
  const lines = text.split(/\r?\n/);
  const seen = new Set<string>();
  return errors.slice(0, MAX_EXPLAINED).flatMap((e) => {
    const { line, col } = counter.linePos(e.pos[0]);
    const detail = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    const x = explainYamlError(text, lines, { code: e.code, message: detail, offset: e.pos[0], line, column: col });
    const key = `${x.line}:${x.column}:${x.zh}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [explained(x)];
  });
}

const explained = (x: Explained) => syntaxError(x.line, x.column, x.zh, x.en, 'yaml');

function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Node's JSON.parse messages name a position for most errors; find it, else ask YAML. */
function jsonErrorPosition(text: string, message: string, doc: YAML.Document, counter: YAML.LineCounter): { line: number; column: number } {
  const m = /position (\d+)/.exec(message);
  if (m) return positionOf(text, Number(m[1]));
  const yamlError = doc.errors[0];
  if (yamlError) {
    const { line, col } = counter.linePos(yamlError.pos[0]);
    return { line, column: col };
  }
  return positionOf(text, text.length);
}

function forbiddenKeys(value: unknown, path: PropertyKey[] = []): Diagnostic[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => forbiddenKeys(v, [...path, i]));
  if (value === null || typeof value !== 'object') return [];
  return Object.keys(value).flatMap((key) => {
    const here = [...path, key];
    if (!FORBIDDEN_KEYS.has(key)) return forbiddenKeys((value as Record<string, unknown>)[key], here);
    const where = here.map(String).join('.');
    return [{
      severity: 'error' as const, code: 'PARSE_FORBIDDEN_KEY', path: where,
      message: `字段名 ${key} 不允许使用（${where}）：它可能篡改程序对象，请删除或改名`,
      messageEn: `Key ${key} is not allowed (${where}): it could tamper with program objects`,
    }];
  });
}

/** Locates paths through the one-pass index of the document (see yamlNodes.ts). */
function locator(scan: YamlScan): ParsedText['locate'] {
  return (path) => scan.positions.get(formatPath(path));
}

/** The text as a YAML document (JSON is YAML too), with the line counter that locates its nodes. */
function yamlDocument(text: string): { doc: YAML.Document; counter: YAML.LineCounter } {
  const counter = new YAML.LineCounter();
  return { doc: YAML.parseDocument(text, { lineCounter: counter, uniqueKeys: false, prettyErrors: false }), counter };
}

/** Keys in JSON text: strings followed by a colon (a string anywhere else is a value). */
function jsonKeyCount(text: string): number {
  let keys = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) !== 0x22) continue; // "
    for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++; // skip \x
    let j = i + 1;
    while (j < text.length && /\s/.test(text[j]!)) j++;
    if (text[j] === ':') keys++;
  }
  return keys;
}

/** A YAML document of the text, built on the first call: JSON needs one only to locate a diagnostic. */
function lazyLocator(text: string): ParsedText['locate'] {
  let locate: ParsedText['locate'] | undefined;
  return (path) => {
    if (!locate) {
      const { doc, counter } = yamlDocument(text);
      locate = locator(scanYaml(doc, counter));
    }
    return locate(path);
  };
}

/**
 * Well-formed JSON without duplicate or empty keys (JSON.parse would silently keep the last) needs no
 * YAML parse, which costs most of the time of loading a case. Anything else takes the YAML
 * path below, which words every error.
 */
function parseCleanJson(text: string): ParsedText | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const { depth, properties, emptyKey } = shapeOf(data);
  if (depth > MAX_DEPTH) return { locate: noLocation, diagnostics: [tooDeep()] };
  // Duplicate or empty keys take the YAML path, which reports them with their lines.
  if (emptyKey || jsonKeyCount(text) !== properties) return undefined;
  return { data, locate: lazyLocator(text), diagnostics: forbiddenKeys(data) };
}

function parseChecked(text: string, fileName: string): ParsedText {
  const format = formatOf(fileName, text);
  const clean = format === 'json' ? parseCleanJson(text) : undefined;
  if (clean) return clean;
  const { doc, counter } = yamlDocument(text);
  const scan = scanYaml(doc, counter);
  const locate = locator(scan);
  if (text.trim() === '') {
    return { locate, diagnostics: [{ severity: 'error', code: 'PARSE_EMPTY', path: '', message: '案件文件为空', messageEn: 'The case file is empty' }] };
  }
  let data: unknown;
  if (format === 'json') {
    try {
      data = JSON.parse(text);
    } catch (e) {
      const detail = (e as Error).message.split('\n')[0]!;
      const { line, column } = jsonErrorPosition(text, detail, doc, counter);
      const zh = jsonErrorInChinese(detail, text.split('\n')[line - 1]?.[column - 1]);
      return { locate, diagnostics: [syntaxError(line, column, zh, detail, format)] };
    }
  }
  // JSON text that JSON.parse accepts has no syntax errors; only the scan's duplicate keys matter for it.
  const yamlErrors = format === 'yaml' ? doc.errors : [];
  if (yamlErrors.length > 0) {
    const syntax = yamlSyntaxErrors(text, yamlErrors, counter);
    const duplicates = scan.problems.filter((d) => d.code === 'PARSE_DUPLICATE_KEY');
    return { locate, diagnostics: [...syntax, ...duplicates].sort((a, b) => a.line! - b.line! || a.column! - b.column!) };
  }
  if (scan.spacedKeys.length > 0) {
    const lines = text.split(/\r?\n/);
    return { locate, diagnostics: scan.spacedKeys.map((at) => explained(explainSpacedKey(lines, at))) };
  }
  // Duplicate keys, unknown tags and broken aliases are refused before toJS, which would keep the
  // last duplicate, turn a tag into a string and an alias loop into a cycle.
  if (scan.problems.length > 0) return { locate, diagnostics: scan.problems };
  if (format === 'yaml') data = doc.toJS({ maxAliasCount: 100 });
  if (shapeOf(data).depth > MAX_DEPTH) return { locate, diagnostics: [tooDeep()] };
  const truncated = format === 'yaml' ? truncationWarnings(text, scan, counter) : [];
  return { data, locate, diagnostics: [...forbiddenKeys(data), ...truncated] };
}

/** A case file nests about eight levels deep; far deeper is hostile or broken. */
const MAX_DEPTH = 32;

/**
 * Nesting depth and the number of object properties, counted without recursion so that a
 * hostile file cannot overflow the stack. Counting stops once the depth passes MAX_DEPTH.
 */
function shapeOf(value: unknown): { depth: number; properties: number; emptyKey: boolean } {
  let depth = 0;
  let properties = 0;
  let emptyKey = false;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, level] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    depth = Math.max(depth, level + 1);
    if (depth > MAX_DEPTH) break;
    if (!Array.isArray(v)) {
      const keys = Object.keys(v);
      properties += keys.length;
      emptyKey ||= keys.includes('');
    }
    for (const child of Object.values(v)) stack.push([child, level + 1]);
  }
  return { depth, properties, emptyKey };
}

function tooDeep(): Diagnostic {
  return {
    severity: 'error', code: 'PARSE_TOO_DEEP', path: '',
    message: `文件的嵌套层级过深（超过${MAX_DEPTH}层），不是有效的案件文件`,
    messageEn: `The file nests deeper than ${MAX_DEPTH} levels; it is not a case file`,
  };
}

const noLocation = () => undefined;

/**
 * Text → data, refusing hostile files with a diagnostic rather than an exception: nesting deep
 * enough to overflow the parser's stack, and YAML alias bombs (exponential expansion).
 */
export function parseText(text: string, fileName: string): ParsedText {
  try {
    return parseChecked(text, fileName);
  } catch (e) {
    if (e instanceof RangeError) return { locate: noLocation, diagnostics: [tooDeep()] };
    if (/alias/i.test((e as Error).message)) {
      return { locate: noLocation, diagnostics: [{
        severity: 'error', code: 'PARSE_SYNTAX', path: '',
        message: 'YAML 别名（&/*）展开过多，文件可能是恶意构造的，已拒绝', messageEn: 'Too many YAML alias expansions; the file is refused',
      }] };
    }
    throw e;
  }
}

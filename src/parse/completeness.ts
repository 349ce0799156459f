/**
 * A YAML case file cut short mid-line — an interrupted copy, a half-saved edit — can still be
 * valid YAML and even a valid case: the last value just ends early (`disabilityGrade: 1` for 10,
 * a conclusion stopping mid-sentence), or a trailing comment is cut and the sections after it
 * are gone. The tell is at the very end: editors end a file with a newline, a cut does not.
 * So a YAML file without a final newline is suspect unless its last value closes itself with a
 * delimiter (a quoted string, a flow list or map) right at the end. JSON always closes itself.
 *
 * Cuts exactly at a line end leave complete lines and cannot be told from a complete file here,
 * except one: a block scalar (`careAdvice: |`) with nothing under it as the file's last value.
 */
import YAML from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { YamlScan } from './yamlNodes.js';

const OPEN_ENDED = new Set<string>([YAML.Scalar.PLAIN, YAML.Scalar.BLOCK_LITERAL, YAML.Scalar.BLOCK_FOLDED]);

/** The end of the last line, quoted in the message: enough to recognise it. */
function tail(text: string): string {
  const line = text.slice(text.lastIndexOf('\n') + 1).trim();
  return line.length > 24 ? `…${line.slice(-24)}` : line;
}

/** True when the text ends with a value that closes itself: a quoted scalar or a flow collection. */
function endsClosed(end: number, scan: Pick<YamlScan, 'lastScalar' | 'lastEnd'>): boolean {
  if (scan.lastEnd < end) return false; // a comment (or other text) follows the last value
  const last = scan.lastScalar;
  const scalarAtEnd = last?.range && last.range[1] >= end;
  return scalarAtEnd ? !OPEN_ENDED.has(String(last.type)) : true;
}

/** `careAdvice: |` as the file's last value, with nothing under it: the file was cut right after the key. */
function endsWithEmptyBlock(end: number, last: YAML.Scalar | undefined): boolean {
  const block = last?.type === YAML.Scalar.BLOCK_LITERAL || last?.type === YAML.Scalar.BLOCK_FOLDED;
  return block && last.value === '' && (last.range?.[1] ?? 0) >= end;
}

export function truncationWarnings(text: string, scan: Pick<YamlScan, 'lastScalar' | 'lastEnd'>, counter: YAML.LineCounter): Diagnostic[] {
  const end = text.replace(/\s+$/, '').length;
  if (end === 0) return [];
  const cut = text.endsWith('\n') ? endsWithEmptyBlock(end, scan.lastScalar) : !endsClosed(end, scan);
  if (!cut) return [];
  const { line, col } = counter.linePos(end);
  const shown = tail(text);
  return [{
    severity: 'warning', code: 'PARSE_TRUNCATED', path: '', line, column: col,
    message: `文件在第${line}行「${shown}」处直接结束，末尾没有换行，可能被截断（最后的值或其后的部分缺失）。请核对文件末尾是否完整；如完整，在文件末尾加一个换行即可消除本提示`,
    messageEn: `The file ends on line ${line} ("${shown}") with no final newline; it may be truncated. Check that its end is complete; if so, end the file with a newline`,
  }];
}

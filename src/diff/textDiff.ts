/**
 * Character diff of two texts, cleaned up for reading. Chinese has no spaces between words,
 * so the diff is by character (jsdiff's diffChars); then tiny equal fragments between changes
 * are folded into the change, so an edited phrase reads as one deletion and one insertion
 * instead of alternating single characters, and a changed number shows as a whole (30 → 40,
 * not 3 → 4 before a kept 0).
 */
import { diffChars } from 'diff';

export type Op = 'eq' | 'del' | 'ins';
export interface Segment { op: Op; text: string }

/**
 * Beyond this many edited characters a paragraph is shown as replaced whole: it bounds the
 * time (Myers' diff costs length × edits; 100,000 characters with 2,000 edits take ~4 s).
 */
const MAX_EDIT = 4_000;

/** Raw character diff as segments; undefined when the texts differ by more than maxEdit characters. */
export function charSegments(a: string, b: string, maxEdit = MAX_EDIT): Segment[] | undefined {
  const changes = diffChars(a, b, { maxEditLength: maxEdit });
  return changes?.map((c) => ({ op: c.added ? 'ins' : c.removed ? 'del' : 'eq', text: c.value }));
}

/** Paragraphs (or rows) sharing this much of their text are shown as one edited paragraph. */
export const SIMILAR = 0.4;

/** The share of characters two texts have in common (0–1), or 0 when they differ too much to say cheaply. */
export function similarity(a: string, b: string): number {
  const total = a.length + b.length;
  if (total === 0) return 1;
  // At most the shorter text can be common: no diff needed to rule a pair out.
  if ((2 * Math.min(a.length, b.length)) / total < SIMILAR) return 0;
  const segments = charSegments(a, b, Math.min(MAX_EDIT, Math.ceil(total * (1 - SIMILAR))));
  if (!segments) return 0;
  const common = segments.filter((s) => s.op === 'eq').reduce((n, s) => n + s.text.length, 0);
  return (2 * common) / total;
}

/** A run of changes between two equal segments: what was deleted and what was inserted. */
interface Region { del: string; ins: string }
type Piece = { eq: string } | Region;
const isEq = (p: Piece): p is { eq: string } => 'eq' in p;

/** Segments → alternating equal texts and change regions (adjacent changes merged). */
function toPieces(segments: readonly Segment[]): Piece[] {
  const out: Piece[] = [];
  for (const s of segments) {
    if (s.text === '') continue;
    const last = out.at(-1);
    if (s.op === 'eq') {
      if (last && isEq(last)) last.eq += s.text;
      else out.push({ eq: s.text });
    } else if (last && !isEq(last)) {
      last[s.op] += s.text;
    } else {
      out.push({ del: s.op === 'del' ? s.text : '', ins: s.op === 'ins' ? s.text : '' });
    }
  }
  return out;
}

const size = (r: Region) => Math.max(r.del.length, r.ins.length);

/**
 * An equality between two changes is folded into them when it is shorter than two
 * characters, or no longer than the changes on either side (diff-match-patch's semantic rule).
 */
function foldsAway(eq: string, before: Region, after: Region): boolean {
  const n = [...eq].length;
  return n < 2 || (eq.length <= size(before) && eq.length <= size(after));
}

function foldOnce(pieces: Piece[]): boolean {
  for (let i = 1; i < pieces.length - 1; i++) {
    const [before, mid, after] = [pieces[i - 1]!, pieces[i]!, pieces[i + 1]!];
    if (!isEq(mid) || isEq(before) || isEq(after) || !foldsAway(mid.eq, before, after)) continue;
    pieces.splice(i - 1, 3, { del: before.del + mid.eq + after.del, ins: before.ins + mid.eq + after.ins });
    return true;
  }
  return false;
}

const WORD_CHAR = /[0-9A-Za-z]/;
const wordTail = (s: string) => /[0-9A-Za-z.]*$/.exec(s)![0].replace(/^\.+/, '');
const wordHead = (s: string) => /^[0-9A-Za-z.]*/.exec(s)![0].replace(/\.+$/, '');

/** A change that starts or ends inside a number or Latin word takes in the rest of it. */
function snapToWords(pieces: Piece[]): void {
  pieces.forEach((p, i) => {
    if (isEq(p)) return;
    const prev = pieces[i - 1];
    const next = pieces[i + 1];
    const first = (p.del[0] ?? '') + (p.ins[0] ?? '');
    const lastChars = (p.del.at(-1) ?? '') + (p.ins.at(-1) ?? '');
    if (prev && isEq(prev) && WORD_CHAR.test(first)) {
      const tail = wordTail(prev.eq);
      prev.eq = prev.eq.slice(0, prev.eq.length - tail.length);
      p.del = tail + p.del;
      p.ins = tail + p.ins;
    }
    if (next && isEq(next) && WORD_CHAR.test(lastChars)) {
      const head = wordHead(next.eq);
      next.eq = next.eq.slice(head.length);
      p.del += head;
      p.ins += head;
    }
  });
}

function toSegments(pieces: readonly Piece[]): Segment[] {
  return pieces.flatMap((p): Segment[] => {
    if (isEq(p)) return p.eq ? [{ op: 'eq', text: p.eq }] : [];
    return [...(p.del ? [{ op: 'del' as const, text: p.del }] : []), ...(p.ins ? [{ op: 'ins' as const, text: p.ins }] : [])];
  });
}

/** The readable diff of two texts: equal, deleted and inserted segments in reading order. */
export function textDiff(a: string, b: string): Segment[] {
  const raw = charSegments(a, b);
  const pieces = raw ? toPieces(raw) : [{ del: a, ins: b }];
  snapToWords(pieces);
  const cleaned = toPieces(toSegments(pieces));
  while (foldOnce(cleaned));
  return toSegments(cleaned);
}

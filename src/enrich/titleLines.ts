/**
 * Title lines that never break inside a word (「因果关/系」): a long title is split only after a
 * natural break (的、及、与、和、顿号), choosing the breaks that make the lines most even.
 */

/** Characters after which a title line may end. */
const BREAK_AFTER = new Set(['的', '、', '及', '与', '和', '）', '，']);

function breakPoints(text: string): number[] {
  const chars = [...text];
  const out: number[] = [];
  chars.forEach((ch, i) => { if (BREAK_AFTER.has(ch) && i > 0 && i < chars.length - 1) out.push(i + 1); });
  return out;
}

/** The most even split into `lines` lines at the given break points, each within `max`; null when none fits. */
function bestSplit(chars: string[], points: number[], lines: number, max: number, start = 0): number[] | null {
  const rest = chars.length - start;
  if (lines === 1) return rest <= max ? [] : null;
  let best: { cuts: number[]; longest: number } | null = null;
  for (const p of points.filter((x) => x > start && x - start <= max)) {
    const tail = bestSplit(chars, points, lines - 1, max, p);
    if (!tail) continue;
    const bounds = [start, p, ...tail, chars.length];
    const longest = Math.max(...bounds.slice(1).map((b, i) => b - bounds[i]!));
    if (!best || longest < best.longest) best = { cuts: [p, ...tail], longest };
  }
  return best?.cuts ?? null;
}

/** Splits at natural breaks into as few, as even lines as fit `max` characters; a title with no break is left whole (the renderer wraps it). */
export function titleLines(text: string, max: number): string[] {
  const chars = [...text];
  if (chars.length <= max) return [text];
  const points = breakPoints(text);
  for (let lines = 2; lines <= 4; lines++) {
    const cuts = bestSplit(chars, points, lines, max);
    if (cuts) {
      const bounds = [0, ...cuts, chars.length];
      return bounds.slice(1).map((b, i) => chars.slice(bounds[i], b).join(''));
    }
  }
  return [text];
}

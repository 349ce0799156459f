/** A paragraph's or cell's text as one string, a line break as 「\n」: what the typesetter, the diff and the lead-in check read. */
import type { Inline } from './tree.js';

export const plainText = (inlines: readonly Inline[]): string => inlines.map((i) => (i.kind === 'lineBreak' ? '\n' : i.text)).join('');

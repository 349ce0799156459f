/** A field's value as the summary prints it: short values in full (enums by their Chinese name), long text not at all. */
import { choiceLabelsOf, schemaAt } from '../schema/walk.js';

/** Longer values (or any with a line break) are reported only as 「已修改」. */
const SHORT = 30;

function scalarText(path: readonly PropertyKey[], value: unknown): string | null {
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  const schema = schemaAt(path);
  const labels = schema && choiceLabelsOf(schema);
  return labels?.[value] ?? value;
}

function text(path: readonly PropertyKey[], value: unknown): string | null {
  if (Array.isArray(value)) {
    const parts = value.map((v, i) => scalarText([...path, i], v));
    return parts.every((p) => p !== null) ? parts.join('、') : null;
  }
  if (value !== null && typeof value === 'object') {
    // An item (an expert, a fault) goes by its name or code.
    const { name, id } = value as { name?: unknown; id?: unknown };
    if (typeof name === 'string' || typeof id === 'string') return [id, name].filter((v) => typeof v === 'string').join(' ');
    const parts = Object.entries(value).map(([k, v]) => scalarText([...path, k], v));
    return parts.every((p) => p !== null) ? parts.join('–') : null;
  }
  return scalarText(path, value);
}

export function displayValue(path: readonly PropertyKey[], value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const shown = text(path, value);
  return shown !== null && shown.length <= SHORT && !/[\r\n]/.test(shown) ? shown : null;
}

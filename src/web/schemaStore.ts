/** The case's JSON Schema, fetched once per page for the form and the source view's help. */
import * as api from './api';
import type { JsonSchema } from './form/schema';

let schema: JsonSchema | undefined;
let loading: Promise<JsonSchema> | undefined;

export function loadSchema(): Promise<JsonSchema> {
  loading ??= api.getSchema().then((s) => (schema = s));
  return loading;
}

/** The schema if it has arrived; help waits for it rather than blocking typing. */
export function currentSchema(): JsonSchema | undefined {
  if (!schema) void loadSchema().catch(() => undefined);
  return schema;
}

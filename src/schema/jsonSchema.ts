/** The case format as JSON Schema: `jianding schema`, editors' autocompletion via $schema, the workbench's form and source view. */
import { z } from 'zod';
import { caseSchema } from './case.js';

export function caseJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(caseSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
}

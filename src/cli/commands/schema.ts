/** jianding schema: the case format as JSON Schema, for editors' autocompletion via $schema. */
import { z } from 'zod';
import { caseSchema } from '../../schema/case.js';

export function caseJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(caseSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
}

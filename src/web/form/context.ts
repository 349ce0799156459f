/** What every field of the form needs: the schema, the whole case (for links), diagnostics, domain facts. */
import { createContext } from 'preact';
import type { Diagnostic } from '../api';
import type { JsonSchema, Path } from './schema';

export interface CausationFact { code: string; association: string; judicial: string; min: number; max: number; suggested: number }
export interface DomainFacts { causation: CausationFact[] }

export interface FormContext {
  schema: JsonSchema;
  data: Record<string, unknown>;
  domain: DomainFacts;
  /** Diagnostics by the path text they name (causationAnalysis.items[0].participation). */
  diagnostics: Map<string, Diagnostic[]>;
  change: (path: Path, value: unknown) => void;
}

export const Form = createContext<FormContext>(undefined as unknown as FormContext);

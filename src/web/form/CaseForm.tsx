/**
 * The form editor: the case in the order of the opinion, one section at a time, with each
 * rule's message beside its field. It edits data; the page writes that data into the YAML
 * (keeping comments) and the preview follows, exactly as for the source view.
 */
import { useMemo, useState } from 'preact/hooks';
import type { Diagnostic } from '../api';
import { Form, type DomainFacts } from './context';
import { setIn, type Data } from './data';
import { Field } from './Field';
import { nodeAt, type JsonSchema, type Path } from './schema';
import { SECTIONS, sectionOf } from './spec';

export interface CaseFormProps {
  schema: JsonSchema;
  domain: DomainFacts;
  data: Data;
  diagnostics: Diagnostic[];
  onChange: (data: Data) => void;
  /** The section to show (a diagnostic clicked elsewhere opens its section). */
  section?: string;
  onSection?: (id: string) => void;
}

export function CaseForm(p: CaseFormProps) {
  const [own, setOwn] = useState(SECTIONS[0]!.id);
  // Controlled by the page when it passes onSection (it resets to the first part for another case).
  const section = p.section ?? (p.onSection ? SECTIONS[0]!.id : own);
  const choose = (id: string) => { setOwn(id); p.onSection?.(id); };
  const byPath = useMemo(() => {
    const m = new Map<string, Diagnostic[]>();
    for (const d of p.diagnostics) m.set(d.path, [...(m.get(d.path) ?? []), d]);
    return m;
  }, [p.diagnostics]);
  const count = (id: string) => p.diagnostics.filter((d) => d.severity === 'error' && sectionOf(d.path) === id).length;
  const change = (path: Path, value: unknown) => p.onChange(setIn(p.data, path, value));
  const current = SECTIONS.find((s) => s.id === section) ?? SECTIONS[0]!;
  return (
    <Form.Provider value={{ schema: p.schema, data: p.data, domain: p.domain, diagnostics: byPath, change }}>
      <div class="case-form">
        <nav class="sections" aria-label="文书各部分">
          {SECTIONS.map((s) => (
            <button type="button" key={s.id} class={s.id === current.id ? 'current' : ''} aria-current={s.id === current.id ? 'step' : undefined} onClick={() => choose(s.id)}>
              {s.title}{count(s.id) ? <span class="badge badge-error" aria-label={`${count(s.id)} 个错误`}>{count(s.id)}</span> : null}
            </button>
          ))}
        </nav>
        <form class="section" aria-label={current.title} onSubmit={(e) => e.preventDefault()}>
          <h2>{current.title}</h2>
          {current.paths.map((path) => {
            const node = nodeAt(p.schema, path);
            const parent = nodeAt(p.schema, path.slice(0, -1));
            return node ? <Field key={path.join('.')} path={path} node={node} required={parent?.required?.includes(String(path.at(-1))) ?? false} /> : null;
          })}
        </form>
      </div>
    </Form.Provider>
  );
}

/**
 * The form view of the open case. The YAML text stays the one state: the form shows the data
 * parsed from it, and an edit is written back into the text by the same function the server
 * uses (comments, order and untouched lines kept), so form and source view never disagree.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { parse } from 'yaml';
import { updateCaseText } from '../parse/updateYaml';
import * as api from './api';
import { loadSchema } from './schemaStore';
import { CaseForm } from './form/CaseForm';
import type { DomainFacts } from './form/context';
import type { Data } from './form/data';
import type { JsonSchema } from './form/schema';

let facts: Promise<[JsonSchema, DomainFacts]> | undefined;

interface Props {
  name: string;
  text: string;
  diagnostics: api.Diagnostic[];
  onText: (text: string) => void;
  section?: string;
  onSection: (id: string) => void;
}

function parsed(text: string): Data | undefined {
  try {
    const data = parse(text) as unknown;
    return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Data) : undefined;
  } catch {
    return undefined;
  }
}

export function FormView(p: Props) {
  const [loaded, setLoaded] = useState<[JsonSchema, DomainFacts]>();
  const [failed, setFailed] = useState<string>();
  useEffect(() => {
    facts ??= Promise.all([loadSchema(), api.getDomain()]);
    facts.then(setLoaded, (e: Error) => setFailed(e.message));
  }, []);
  const data = useMemo(() => parsed(p.text), [p.text]);
  if (failed) return <p class="form-note" role="alert">无法载入表单：{failed}</p>;
  if (!loaded) return <p class="form-note">正在载入表单……</p>;
  if (!data) return <p class="form-note" role="alert">案件文件有语法错误，表单无法显示。请切换到「源文件」，按下方的校验结果修正。</p>;
  const format = /\.json$/i.test(p.name) ? 'json' : 'yaml';
  return (
    <CaseForm schema={loaded[0]} domain={loaded[1]} data={data} diagnostics={p.diagnostics} section={p.section} onSection={p.onSection}
      onChange={(next) => p.onText(updateCaseText(p.text, next, format))} />
  );
}

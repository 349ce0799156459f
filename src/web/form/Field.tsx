/** One field of the case, laid out from its schema: the right control, its label, help and diagnostics. */
import { useContext } from 'preact/hooks';
import { Form } from './context';
import { getIn } from './data';
import { FieldDiagnostics } from './FieldDiagnostics';
import { ListField } from './ListField';
import { Participation } from './Participation';
import { choicesFor, referenceAt } from './refs';
import { listLabel } from './spec';
import { controlOf, enumCode, enumNode, fieldId, helpOf, labelOf, pathText, type JsonSchema, type Path } from './schema';

const asText = (v: unknown) => (Array.isArray(v) ? v.join('\n') : v === undefined || v === null ? '' : String(v));

function Control({ node, path, id, value }: { node: JsonSchema; path: Path; id: string; value: unknown }) {
  const f = useContext(Form);
  const set = (v: unknown) => f.change(path, v);
  const described = `${id}-help ${id}-diag`;
  const ref = referenceAt(path);
  if (ref && !ref.multiple) {
    return (
      <select id={id} aria-describedby={described} value={asText(value)} onChange={(e) => set((e.target as HTMLSelectElement).value || undefined)}>
        <option value="">（请选择）</option>
        {choicesFor(f.data, ref.source).map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
      </select>
    );
  }
  switch (controlOf(node)) {
    case 'enum': {
      const choices = enumNode(node);
      const labels = choices['x-labels'] ?? Object.fromEntries((choices.enum ?? []).map((e) => [e, e]));
      const code = enumCode(choices, value);
      // The Chinese name is written, as the examples do: the file stays readable.
      return (
        <select id={id} aria-describedby={described} value={code ?? ''} onChange={(e) => set(labels[(e.target as HTMLSelectElement).value] || undefined)}>
          <option value="">（请选择）</option>
          {Object.entries(labels).map(([c, l]) => <option key={c} value={c}>{l}</option>)}
        </select>
      );
    }
    case 'paragraphs':
      return <textarea id={id} aria-describedby={described} rows={Math.min(12, Math.max(3, asText(value).split('\n').length + 1))} value={asText(value)} onInput={(e) => set((e.target as HTMLTextAreaElement).value || undefined)} />;
    case 'date':
      return <input id={id} type="date" aria-describedby={described} value={asText(value)} onChange={(e) => set((e.target as HTMLInputElement).value || undefined)} />;
    case 'number':
      return <input id={id} type="number" aria-describedby={described} value={asText(value)} onInput={(e) => { const t = (e.target as HTMLInputElement).value; set(t === '' ? undefined : Number(t)); }} />;
    case 'boolean':
      return <input id={id} type="checkbox" aria-describedby={described} checked={value === true} onChange={(e) => set((e.target as HTMLInputElement).checked)} />;
    case 'strings':
      return <textarea id={id} aria-describedby={described} rows={3} value={asText(value)} onInput={(e) => set((e.target as HTMLTextAreaElement).value.split('\n').map((s) => s.trim()).filter(Boolean))} />;
    default:
      return <input id={id} type="text" aria-describedby={described} value={asText(value)} onInput={(e) => set((e.target as HTMLInputElement).value || undefined)} />;
  }
}

function Links({ path, label, id }: { path: Path; label: string; id: string }) {
  const f = useContext(Form);
  const chosen = (getIn(f.data, path) as string[] | undefined) ?? [];
  const ref = referenceAt(path)!;
  const toggle = (c: string, on: boolean) => f.change(path, on ? [...chosen, c] : chosen.filter((x) => x !== c));
  return (
    <fieldset class="field links" id={id}>
      <legend>{label}</legend>
      {choicesFor(f.data, ref.source).map((c) => (
        <label key={c.id} class="check"><input type="checkbox" checked={chosen.includes(c.id)} onChange={(e) => toggle(c.id, (e.target as HTMLInputElement).checked)} /> {c.label}</label>
      ))}
      <FieldDiagnostics id={id} list={f.diagnostics.get(pathText(path))} />
    </fieldset>
  );
}

function ObjectField({ node, path, label, required, bare }: { node: JsonSchema; path: Path; label: string; required: boolean; bare?: boolean }) {
  const f = useContext(Form);
  const value = getIn(f.data, path);
  const id = fieldId(path);
  const fields = Object.entries(node.properties ?? {}).filter(([k]) => k !== '$schema')
    .map(([k, child]) => <Field key={k} path={[...path, k]} node={child} required={node.required?.includes(k) ?? false} />);
  // A list item is framed by its list already (「第 1 项」): no second frame.
  if (bare) return <div id={id}><FieldDiagnostics id={id} list={f.diagnostics.get(pathText(path))} />{fields}</div>;
  if (value === undefined && !required) {
    return <div class="field optional"><button type="button" id={id} onClick={() => f.change(path, {})}>添加「{label}」</button>{helpOf(node, label) ? <small class="help">{helpOf(node, label)}</small> : null}</div>;
  }
  return (
    <fieldset class="group" id={id}>
      <legend>{label}{!required ? <button type="button" class="link remove" onClick={() => f.change(path, undefined)}>删除此部分</button> : null}</legend>
      <FieldDiagnostics id={id} list={f.diagnostics.get(pathText(path))} />
      {fields}
    </fieldset>
  );
}

export function Field({ path, node, required, bare }: { path: Path; node: JsonSchema; required: boolean; bare?: boolean }) {
  const f = useContext(Form);
  const key = path[path.length - 1]!;
  const label = listLabel(path) ?? labelOf(node, key);
  const id = fieldId(path);
  const control = controlOf(node);
  if (key === 'id' && typeof getIn(f.data, path) === 'string') return <p class="code-note">代号 {String(getIn(f.data, path))}（自动生成，用于关联）</p>;
  if (control === 'object') return <ObjectField node={node} path={path} label={label} required={required} bare={bare} />;
  if (control === 'list') return <ListField node={node} path={path} label={label} />;
  if (control === 'participation') return <Participation path={path} label={label} />;
  if (control === 'strings' && referenceAt(path)?.multiple) return <Links path={path} label={label} id={id} />;
  const help = helpOf(node, label);
  return (
    <div class={`field field-${control}`}>
      <label for={id}>{label}{required ? <span class="required" aria-label="必填">＊</span> : null}</label>
      <Control node={node} path={path} id={id} value={getIn(f.data, path)} />
      {help ? <small class="help" id={`${id}-help`}>{help}</small> : null}
      <FieldDiagnostics id={id} list={f.diagnostics.get(pathText(path))} />
    </div>
  );
}

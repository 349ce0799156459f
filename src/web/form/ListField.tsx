/** A repeated part (treatment entries, faults, causal links, consequences, experts): add, remove, reorder. */
import { useContext } from 'preact/hooks';
import { Form } from './context';
import { getIn } from './data';
import { Field } from './Field';
import { FieldDiagnostics } from './FieldDiagnostics';
import { codedList, nextCode } from './refs';
import { fieldId, pathText, type JsonSchema, type Path } from './schema';
import { itemName } from './spec';

/** A new item with the fields it must have, empty, and its generated code. */
function blank(node: JsonSchema, items: unknown[], path: Path): unknown {
  if (node.type !== 'object') return '';
  const item: Record<string, unknown> = {};
  const coded = codedList(path);
  if (coded) item.id = nextCode(items, coded.prefix);
  for (const k of node.required ?? []) if (k !== 'id') item[k] = node.properties?.[k]?.type === 'boolean' ? false : node.properties?.[k]?.type === 'array' ? [] : '';
  return item;
}

export function ListField({ node, path, label }: { node: JsonSchema; path: Path; label: string }) {
  const f = useContext(Form);
  const items = (getIn(f.data, path) as unknown[] | undefined) ?? [];
  const id = fieldId(path);
  const move = (from: number, to: number) => {
    const copy = [...items];
    const [moved] = copy.splice(from, 1);
    copy.splice(to, 0, moved);
    f.change(path, copy);
  };
  return (
    <fieldset class="group list" id={id}>
      <legend>{label}（{items.length} 项）</legend>
      <FieldDiagnostics id={id} list={f.diagnostics.get(pathText(path))} />
      {items.map((_, i) => (
        <div class="item" key={i}>
          <div class="item-head">
            <span>第 {i + 1} 项</span>
            <button type="button" class="link" disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={`第 ${i + 1} 项上移`}>上移</button>
            <button type="button" class="link" disabled={i === items.length - 1} onClick={() => move(i, i + 1)} aria-label={`第 ${i + 1} 项下移`}>下移</button>
            <button type="button" class="link remove" onClick={() => f.change(path, items.filter((__, j) => j !== i))} aria-label={`删除第 ${i + 1} 项`}>删除</button>
          </div>
          <Field path={[...path, i]} node={node.items ?? {}} required bare />
        </div>
      ))}
      <button type="button" class="add" onClick={() => f.change(path, [...items, blank(node.items ?? {}, items, path)])}>添加一项{itemName(path) ?? label}</button>
    </fieldset>
  );
}

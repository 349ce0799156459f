/**
 * 参与度: shows the range the chosen causation type allows (SF/T 0095—2021 Annex A, from the
 * server's domain facts) and its suggested value, and refuses a value outside it as it is typed:
 * the invalid number stays in the box with the reason, the case keeps the last valid value.
 */
import { useContext, useState } from 'preact/hooks';
import { Form } from './context';
import { getIn } from './data';
import { fieldId, pathText, type Path } from './schema';
import { enumCode, nodeAt } from './schema';
import { FieldDiagnostics } from './FieldDiagnostics';

export function Participation({ path, label }: { path: Path; label: string }) {
  const f = useContext(Form);
  const value = getIn(f.data, path);
  const causationPath = [...path.slice(0, -1), 'causation'];
  const code = enumCode(nodeAt(f.schema, causationPath) ?? {}, getIn(f.data, causationPath));
  const type = f.domain.causation.find((c) => c.code === code);
  const judicial = getIn(f.data, ['report', 'kind']) === 'judicial' || getIn(f.data, ['report', 'kind']) === '司法鉴定意见书';
  const [typed, setTyped] = useState<string>();
  const id = fieldId(path);
  if (value !== undefined && typeof value !== 'number') {
    return <div class="field"><span class="label">{label}</span><p class="muted">当前写作「{JSON.stringify(value)}」（范围或文字形式），请在「源文件」中编辑。</p></div>;
  }
  const shown = typed ?? (value === undefined ? '' : String(value));
  const n = Number(shown);
  const outside = type && shown !== '' && (!Number.isFinite(n) || n < type.min || n > type.max);
  const term = type ? (judicial ? type.judicial : type.association) : '';
  function input(text: string) {
    setTyped(text);
    const v = Number(text);
    if (text.trim() === '') f.change(path, undefined);
    else if (type && Number.isFinite(v) && v >= type.min && v <= type.max) f.change(path, v);
  }
  return (
    <div class="field participation">
      <label for={id}>{label}（%）</label>
      <input id={id} type="number" inputMode="decimal" min={type?.min} max={type?.max} value={shown} aria-invalid={outside ? 'true' : 'false'}
        aria-describedby={`${id}-range ${id}-diag`} onInput={(e) => input((e.target as HTMLInputElement).value)} />
      {type ? (
        <small id={`${id}-range`} class={outside ? 'field-error' : 'help'}>
          {outside ? `${term}的参与度应在 ${type.min}%～${type.max}% 之间，未采用「${shown}」。` : `${term}：${type.min}%～${type.max}%，建议 ${type.suggested}%。`}
          {shown === '' && !outside ? '不填则文书不写参与度（SF/T 0095 §8.2、§8.3「必要时」）。' : ''}
          {type.code !== 'none' && shown !== String(type.suggested) ? <button type="button" class="link" onClick={() => input(String(type.suggested))}>用建议值 {type.suggested}%</button> : null}
        </small>
      ) : <small id={`${id}-range`} class="help">先选择原因力，再填参与度。</small>}
      <FieldDiagnostics id={id} list={f.diagnostics.get(pathText(path))} />
    </div>
  );
}

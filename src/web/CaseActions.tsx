/**
 * New case (from the kind's complete example, as `jianding init` writes it), duplicate and
 * archive of the open case. Archiving moves the file into the folder's 归档 subfolder; nothing
 * is deleted.
 */
import { useState } from 'preact/hooks';
import * as api from './api';

interface Props {
  current: string | undefined;
  onDone: (open: string | undefined, message: string) => void;
  onError: (message: string) => void;
}

const withExtension = (name: string) => (/\.(ya?ml|json)$/i.test(name) ? name : `${name}.yaml`);

export function CaseActions({ current, onDone, onError }: Props) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<api.Kind>('association');
  const [blank, setBlank] = useState(false);
  const run = async (work: () => Promise<[string | undefined, string]>) => {
    try {
      const [open, message] = await work();
      onDone(open, message);
    } catch (e) {
      onError((e as Error).message);
    }
  };
  const create = (e: Event) => {
    e.preventDefault();
    const file = withExtension(name.trim());
    const how = blank ? '空白，请在表单中逐项填写；校验结果列出尚缺的部分' : `以${api.KIND_NAMES[kind]}的完整示例为起点，请逐项改写`;
    void run(async () => { await api.newCase(file, kind, blank); setName(''); return [file, `已新建 ${file}（${how}）`]; });
  };
  return (
    <div class="case-actions">
      <form class="new-case" onSubmit={create} aria-label="新建案件">
        <label for="new-name">新案件文件名</label>
        <input id="new-name" required value={name} placeholder="例如 张某某案.yaml" onInput={(e) => setName((e.target as HTMLInputElement).value)} />
        <label for="new-kind">文书种类</label>
        <select id="new-kind" value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value as api.Kind)}>
          {Object.entries(api.KIND_NAMES).map(([k, n]) => <option key={k} value={k}>{n}</option>)}
        </select>
        <label class="check"><input type="checkbox" checked={blank} onChange={(e) => setBlank((e.target as HTMLInputElement).checked)} /> 空白（不用示例）</label>
        <button type="submit">新建</button>
      </form>
      {current && (
        <div class="case-buttons">
          <button type="button" onClick={() => {
            const to = window.prompt('复制为（新文件名）：', current.replace(/(\.\w+)$/, '-副本$1'));
            if (to) void run(async () => { await api.duplicateCase(current, withExtension(to)); return [withExtension(to), `已复制为 ${withExtension(to)}`]; });
          }}>复制</button>
          <button type="button" onClick={() => {
            if (window.confirm(`把 ${current} 移入「归档」文件夹？（不删除，可随时移回）`)) void run(async () => { await api.archiveCase(current); return [undefined, `已归档 ${current}`]; });
          }}>归档</button>
        </div>
      )}
    </div>
  );
}

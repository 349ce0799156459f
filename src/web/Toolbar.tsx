/** The header: the open case, its unsaved mark, save and render buttons, and the downloads. */
import { fileUrl, type Version } from './api';

interface Props {
  name: string | undefined;
  dirty: boolean;
  busy: boolean;
  files: Version | undefined;
  onSave: () => void;
  onRender: (status: 'draft' | 'final' | 'sample') => void;
}

const FORMAT: Record<string, string> = { pdf: 'PDF', docx: 'Word（DOCX）', txt: '去标识化报告' };

export function Toolbar({ name, dirty, busy, files, onSave, onRender }: Props) {
  return (
    <header class="toolbar">
      <h1 class="title">
        <span class="brand">jianding 工作台</span>
        {name && <span class="case-title">{name}{dirty && <span class="dirty" title="有未保存的修改" aria-label="有未保存的修改"> ●</span>}</span>}
      </h1>
      {name && (
        <div class="actions">
          <button type="button" onClick={onSave} disabled={busy} aria-keyshortcuts="Control+S">保存<kbd>Ctrl-S</kbd></button>
          <button type="button" onClick={() => onRender('draft')} disabled={busy}>生成征求意见稿</button>
          <button type="button" onClick={() => onRender('sample')} disabled={busy} title="去除姓名、身份证号、电话、病历号、地址、机构等个人信息，复查无残留后才写出，并附去标识化报告">生成培训样本</button>
          <button type="button" class="primary" onClick={() => onRender('final')} disabled={busy}>生成正式文书</button>
        </div>
      )}
      {name && files && files.files.length > 0 && (
        <div class="downloads" aria-label="下载">
          <span class="downloads-title">「{files.title}」下载：</span>
          {files.files.filter((f) => !f.endsWith('.json')).map((f) => (
            <a key={f} href={fileUrl(f)} download={f}>{FORMAT[f.split('.').pop() ?? ''] ?? f}</a>
          ))}
        </div>
      )}
    </header>
  );
}

/** The folder's cases: name, kind, patient, a status badge and the latest register version. */
import { KIND_NAMES, type CaseSummary } from './api';

interface Props {
  cases: CaseSummary[] | undefined;
  current: string | undefined;
  onOpen: (name: string) => void;
  children?: preact.ComponentChildren;
}

/** When the latest version was generated, in the reader's local time. */
const when = (iso: string | undefined) => (iso ? ` ${new Date(iso).toLocaleString('zh-CN', { hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })} 生成` : '');

function Badge({ c }: { c: CaseSummary }) {
  if (c.errors > 0) return <span class="badge badge-error">有错误 {c.errors}</span>;
  if (c.warnings > 0) return <span class="badge badge-warning">警告 {c.warnings}</span>;
  return <span class="badge badge-ok">通过</span>;
}

export function CaseList({ cases, current, onOpen, children }: Props) {
  return (
    <nav class="cases" aria-labelledby="cases-heading">
      <h2 id="cases-heading">案件</h2>
      {children}
      {cases === undefined && <p class="muted">正在读取……</p>}
      {cases?.length === 0 && <p class="muted">文件夹中没有案件文件（.yaml、.yml 或 .json）。</p>}
      <ul>
        {cases?.map((c) => (
          <li key={c.name}>
            <button type="button" class="case" aria-current={c.name === current ? 'true' : undefined} onClick={() => onOpen(c.name)}>
              <span class="case-top">
                <span class="case-name">{c.name}</span>
                <Badge c={c} />
              </span>
              <span class="case-line">{c.kind ? KIND_NAMES[c.kind] : '文书类型未识别'}</span>
              <span class="case-line">
                {c.patient ? `患者：${c.patient}` : '患者：—'}
                {c.documentNumber && <span class="case-number">{c.documentNumber}</span>}
              </span>
              <span class="case-line case-version">{c.latest ? `「${c.latest.title}」${when(c.latest.committedAt)}` : '尚未生成文书'}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

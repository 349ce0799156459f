/**
 * The diagnostics under the editor: severity, the Chinese message (it cites the regulation),
 * code and field path. An item is a button that leads to its field (form) or its line (source).
 */
import type { Diagnostic } from './api';

interface Props {
  diagnostics: Diagnostic[];
  /** In the form a diagnostic leads to its field (by path), in the source to its line. */
  view: 'form' | 'source';
  onJump: (d: Diagnostic) => void;
}

const SEVERITY = { error: '错误', warning: '警告' } as const;

function Body({ d }: { d: Diagnostic }) {
  return (
    <>
      <span class={`sev sev-${d.severity}`}>{SEVERITY[d.severity]}</span>
      <span class="diag-message">{d.message}</span>
      <span class="diag-meta">
        <code>{d.code}</code>
        {d.path && <> · <code>{d.path}</code></>}
        {d.line !== undefined && <> · 第 {d.line} 行</>}
      </span>
    </>
  );
}

export function Diagnostics({ diagnostics, view, onJump }: Props) {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return (
    <section class="diagnostics" aria-labelledby="diagnostics-heading">
      <h2 id="diagnostics-heading">
        校验结果
        <span class="diag-summary">{diagnostics.length === 0 ? '通过，没有错误或警告' : `${errors} 个错误，${warnings} 个警告`}</span>
      </h2>
      {diagnostics.length > 0 && (
        <ul>
          {diagnostics.map((d, i) => (
            <li key={`${d.code}-${d.path}-${i}`} class={`diag diag-${d.severity}`}>
              {(view === 'source' ? d.line !== undefined : d.path !== '')
                ? <button type="button" class="diag-jump" onClick={() => onJump(d)} title={view === 'source' ? '跳到该行' : '跳到该字段'}><Body d={d} /></button>
                : <div class="diag-static"><Body d={d} /></div>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

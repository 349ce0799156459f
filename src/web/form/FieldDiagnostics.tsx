/** The messages of the rules about one field, next to it (the same text the CLI prints). */
import type { Diagnostic } from '../api';

export function FieldDiagnostics({ id, list }: { id: string; list: Diagnostic[] | undefined }) {
  if (!list?.length) return null;
  return (
    <ul class="field-diagnostics" id={`${id}-diag`}>
      {list.map((d) => <li class={`diag-${d.severity}`} key={d.code + d.message}>{d.severity === 'error' ? '错误' : '警告'}：{d.message}<span class="code"> [{d.code}]</span></li>)}
    </ul>
  );
}

/**
 * A final can never be replaced: when the case changed after its final, the way forward is a
 * corrected version (更正, or 补正 as the 司法鉴定程序通则 calls a correction of form), kept
 * beside the original with its reason in the register.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Correction as Wanted } from './api';

interface Props {
  open: boolean;
  onSubmit: (c: Wanted) => void;
  onClose: () => void;
}

export function Correction({ open, onSubmit, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [kind, setKind] = useState<Wanted['kind']>('更正');
  const [reason, setReason] = useState('');
  useEffect(() => {
    const d = dialog.current!;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  const submit = (e: Event) => {
    e.preventDefault();
    if (reason.trim()) onSubmit({ kind, reason: reason.trim() });
  };
  return (
    <dialog ref={dialog} class="conflict" aria-labelledby="correction-title" onClose={onClose}>
      <form method="dialog" onSubmit={submit}>
        <h2 id="correction-title">生成正式文书的更正版本</h2>
        <p>原正式文书保留不变；更正版本另存为新文件（如 <code>案件名.correction-1.pdf</code>），种类与原因记入登记簿。</p>
        <label for="correction-kind">种类</label>
        <select id="correction-kind" value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value as Wanted['kind'])}>
          <option value="更正">更正</option>
          <option value="补正">补正（文字瑕疵、编号等，不影响鉴定意见）</option>
        </select>
        <label for="correction-reason">原因</label>
        <textarea id="correction-reason" required rows={3} value={reason} onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)} />
        <div class="dialog-actions">
          <button type="button" onClick={onClose}>取消</button>
          <button type="submit" class="danger">生成更正版本</button>
        </div>
      </form>
    </dialog>
  );
}

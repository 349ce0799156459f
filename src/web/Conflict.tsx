/**
 * Shown when a save is refused because the file changed on disk (409). Nothing is overwritten:
 * the user either keeps editing (and can copy the text out) or reloads the file from disk.
 */
import { useEffect, useRef } from 'preact/hooks';

interface Props {
  message: string | undefined;
  onReload: () => void;
  onClose: () => void;
}

export function Conflict({ message, onReload, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current!;
    if (message && !d.open) d.showModal();
    if (!message && d.open) d.close();
  }, [message]);
  return (
    <dialog ref={dialog} class="conflict" aria-labelledby="conflict-title" aria-describedby="conflict-text" onClose={onClose}>
      <h2 id="conflict-title">未保存：文件已在磁盘上被改动</h2>
      <p id="conflict-text">{message}</p>
      <p>您在编辑器中的修改仍然保留，尚未写入文件。可以先复制需要的内容，再重新载入磁盘上的版本；或关闭此提示继续编辑。</p>
      <div class="dialog-actions">
        <button type="button" onClick={onClose}>继续编辑</button>
        <button type="button" class="danger" onClick={onReload}>重新载入磁盘上的版本（放弃我的修改）</button>
      </div>
    </dialog>
  );
}

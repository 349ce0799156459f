/**
 * The live preview: the PDF the server renders from the editor's text, shown from a blob: URL
 * (the CSP allows frames from blob:). When the text has errors the last good PDF stays.
 */
interface Props {
  url: string | undefined;
  note: string | undefined;
  busy: boolean;
  /** The page of the part being edited: the viewer opens there. */
  page?: number;
}

export function Preview({ url, note, busy, page }: Props) {
  return (
    <section class="preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">
        预览
        {busy && <span class="preview-busy">正在生成预览……</span>}
      </h2>
      {note && <p class="preview-note" role="note">{note}</p>}
      {url
        // The fragment asks the browser's PDF viewer for the page, page width and no thumbnail pane.
        ? <iframe class="preview-frame" src={`${url}#${page ? `page=${page}&` : ''}navpanes=0&view=FitH`} title="文书预览（PDF）" />
        : <p class="muted preview-empty">{busy ? '正在生成预览……' : note ? '改正错误后在此显示文书预览。' : '打开案件后在此显示文书预览。'}</p>}
    </section>
  );
}

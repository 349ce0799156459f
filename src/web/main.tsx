/**
 * The workbench page: case list, editor with diagnostics, live preview. State that the server
 * owns (the file's SHA-256, the register's versions) is always re-read from it, never guessed.
 */
import { render as mount } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import * as api from './api';
import { CaseList } from './CaseList';
import { Conflict } from './Conflict';
import { Diagnostics } from './Diagnostics';
import { Editor, type EditorHandle } from './Editor';
import { Preview } from './Preview';
import { Toolbar } from './Toolbar';
import { usePreview, useValidation } from './live';

interface Open {
  name: string;
  /** The text as last read from or written to disk, and its SHA-256 (the base of the next save). */
  saved: string;
  sha256: string;
  /** Bumped on every (re)load so the editor starts from the new text. */
  key: string;
  latest?: api.Version;
}

/** Failures stand out in the status line; success and progress stay calm. */
type Tone = 'info' | 'ok' | 'error';

const OUTCOME: Record<api.RenderResult['outcome'], string> = {
  written: '已生成', upToDate: '已是最新，未重新生成', issued: '已签发，未重新生成', invalid: '未生成：案件有错误', failed: '未生成',
};

function App() {
  const [cases, setCases] = useState<api.CaseSummary[]>();
  const [open, setOpen] = useState<Open>();
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatusState] = useState<{ text: string; tone: Tone }>({ text: '', tone: 'info' });
  const setStatus = (text: string, tone: Tone = 'info') => setStatusState({ text, tone });
  const fail = (text: string) => setStatus(text, 'error');
  const [conflict, setConflict] = useState<string>();
  const text = useRef('');
  const editor = useRef<EditorHandle | undefined>(undefined);
  const validation = useValidation(fail);
  const preview = usePreview(fail);

  const refreshList = () => api.listCases().then(setCases, (e: Error) => fail(`无法读取案件列表：${e.message}`));
  useEffect(() => { void refreshList(); }, []);

  // Leaving the page (closing the tab, reloading) with unsaved changes asks first.
  useEffect(() => {
    const guard = (e: BeforeUnloadEvent) => { if (dirty) e.preventDefault(); };
    window.addEventListener('beforeunload', guard);
    return () => window.removeEventListener('beforeunload', guard);
  }, [dirty]);

  async function load(name: string) {
    try {
      const c = await api.readCase(name);
      text.current = c.text;
      setOpen({ name, saved: c.text, sha256: c.sha256, key: `${name}:${c.sha256}:${Date.now()}`, latest: c.latest });
      setDirty(false);
      setConflict(undefined);
      validation.reset(c.diagnostics);
      preview.reset(name, c.text);
      setStatus(`已打开 ${name}`);
    } catch (e) {
      fail(`无法打开 ${name}：${(e as Error).message}`);
    }
  }

  function choose(name: string) {
    if (name === open?.name) return;
    if (dirty && !window.confirm(`${open?.name} 有未保存的修改。放弃这些修改并打开 ${name}？`)) return;
    void load(name);
  }

  function edited(next: string) {
    if (!open) return;
    text.current = next;
    setDirty(next !== open.saved);
    validation.later(open.name, next);
    preview.later(open.name, next);
  }

  /** Writes the editor's text; false when nothing was written (conflict or error). */
  async function save(): Promise<boolean> {
    if (!open) return false;
    const sent = text.current;
    setBusy(true);
    try {
      const r = await api.saveCase(open.name, sent, open.sha256);
      setOpen({ ...open, saved: sent, sha256: r.sha256 });
      setDirty(text.current !== sent);
      setStatus(`已保存 ${open.name}`, 'ok');
      void refreshList();
      return true;
    } catch (e) {
      if (e instanceof api.ApiError && e.status === 409) setConflict(e.message);
      fail(`未保存：${(e as Error).message}`);
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function generate(kind: 'draft' | 'final') {
    if (!open) return;
    if (kind === 'final' && !window.confirm('正式文书一经生成即不可替换（如需修改只能生成更正版本）。确定生成正式文书？')) return;
    if (dirty && !(await save())) return;
    setBusy(true);
    setStatus(kind === 'final' ? '正在生成正式文书……' : '正在生成征求意见稿……');
    try {
      const r = await api.render(open.name, kind);
      const title = r.version ? `「${r.version.title}」` : '';
      const done = r.outcome === 'written' || r.outcome === 'upToDate' || r.outcome === 'issued';
      setStatus(`${OUTCOME[r.outcome]}${title}${r.failure ? `：${r.failure}` : ''}`, done ? 'ok' : 'error');
      if (r.version) setOpen((o) => o && { ...o, latest: r.version });
      if (r.outcome === 'invalid') validation.reset(r.diagnostics);
      void refreshList();
    } catch (e) {
      fail(`生成失败：${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  // Ctrl-S (⌘S) anywhere on the page saves, instead of the browser's "save page as".
  useEffect(() => {
    const key = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        if (open && !busy) void save();
      }
    };
    window.addEventListener('keydown', key);
    return () => window.removeEventListener('keydown', key);
  });

  return (
    <div class="app">
      <Toolbar name={open?.name} dirty={dirty} busy={busy} files={open?.latest} onSave={() => void save()} onRender={(k) => void generate(k)} />
      <p class={`status status-${status.tone}`} role="status" aria-live="polite">{status.text}</p>
      <CaseList cases={cases} current={open?.name} onOpen={choose} />
      <main class="work">
        {open ? (
          <>
            <Editor docKey={open.key} initial={open.saved} diagnostics={validation.diagnostics} onChange={edited} handle={(h) => { editor.current = h; }} />
            <Diagnostics diagnostics={validation.diagnostics} onJump={(l, c) => editor.current?.goto(l, c)} />
          </>
        ) : <p class="muted placeholder">请从左侧列表选择一个案件。</p>}
      </main>
      <Preview url={preview.url} note={preview.note} busy={preview.busy} />
      <Conflict message={conflict} onClose={() => setConflict(undefined)} onReload={() => { setConflict(undefined); setDirty(false); void load(open!.name); }} />
    </div>
  );
}

const root = document.getElementById('app')!;
root.textContent = ''; // the loading message from index.html; Preact would keep it beside the app
mount(<App />, root);

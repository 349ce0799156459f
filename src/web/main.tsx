/**
 * The workbench page: case list, editor with diagnostics, live preview. State that the server
 * owns (the file's SHA-256, the register's versions) is always re-read from it, never guessed.
 */
import { render as mount } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import * as api from './api';
import { CaseActions } from './CaseActions';
import { CaseList } from './CaseList';
import { Conflict } from './Conflict';
import { Correction } from './Correction';
import { Diagnostics } from './Diagnostics';
import { Editor, type EditorHandle } from './Editor';
import { FormView } from './FormView';
import { fieldId } from './form/schema';
import { pageOf, sectionOf } from './form/spec';
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
  const [correcting, setCorrecting] = useState(false);
  const text = useRef('');
  // Clerks start in the form; the source view is for power users. Both edit the same text.
  const [view, setView] = useState<'form' | 'source'>('form');
  const [shown, setShown] = useState('');
  const [section, setSection] = useState<string>();
  const [sourceKey, setSourceKey] = useState(0);
  // The text the source editor starts from: fixed when it opens, so typing never restarts it.
  const [sourceStart, setSourceStart] = useState('');
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
      setShown(c.text);
      setSourceStart(c.text);
      // Another case opens at its first part.
      if (name !== open?.name) setSection(undefined);
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
    setShown(next);
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

  async function generate(kind: 'draft' | 'final' | 'sample', correction?: api.Correction) {
    if (!open) return;
    if (kind === 'final' && !correction && !window.confirm('正式文书一经生成即不可替换（如需修改只能生成更正版本）。确定生成正式文书？')) return;
    if (dirty && !(await save())) return;
    setBusy(true);
    setStatus(kind === 'final' ? '正在生成正式文书……' : kind === 'sample' ? '正在生成培训样本（去除个人信息并复查）……' : '正在生成征求意见稿……');
    try {
      const r = await api.render(open.name, kind, correction);
      const title = r.version ? `「${r.version.title}」` : '';
      const done = r.outcome === 'written' || r.outcome === 'upToDate' || r.outcome === 'issued';
      // A sample stopped by the residual scan: the findings are listed below, each with its context.
      const residual = r.diagnostics.some((d) => d.code === 'deid.residual') ? '未生成：去标识化后仍疑似含个人信息（见下方列表），样本未写出' : undefined;
      setStatus(residual ?? `${OUTCOME[r.outcome]}${title}${r.failure ? `：${r.failure}` : ''}`, done ? 'ok' : 'error');
      if (r.version) setOpen((o) => o && { ...o, latest: r.version });
      if (r.outcome === 'invalid') validation.reset(r.diagnostics);
      // A final stands in the way: offer its corrected version instead.
      if (r.correctable) setCorrecting(true);
      void refreshList();
    } catch (e) {
      fail(`生成失败：${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  /** A diagnostic clicked: its field in the form (opening its section), or its line in the source. */
  function jump(d: api.Diagnostic) {
    if (view === 'source') {
      if (d.line !== undefined) editor.current?.goto(d.line, d.column);
      return;
    }
    const id = sectionOf(d.path);
    if (id) setSection(id);
    window.setTimeout(() => focusField(d.path), 0);
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
      <CaseList cases={cases} current={open?.name} onOpen={choose}>
        <CaseActions current={open?.name} onError={fail}
          onDone={(name, message) => { void refreshList(); if (name) choose(name); else { setOpen(undefined); setDirty(false); } setStatus(message, 'ok'); }} />
      </CaseList>
      <main class="work">
        {open ? (
          <>
            <div class="views" role="tablist" aria-label="编辑方式">
              <button type="button" role="tab" id="tab-form" aria-selected={view === 'form'} aria-controls="view-panel" onClick={() => setView('form')}>表单</button>
              <button type="button" role="tab" id="tab-source" aria-selected={view === 'source'} aria-controls="view-panel"
                onClick={() => { if (view !== 'source') { setSourceStart(text.current); setSourceKey((k) => k + 1); } setView('source'); }}>源文件（YAML）</button>
            </div>
            <div id="view-panel" role="tabpanel" aria-labelledby={view === 'form' ? 'tab-form' : 'tab-source'} class={`view view-${view}`}>
              {view === 'form'
                ? <FormView name={open.name} text={shown} diagnostics={validation.diagnostics} onText={edited} section={section} onSection={setSection} />
                : <Editor docKey={`${open.key}:${sourceKey}`} initial={sourceStart} diagnostics={validation.diagnostics} onChange={edited} handle={(h) => { editor.current = h; }} />}
            </div>
            <Diagnostics diagnostics={validation.diagnostics} view={view} onJump={(d) => jump(d)} />
          </>
        ) : <p class="muted placeholder">请从左侧列表选择一个案件。</p>}
      </main>
      <Preview url={preview.url} note={preview.note} busy={preview.busy} page={view === 'form' ? pageOf(section ?? 'basic', preview.anchors) : undefined} />
      <Correction open={correcting} onClose={() => setCorrecting(false)} onSubmit={(c) => { setCorrecting(false); void generate('final', c); }} />
      <Conflict message={conflict} onClose={() => setConflict(undefined)} onReload={() => { setConflict(undefined); setDirty(false); void load(open!.name); }} />
    </div>
  );
}

const root = document.getElementById('app')!;
root.textContent = ''; // the loading message from index.html; Preact would keep it beside the app
/** The control of a path, or of its nearest parent that is on the page. */
function focusField(path: string) {
  const keys = path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '');
  for (let n = keys.length; n > 0; n--) {
    const el = document.getElementById(fieldId(keys.slice(0, n)));
    if (el) {
      const target = el.matches('input, select, textarea, button') ? el : el.querySelector<HTMLElement>('input, select, textarea, button') ?? el;
      target.scrollIntoView({ block: 'center' });
      target.focus();
      return;
    }
  }
}

mount(<App />, root);

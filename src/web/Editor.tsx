/**
 * The case file in CodeMirror 6: YAML highlighting, line numbers, and the server's diagnostics
 * as lint markers. The server is the only validator (the same rules as the CLI), so the editor
 * never lints by itself: diagnostics arrive through setDiagnostics.
 *
 * The editor lives in a shadow root. CodeMirror injects its styles at run time; in a document it
 * would add a <style> element, which the workbench's CSP (style-src 'self') refuses, but in a
 * shadow root it adopts constructed style sheets, which the CSP allows. CSS custom properties
 * and fonts still inherit from app.css through the shadow boundary.
 */
import { basicSetup, EditorView } from 'codemirror';
import { yaml, yamlLanguage } from '@codemirror/lang-yaml';
import { currentSchema } from './schemaStore';
import { schemaCompletion, schemaHover } from './schemaAssist';
import { lintGutter, setDiagnostics, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { EditorState, type Text } from '@codemirror/state';
import { useEffect, useRef } from 'preact/hooks';
import type { Diagnostic } from './api';

export interface EditorHandle {
  /** Puts the cursor at a line (1-based) and column, and focuses the editor. */
  goto(line: number, column?: number): void;
}

interface Props {
  /** A new key means a new document (another case, or a reload): the editor starts afresh. */
  docKey: string;
  initial: string;
  diagnostics: Diagnostic[];
  onChange: (text: string) => void;
  handle: (h: EditorHandle | undefined) => void;
}

function position(doc: Text, line: number, column = 1): number {
  const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
  return Math.min(l.from + Math.max(column - 1, 0), l.to);
}

/** The value that starts at `from`: up to a trailing `# comment` or the end of the line. */
function valueEnd(doc: Text, from: number): number {
  const l = doc.lineAt(from);
  const rest = doc.sliceString(from, l.to).replace(/\s+#.*$/, '').trimEnd();
  return from + rest.length;
}

/** Diagnostics without a line belong to the whole file: they are listed but not marked. */
function toCm(doc: Text, ds: Diagnostic[]): CmDiagnostic[] {
  return ds.filter((d) => d.line !== undefined).map((d) => {
    const l = doc.line(Math.min(d.line!, doc.lines));
    const from = position(doc, d.line!, d.column);
    const to = valueEnd(doc, from);
    return {
      from: to > from ? from : l.from, to: to > from ? to : l.to, severity: d.severity,
      message: `${d.message}（${d.code}${d.path ? `，${d.path}` : ''}）`,
    };
  });
}

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '14px', color: 'var(--text)' },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '-2px' },
  '.cm-content': { fontFamily: 'var(--mono)' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.6' },
  '.cm-gutters': { backgroundColor: 'var(--panel)', borderRight: '1px solid var(--line)' },
  '.schema-hover': { maxWidth: '28rem', padding: '0.35rem 0.55rem', fontFamily: 'var(--font)', fontSize: '13px', lineHeight: '1.5' },
  '.cm-tooltip-autocomplete .cm-completionDetail': { fontFamily: 'var(--font)', color: 'var(--muted)', marginLeft: '0.6em' },
  '.cm-tooltip-autocomplete ul li[aria-selected] .cm-completionDetail': { color: '#fff' },
});

export function Editor({ docKey, initial, diagnostics, onChange, handle }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | undefined>(undefined);
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    const root = host.current!.shadowRoot ?? host.current!.attachShadow({ mode: 'open' });
    const v = new EditorView({
      parent: root,
      root,
      state: EditorState.create({
        doc: initial,
        extensions: [
          basicSetup, yaml(), lintGutter(), theme, EditorView.lineWrapping,
          // Field names, Chinese choices and help from the case's JSON Schema (the form's source too).
          yamlLanguage.data.of({ autocomplete: schemaCompletion(currentSchema) }), schemaHover(currentSchema),
          EditorView.contentAttributes.of({ 'aria-label': '案件文件（YAML）', 'aria-describedby': 'diagnostics-heading' }),
          EditorView.updateListener.of((u) => { if (u.docChanged) changed.current(u.state.doc.toString()); }),
        ],
      }),
    });
    view.current = v;
    handle({
      goto(line, column) {
        const pos = position(v.state.doc, line, column);
        v.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
        v.focus();
      },
    });
    return () => { handle(undefined); v.destroy(); view.current = undefined; };
  }, [docKey]);

  useEffect(() => {
    const v = view.current;
    if (v) v.dispatch(setDiagnostics(v.state, toCm(v.state.doc, diagnostics)));
  }, [diagnostics, docKey]);

  return <div class="editor" ref={host} />;
}

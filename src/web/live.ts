/**
 * Validation and preview after typing stops. Each request is numbered; a reply that is not the
 * newest is dropped (and the previous preview request aborted), so a slow answer for old text
 * never overwrites a newer one.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { preview, validate, type Anchor, type Diagnostic } from './api';

/** Runs `run` once `ms` have passed without another call; `cancel` drops the pending one. */
function useDebounce() {
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return {
    schedule(ms: number, run: () => void) {
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(run, ms);
    },
    cancel: () => window.clearTimeout(timer.current),
  };
}

export function useValidation(onError: (message: string) => void) {
  const [diagnostics, setDiagnostics] = useState<Diagnostic[]>([]);
  const seq = useRef(0);
  const debounce = useDebounce();
  const run = async (name: string, text: string) => {
    const mine = ++seq.current;
    try {
      const r = await validate(name, text);
      if (mine === seq.current) setDiagnostics(r.diagnostics);
    } catch (e) {
      if (mine === seq.current) onError(`校验失败：${(e as Error).message}`);
    }
  };
  return {
    diagnostics,
    /** Diagnostics that belong to a text just read from disk. */
    reset(ds: Diagnostic[]) { seq.current++; debounce.cancel(); setDiagnostics(ds); },
    later(name: string, text: string) { debounce.schedule(300, () => void run(name, text)); },
  };
}

export function usePreview(onError: (message: string) => void) {
  const [url, setUrl] = useState<string>();
  const [note, setNote] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [anchors, setAnchors] = useState<Anchor[]>([]);
  const seq = useRef(0);
  const inflight = useRef<AbortController | undefined>(undefined);
  const shown = useRef<string | undefined>(undefined);
  const debounce = useDebounce();

  const show = (next: string | undefined) => {
    // A blob: URL holds the whole PDF in memory until revoked.
    if (shown.current) URL.revokeObjectURL(shown.current);
    shown.current = next;
    setUrl(next);
  };
  useEffect(() => () => { if (shown.current) URL.revokeObjectURL(shown.current); }, []);

  const run = async (name: string, text: string) => {
    const mine = ++seq.current;
    inflight.current?.abort();
    const ctrl = new AbortController();
    inflight.current = ctrl;
    setBusy(true);
    try {
      const r = await preview(name, text, ctrl.signal);
      if (mine !== seq.current) return;
      if ('pdf' in r) {
        show(URL.createObjectURL(r.pdf));
        setAnchors(r.anchors);
        setNote(undefined);
      } else {
        const n = r.diagnostics.filter((d) => d.severity === 'error').length;
        setNote(`预览未更新：案件有 ${n} 个错误`);
      }
    } catch (e) {
      if (mine === seq.current && !ctrl.signal.aborted) onError(`预览失败：${(e as Error).message}`);
    } finally {
      if (mine === seq.current) setBusy(false);
    }
  };

  return {
    url, note, busy, anchors,
    /** Another case: its preview starts from nothing, right away. */
    reset(name: string, text: string) { debounce.cancel(); show(undefined); setNote(undefined); void run(name, text); },
    later(name: string, text: string) { debounce.schedule(400, () => void run(name, text)); },
  };
}

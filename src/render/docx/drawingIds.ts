/**
 * The docx library numbers drawings (wp:docPr ids) from a counter that lives as long as the
 * process, so the same tree rendered second in a process (a batch worker, the workbench, a
 * redline) would get other ids and other bytes. Renumbered here from 1, in part order,
 * unique across the document as Word requires.
 */
import type { ZipEntries } from './deterministicZip.js';

const DOC_PR = /<wp:docPr id="\d+"/g;
const PARTS = /^word\/(document|header\d+|footer\d+)\.xml$/;

export function normalizeDrawingIds(entries: ZipEntries): ZipEntries {
  const out: ZipEntries = new Map(entries);
  let next = 1;
  for (const name of [...entries.keys()].filter((n) => PARTS.test(n)).sort()) {
    const xml = new TextDecoder().decode(entries.get(name));
    if (!xml.includes('<wp:docPr ')) continue;
    out.set(name, new TextEncoder().encode(xml.replace(DOC_PR, () => `<wp:docPr id="${next++}"`)));
  }
  return out;
}

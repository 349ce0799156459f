import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderDocx } from '../../src/render/docx/index.js';
import { crc32, entryOrder, readZip, writeZip } from '../../src/render/docx/deterministicZip.js';
import { sampleTree } from '../support/sampleTree.js';

afterEach(() => vi.useRealTimers());

async function renderAt(iso: string): Promise<Uint8Array> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
  try {
    return await renderDocx(sampleTree());
  } finally {
    vi.useRealTimers();
  }
}

describe('determinism', () => {
  it('gives byte-identical output for the same tree, whatever the clock says', async () => {
    const a = await renderAt('2030-01-02T03:04:05Z');
    const b = await renderAt('1999-12-31T23:59:59Z');
    expect(a.length).toBeGreaterThan(10_000);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(await renderDocx(sampleTree())).equals(Buffer.from(a))).toBe(true);
  });

  it('gives the same bytes for a tree with images however many documents the process wrote before', async () => {
    const withQr = () => {
      const tree = sampleTree();
      tree.sections[1]!.blocks.unshift({ kind: 'verification', code: '92BJ-2KYB-PFHA-Q99J', url: 'https://jd.example.org.cn/verify?code=92BJ-2KYB-PFHA-Q99J' });
      return tree;
    };
    const first = await renderDocx(withQr());
    await renderDocx(withQr());
    expect(new TextDecoder().decode(readZip(first).get('word/document.xml'))).toContain('<wp:docPr id="1"');
    expect(Buffer.from(await renderDocx(withQr())).equals(Buffer.from(first))).toBe(true);
  });

  it('changes when the tree changes', async () => {
    const tree = sampleTree();
    tree.meta.created = '2026-11-23';
    expect(Buffer.from(await renderDocx(tree)).equals(Buffer.from(await renderDocx(sampleTree())))).toBe(false);
  });

  it('reads the same parts from docx’s compiler as from the ZIP docx would write', async () => {
    const compiler = (Packer as unknown as { compiler?: { compile(d: Document): Map<string, string | Uint8Array> } }).compiler;
    expect(typeof compiler?.compile).toBe('function'); // the fast path is really taken with this docx version
    const doc = () => new Document({ sections: [{ children: [new Paragraph('鉴定意见书')] }] });
    const zipped = readZip(new Uint8Array(await Packer.toBuffer(doc())));
    const compiled = compiler!.compile(doc());
    expect([...compiled.keys()].sort()).toEqual([...zipped.keys()].sort());
    const enc = new TextEncoder();
    for (const [name, data] of compiled) {
      if (name === 'docProps/core.xml') continue; // stamped with the clock; replaced by coreXml anyway
      expect(Buffer.from(typeof data === 'string' ? enc.encode(data) : data).equals(Buffer.from(zipped.get(name)!))).toBe(true);
    }
  });

  it('stamps every entry 1980-01-01 and orders [Content_Types].xml first', async () => {
    const bytes = await renderDocx(sampleTree());
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files);
    expect(names[0]).toBe('[Content_Types].xml');
    expect(names[1]).toBe('_rels/.rels');
    expect(names).toEqual(entryOrder(names));
    for (const f of Object.values(zip.files)) {
      expect([f.date.getFullYear(), f.date.getMonth(), f.date.getDate(), f.date.getHours(), f.date.getMinutes()]).toEqual([1980, 0, 1, 0, 0]);
    }
  });
});

describe('deterministicZip', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('round-trips through its own reader and through JSZip', async () => {
    const enc = new TextEncoder();
    const entries = new Map<string, Uint8Array>([
      ['b/second.xml', enc.encode('<x>'.repeat(500))],
      ['[Content_Types].xml', enc.encode('<Types/>')],
      ['a/empty.bin', new Uint8Array()],
      ['名字.txt', enc.encode('中文')],
    ]);
    const zip = writeZip(entries);
    const back = readZip(zip);
    expect([...back.keys()]).toEqual(['[Content_Types].xml', 'a/empty.bin', 'b/second.xml', '名字.txt']);
    for (const [k, v] of entries) expect(Buffer.from(back.get(k)!).equals(Buffer.from(v))).toBe(true);
    const jz = await JSZip.loadAsync(zip);
    expect(await jz.file('b/second.xml')!.async('string')).toBe('<x>'.repeat(500));
    expect(await jz.file('名字.txt')!.async('string')).toBe('中文');
  });

  it('rejects what is not a ZIP', () => {
    expect(() => readZip(new TextEncoder().encode('not a zip at all, just some text here'))).toThrow(/ZIP/);
  });
});

/**
 * What a generated document carries to prove itself: its fingerprint's inputs as named
 * properties (PDF XMP, DOCX custom properties) and, except in training samples, the case
 * file it was made from, so `jianding verify` can make it again and compare the bytes.
 */
import type { DocumentTree, SignatureBlock } from '../document/tree.js';
import type { Fingerprint } from './fingerprint.js';
import type { CaseDefaults } from '../parse/loadCase.js';

export interface CaseFile {
  /** The file's base name, e.g. 01_judicial.yaml */
  name: string;
  bytes: Uint8Array;
}

/** PNG images an institution issues with (electronic seal and signatures), by signer name. */
export interface IssueImages {
  seal?: Uint8Array;
  signatures?: Record<string, Uint8Array>;
}

/** The property names both renderers write and `verify` reads. */
export function proofProperties(fp: Fingerprint, caseFile: string | undefined, defaults?: unknown): Record<string, string> {
  const i = fp.inputs;
  return {
    // A training sample names neither the real case file nor its hash.
    fingerprint: fp.sha256, verificationCode: fp.code, caseSha256: i.sample ? '' : i.caseSha256, caseFile: caseFile ?? '',
    templates: JSON.stringify(i.templates), fontsSha256: i.fontsSha256, tool: i.tool, status: i.status, sample: String(i.sample),
    defaults: JSON.stringify(defaults ?? {}),
  };
}

/** The institution defaults a document records (proofProperties' `defaults`), to apply them again. */
export const recordedDefaults = (props: Record<string, string>): CaseDefaults => JSON.parse(props.defaults || '{}') as CaseDefaults;

const mimeOf = (name: string): string => (/\.json$/i.test(name) ? 'application/json' : 'application/yaml');

export function attachProof(tree: DocumentTree, fp: Fingerprint, caseFile: CaseFile | undefined, defaults?: unknown): void {
  // A training sample must not carry the real case it was made from.
  const embedded = fp.inputs.sample ? undefined : caseFile;
  tree.meta.properties = proofProperties(fp, embedded?.name, fp.inputs.sample ? undefined : defaults);
  if (embedded) tree.meta.attachments = [{ name: embedded.name, mimeType: mimeOf(embedded.name), description: '生成本文书的案件文件（jianding verify 据此复核）', bytes: embedded.bytes }];
}

/** Puts the institution's seal and each signer's signature image into the 落款 of a final. */
export function attachImages(tree: DocumentTree, images: IssueImages | undefined): void {
  if (!images) return;
  for (const section of tree.sections) {
    for (const block of section.blocks) {
      if (block.kind !== 'signature' || !block.sealed) continue;
      sign(block, images);
    }
  }
}

function sign(block: SignatureBlock, images: IssueImages): void {
  if (images.seal) block.sealImage = images.seal;
  for (const line of block.lines) {
    const image = images.signatures?.[line.name];
    if (image) line.image = image;
  }
}

/** The lines both renderers print beside the QR code. */
import type { VerificationBlock } from '../document/tree.js';

export function verificationLines(block: VerificationBlock): string[] {
  const lines = [`查询校验码：${block.code}`];
  if (block.url) {
    const url = new URL(block.url);
    lines.push(`核验网址：${url.origin}${url.pathname}`);
  }
  return lines;
}

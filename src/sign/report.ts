/** What `jianding verify` found, as checks a reader can follow one by one. */
export interface Check {
  /** true passed, false failed, null could not be checked (said why). */
  ok: boolean | null;
  label: string;
  detail?: string;
  /** A check of the bytes themselves (regeneration or the register's hash): one must pass. */
  proof?: true;
}

export interface VerifyReport {
  file: string;
  format: 'pdf' | 'docx';
  verificationCode: string | null;
  /** The version the register knows this document as, e.g. 「01_case：正式文书」. */
  registered: string | null;
  verified: boolean;
  checks: Check[];
}

/** Verified: nothing failed, and the bytes were proven (by regeneration or the register's record). */
export function verdict(checks: Check[]): boolean {
  return checks.every((c) => c.ok !== false) && checks.some((c) => c.ok === true && c.proof);
}

export function formatReport(r: VerifyReport): string {
  const mark = (c: Check) => (c.ok === true ? '✓' : c.ok === false ? '✗' : '·');
  const lines = [`${r.file}`];
  if (r.verificationCode) lines.push(`  查询校验码：${r.verificationCode}`);
  if (r.registered) lines.push(`  登记簿：${r.registered}`);
  for (const c of r.checks) lines.push(`  ${mark(c)} ${c.label}${c.detail ? `：${c.detail}` : ''}`);
  lines.push(r.verified ? '  结论：核验通过——文件与 jianding 生成的一致，签名均有效' : '  结论：未通过核验（见上面标 ✗ 或 · 的各项）');
  return lines.join('\n');
}

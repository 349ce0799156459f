import { describe, expect, it } from 'vitest';
import { codes } from '../support/check.js';

const expert = (name: string, specialty: string, extra = {}) => ({ name, specialty, affiliation: '某某大学附属医院', ...extra });

describe('expert panel (Jiangsu measures Art. 12, 17, 18, 33)', () => {
  it('needs an odd number of 3 or more', () => {
    expect(codes((c) => { c.panel.experts.pop(); })).toContain('PANEL_SIZE');
    expect(codes((c) => { c.panel.experts.push(expert('李某', '普外科')); })).toContain('PANEL_SIZE');
    expect(codes((c) => { c.panel.experts.push(expert('李某', '普外科'), expert('周某', '普外科')); })).not.toContain('PANEL_SIZE');
  });

  it('main specialty at least half', () => {
    // 2 of 5 are 普外科: below half.
    expect(codes((c) => { c.panel.experts.push(expert('李某', '麻醉学'), expert('周某', '医学影像科')); })).toContain('PANEL_MAIN_SPECIALTY');
    // 2 of 3: fine.
    expect(codes()).not.toContain('PANEL_MAIN_SPECIALTY');
  });

  it('a forensic expert when death or disability is assessed, for medical associations', () => {
    const noForensic = (c: Parameters<Parameters<typeof codes>[0] & object>[0]) => { c.panel.experts[2] = expert('孙某某', '普外科'); };
    expect(codes(noForensic)).toContain('PANEL_FORENSIC');
    expect(codes((c) => { noForensic(c); delete c.damage.consequences[0]!.disabilityGrade; })).not.toContain('PANEL_FORENSIC');
  });

  it('exactly one leader for medical associations', () => {
    expect(codes((c) => { c.panel.experts[0]!.role = 'member'; })).toContain('PANEL_LEADER');
    expect(codes((c) => { c.panel.experts[1]!.role = '鉴定组长'; })).toContain('PANEL_LEADER');
  });

  it('flags recusal: involvement, or working at the treating institution', () => {
    expect(codes((c) => { c.panel.experts[1]!.involvedInCase = true; })).toContain('PANEL_RECUSAL');
    expect(codes((c) => { c.panel.experts[1]!.affiliation = '某某市第一人民医院'; })).toContain('PANEL_RECUSAL');
  });

  it('warns on a specialty not in Art. 33', () => {
    expect(codes((c) => { c.panel.experts[1]!.specialty = '肝胆外科'; c.panel.experts[0]!.specialty = '肝胆外科'; c.panel.mainSpecialty = '肝胆外科'; })).toEqual(['PANEL_SPECIALTY_UNLISTED', 'PANEL_SPECIALTY_UNLISTED']);
  });
});

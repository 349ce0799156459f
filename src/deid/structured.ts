/**
 * Structured fields whose whole value is personal data: the patient's ID number, birth date and
 * address, the institution's contact data and licence, the signers' certificate numbers, the
 * document number's serial. Names are not handled here: they are replaced wherever they occur.
 */
import type { Case } from '../schema/case.js';
import { generaliseAddress } from './addresses.js';
import { ageAt } from './dates.js';
import type { Ledger } from './report.js';
import { isMasked } from './text.js';

/** Certificate and licence numbers keep their place in the 落款 but say nothing. */
export const MASKED_NUMBER = '××××××';

/** Exact strings replaced wherever they occur (the institution's short name in the document number). */
export type Fixed = { original: string; replacement: string; category: 'institution' | 'certificate' };

function patientFields(c: Case, ledger: Ledger): void {
  const p = c.basicInfo.patient;
  if (p.birthDate) {
    const age = p.age ?? ageAt(p.birthDate, c.report.date);
    ledger.add('birthDate', p.birthDate, `${age}岁`);
    p.age = age;
    delete p.birthDate;
  }
  if (p.idNumber && !isMasked(p.idNumber)) {
    ledger.add('idNumber', p.idNumber, '（删除）');
    delete p.idNumber;
  }
  if (p.address && generaliseAddress(p.address) !== p.address && !isMasked(p.address)) {
    ledger.add('address', p.address, generaliseAddress(p.address));
    p.address = generaliseAddress(p.address);
  }
}

function institutionFields(c: Case, ledger: Ledger): Fixed[] {
  const i = c.institution;
  for (const key of ['phone', 'postcode'] as const) {
    if (i[key] && !isMasked(i[key]!)) {
      ledger.add(key === 'phone' ? 'phone' : 'address', i[key]!, '（删除）');
      delete i[key];
    }
  }
  if (i.address && !isMasked(i.address)) {
    ledger.add('address', i.address, generaliseAddress(i.address));
    i.address = generaliseAddress(i.address);
  }
  if (i.licenceNumber && !isMasked(i.licenceNumber)) {
    ledger.add('certificate', i.licenceNumber, MASKED_NUMBER);
    i.licenceNumber = MASKED_NUMBER;
  }
  return i.shortName && !isMasked(i.shortName) ? [{ original: i.shortName, replacement: '某某', category: 'institution' }] : [];
}

function signerFields(c: Case, ledger: Ledger): void {
  for (const s of [...c.appraisers, ...(c.reviewer ? [c.reviewer] : [])]) {
    if (isMasked(s.certificateNumber)) continue;
    ledger.add('certificate', s.certificateNumber, MASKED_NUMBER);
    s.certificateNumber = MASKED_NUMBER;
  }
}

/** 苏东南司鉴〔2026〕临鉴字第12号 → …第××号: the serial would find the real opinion. */
function documentNumber(c: Case, ledger: Ledger): void {
  const n = c.report.documentNumber;
  const masked = n.replace(/第\s*[\d０-９]+\s*号/g, '第××号');
  if (masked !== n) {
    ledger.add('certificate', n, masked);
    c.report.documentNumber = masked;
  }
}

/** Edits the (cloned) case in place; returns the strings to replace wherever they occur. */
export function deidentifyFields(c: Case, ledger: Ledger): Fixed[] {
  patientFields(c, ledger);
  signerFields(c, ledger);
  documentNumber(c, ledger);
  return institutionFields(c, ledger);
}

/** The names the case's fields give: the patient, experts, signers, people at the hearing. */
export function listedPeople(c: Case): string[] {
  const h = c.process.hearing;
  return [
    c.basicInfo.patient.name, ...c.panel.experts.map((e) => e.name), ...c.appraisers.map((a) => a.name),
    ...(c.reviewer ? [c.reviewer.name] : []), ...[...h.patientSide, ...h.medicalSide, ...h.others].map((p) => p.name),
  ].map((n) => n.trim());
}

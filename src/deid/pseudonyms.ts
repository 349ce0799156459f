/**
 * One pseudonym per person and per institution for the whole case, so the same person reads the
 * same everywhere, in both files. Persons: surname + 某 (one-character given name) or 某某, the
 * surname kept whole (欧阳娜娜 → 欧阳某某); people who share a surname with another person of the
 * case, or with a name already anonymised in it, are told apart: 张某甲, 张某乙. Medical
 * institutions: 甲医院, 乙医院… in order (the case's list first); other institutions: 某 + kind.
 */
import { INSTITUTION_KINDS, kindOf, stemOf } from './institutions.js';
import { surnameAt } from './personNames.js';
import { CITIES, PROVINCES } from './places.js';

/** 南京鼓楼 → 鼓楼: a short form may carry the city the listed name spells differently. */
const PLACE = new RegExp(`^(?:${[...PROVINCES, ...CITIES].join('|')})(?:省|市)?`);
const withoutPlace = (stem: string) => stem.replace(PLACE, '');

const ORDINALS = [...'甲乙丙丁戊己庚辛壬癸'];

export class Pseudonyms {
  private readonly persons = new Map<string, string>();
  private readonly institutions = new Map<string, string>();
  private readonly listed: string[] = [];
  private medicalCount = 0;

  /** `existing`: names already anonymised in the case (王某某), which keep theirs and count for collisions. */
  constructor(persons: string[], private readonly existing: string[]) {
    const bySurname = new Map<string, string[]>();
    for (const name of persons) {
      const surname = surnameAt(name, 0) ?? name[0]!;
      bySurname.set(surname, [...new Set([...(bySurname.get(surname) ?? []), name])]);
    }
    const taken = new Set(existing);
    for (const [surname, names] of bySurname) {
      const shared = names.length > 1 || existing.some((e) => surnameAt(e, 0) === surname);
      let next = 0;
      for (const name of names) {
        let p = shared ? `${surname}某${ORDINALS[next++ % 10]}` : `${surname}${name.length - surname.length === 1 ? '某' : '某某'}`;
        while (taken.has(p)) p = `${surname}某${ORDINALS[next++ % 10]}`;
        taken.add(p);
        this.persons.set(name, p);
      }
    }
  }

  person(name: string): string {
    return this.persons.get(name) ?? `${surnameAt(name, 0) ?? name[0]}某某`;
  }

  /** A surname alone (欧阳女士): the one person of the case with it, else surname + 某. */
  surname(surname: string): string {
    const matches = [...this.persons].filter(([n]) => surnameAt(n, 0) === surname);
    const clash = this.existing.some((e) => surnameAt(e, 0) === surname);
    return matches.length === 1 && !clash ? matches[0]![1] : `${surname}某`;
  }

  personNames(): string[] {
    return [...this.persons.keys()];
  }

  /** The case's own medical institutions, in order: 甲医院, 乙医院…; short forms map to them. */
  listInstitution(name: string): void {
    if (this.institutions.has(name)) return;
    this.listed.push(name);
    this.institutions.set(name, this.label(name));
  }

  institution(name: string): string {
    const known = this.institutions.get(name) ?? this.shortFormOf(name);
    if (known) return known;
    const label = this.label(name);
    this.institutions.set(name, label);
    return label;
  }

  institutionNames(): string[] {
    return [...this.institutions.keys()];
  }

  /** 鼓楼医院 for 南京大学医学院附属鼓楼医院: same kind, and the stem is the end of the listed one's. */
  private shortFormOf(name: string): string | undefined {
    // 常州二院 for 常州市第二人民医院: the city and the number.
    const numbered = /^(.*?)[市省]?([一二三四五六七八九十])院$/.exec(name);
    if (numbered) {
      const l = this.listed.find((x) => x.includes(`第${numbered[2]}`) && x.includes(numbered[1]!));
      return l && this.institutions.get(l);
    }
    const k = kindOf(name);
    const stems = [stemOf(name), withoutPlace(stemOf(name))].filter((s) => s.length >= 2);
    const listed = this.listed.find((l) => kindOf(l)?.kind === k?.kind && stems.some((s) => stemOf(l).endsWith(s)));
    return listed && this.institutions.get(listed);
  }

  private label(name: string): string {
    const k = kindOf(name) ?? INSTITUTION_KINDS.find((x) => x.kind === '医院')!;
    if (!k.medical) return `某${k.kind}`;
    const kind = ['卫生院', '诊所', '保健院', '妇幼保健院', '社区卫生服务中心', '门诊部', '卫生室'].includes(k.kind) ? k.kind : '医院';
    return `${ORDINALS[this.medicalCount++ % 10]}${kind}`;
  }
}

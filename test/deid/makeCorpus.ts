/**
 * Builds test/deid/corpus/: each fixture, twice, with realistic personal data planted in its
 * structured fields and in its narrative, in many spellings, and `planted.json` listing what was
 * planted. Run once with `npx tsx test/deid/makeCorpus.ts`; the output is committed, so the
 * tests read fixed files. Every planted value is fictitious; ID and card numbers are made to
 * pass their check digits, so a detector cannot rely on their being invalid.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { loadCase } from '../../src/parse/loadCase.js';
import { luhn, validResidentId } from '../../src/deid/identifiers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT = path.join(ROOT, 'test/deid/corpus');

const PATIENTS = ['欧阳娜娜', '张伟', '李秀英', '司马光明', '王建国', '陈静', '刘芳', '诸葛明亮', '赵丽华', '孙强', '周海燕', '吴敏',
  '徐磊', '马丽', '朱军', '胡杰', '郭涛', '何娟', '林峰', '罗霞', '高飞', '郑洁', '梁勇', '谢婷'];
const RELATIVES = ['建华', '国强', '秀兰', '志刚'];
const STAFF = ['黄海波', '钱丽', '冯振', '蒋春梅', '韩磊', '曹慧'];
const HOSPITALS = [
  ['南京大学医学院附属鼓楼医院', '鼓楼医院'], ['南京市第一医院', '第一医院'], ['苏州大学附属第一医院', '第一医院'],
  ['无锡市人民医院', '人民医院'], ['常州市第二人民医院', '常州二院'], ['徐州医科大学附属医院', '附属医院'],
];
const UNLISTED = ['江苏省人民医院', '南京市妇幼保健院', '玄武区红山街道社区卫生服务中心', '宁海路诊所'];

const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

function residentId(k: number, birth: string): string {
  const head = `${['320102', '320106', '110105', '440305'][k % 4]}${birth.replaceAll('-', '')}${String(100 + k * 7).slice(-3)}`;
  for (const c of '0123456789X') if (validResidentId(head + c)) return head + c;
  throw new Error('no check digit');
}

function bankCard(k: number): string {
  const head = `62220212${String(3456789 + k * 1111).padStart(10, '0')}`;
  for (let d = 0; d < 10; d++) if (luhn(head + d)) return head + d;
  throw new Error('no Luhn digit');
}

const mobile = (k: number) => `13${(k % 7) + 3}${String(12345678 + k * 1013).slice(0, 8)}`;

/** The spellings a real file mixes: plain, spaced, full-width, labelled or not. */
function spell(value: string, k: number, groups: number[]): string {
  const spaced = (() => { let i = 0; return groups.map((g) => value.slice(i, (i += g))).filter(Boolean).join(' ') + value.slice(groups.reduce((a, b) => a + b, 0)); })();
  return [value, spaced, fullWidth(value), fullWidth(spaced)][k % 4]!;
}

interface Plant { file: string; patient: string; pseudonym: string; values: { category: string; value: string }[]; sameSurname?: [string, string] }

function birthFor(reportDate: string, age: number): string {
  const [y, m, d] = reportDate.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y - age - 1, m - 1, d + 1));
  return next.toISOString().slice(0, 10);
}

function plant(source: string, k: number): { text: string; plant: Plant; json: boolean } {
  const json = source.endsWith('.json');
  const raw = fs.readFileSync(path.join(ROOT, 'fixtures', source), 'utf8');
  const data = json ? JSON.parse(raw) : YAML.parse(raw);
  const patient = PATIENTS[k % PATIENTS.length]!;
  const surname = ['欧阳', '司马', '诸葛'].find((s) => patient.startsWith(s)) ?? patient[0]!;
  // Odd files: the husband shares the patient's surname, so the two must become 某甲 and 某乙.
  const relative = `${k % 2 ? surname : ['黄', '钱', '冯', '蒋'][k % 4]}${RELATIVES[k % RELATIVES.length]}`;
  const staff = STAFF[k % STAFF.length]!;
  const [hospital, shortForm] = HOSPITALS[k % HOSPITALS.length]!;
  const unlisted = UNLISTED[k % UNLISTED.length]!;
  const oldName = data.basicInfo.patient.name as string;
  const oldHospital = data.basicInfo.medicalInstitutions[0].name as string;
  const age = data.basicInfo.patient.age ?? 40;
  const birth = birthFor(data.report.date, age);
  const id = residentId(k, birth);
  const card = bankCard(k);
  const phone = mobile(k);
  const landline = `025-8${String(3100000 + k * 37).slice(-7)}`;
  const plate = `苏${'ABCDEFG'[k % 7]}${String(12345 + k * 11).slice(-5)}`;
  const email = `patient${k}@example.com`;
  const inpatientNo = `ZY${2025000 + k * 13}`;
  const street = `江苏省南京市鼓楼区中山北路${100 + k}号${(k % 9) + 1}栋${1201 + k}室`;

  let text = JSON.stringify(data);
  text = text.replace(new RegExp(`${oldName}(?!某)`, 'g'), patient).replaceAll(oldHospital, hospital);
  const d = JSON.parse(text);
  const p = d.basicInfo.patient;
  p.idNumber = spell(id, k, [6, 8]);
  p.address = street;
  if (k % 2 === 0) { p.birthDate = birth; delete p.age; }
  const birthZh = `${birth.slice(0, 4)}年${Number(birth.slice(5, 7))}月${Number(birth.slice(8, 10))}日`;
  const narrative = [
    `${patient}（${k % 3 === 0 ? '身份证号：' : k % 3 === 1 ? '公民身份号码 ' : ''}${spell(id, k + 1, [6, 8])}），${birthZh}出生，家住${street.replace('江苏省', '')}，联系电话：${spell(phone, k, [3, 4])}，固定电话${k % 2 ? fullWidth(landline) : landline}。`,
    `${k % 2 ? '住院号：' : '住院号为'}${inpatientNo}，${k % 2 ? '门诊号 ' : '门诊号：'}MZ${880000 + k}，床号：${(k % 40) + 1}床，病案号${k % 2 ? '：' : ' '}${spell(String(600000 + k * 3), k, [3])}，检查号：CT${fullWidth(String(7700 + k))}。`,
    `其丈夫${relative}陪同就诊，由助产士${staff}接诊；${surname.length === 2 ? surname : patient[0]}女士称${shortForm}曾建议转往${unlisted}，${staff}未及时报告上级医师。`,
    `赔偿款请汇入银行卡${spell(card, k, [4, 4, 4, 4])}，患方驾驶${plate}车辆来院，电子邮箱${email}。`,
  ];
  d.basicInfo.summary = [...[].concat(d.basicInfo.summary).flatMap((s: string) => s.split('\n')).filter(Boolean), ...narrative];
  d.statements.patientSide = `${[].concat(d.statements.patientSide).join('\n')}\n患方代理人联系方式：${spell(phone, k + 2, [3, 4])}；${relative}表示${shortForm}的医生未尽告知义务。`;
  d.$schema = '../../../src/schema/case.schema.json';
  const values = [
    { category: 'person', value: patient }, { category: 'person', value: relative }, { category: 'person', value: staff },
    { category: 'institution', value: hospital }, { category: 'institution', value: shortForm }, { category: 'institution', value: unlisted },
    { category: 'idNumber', value: id }, { category: 'phone', value: phone }, { category: 'phone', value: landline },
    { category: 'bankCard', value: card }, { category: 'plate', value: plate }, { category: 'email', value: email },
    { category: 'recordNumber', value: inpatientNo }, { category: 'recordNumber', value: `MZ${880000 + k}` }, { category: 'recordNumber', value: String(600000 + k * 3) },
    { category: 'recordNumber', value: `CT${7700 + k}` }, { category: 'address', value: '中山北路' }, { category: 'address', value: `${1201 + k}室` },
    { category: 'birthDate', value: birthZh }, { category: 'birthDate', value: birth },
  ];
  const pseudonym = surname + (patient.length - surname.length === 1 ? '某' : '某某');
  const file = `${String(k + 1).padStart(2, '0')}_${source.replace(/^\d+_/, '')}`;
  const out = json ? `${JSON.stringify(d, null, 2)}\n` : YAML.stringify(d, { lineWidth: 0 });
  return { text: out, json, plant: { file, patient, pseudonym, values, sameSurname: [patient, relative] } };
}

const fixtures = fs.readdirSync(path.join(ROOT, 'fixtures')).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
const plants: Plant[] = [];
fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(OUT, { recursive: true });
for (let k = 0; k < 24; k++) {
  const { text, plant: p } = plant(fixtures[k % fixtures.length]!, k);
  const loaded = loadCase(Buffer.from(text), p.file);
  if (!loaded.ok) throw new Error(`${p.file}: ${loaded.diagnostics.filter((x) => x.severity === 'error').map((x) => `${x.path} ${x.message}`).join('; ')}`);
  fs.writeFileSync(path.join(OUT, p.file), text);
  plants.push(p);
}
fs.writeFileSync(path.join(OUT, 'planted.json'), `${JSON.stringify(plants, null, 1)}\n`);
console.log(`${plants.length} case files written to ${path.relative(ROOT, OUT)}`);

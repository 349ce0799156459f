/** How messages and documents name the regulations they rely on. */
export const SOURCES = {
  measures: '《江苏省医疗损害鉴定管理办法》',
  sft0095: 'SF/T 0095—2021《人身损害与疾病因果关系判定指南》',
  accidentGrading: '《医疗事故分级标准（试行）》',
  judicialProcedure: '《司法鉴定程序通则》',
  documentRules: '《司法鉴定文书规范》',
  officialDocumentFormat: 'GB/T 9704—2012《党政机关公文格式》',
  accidentRegulation: '《医疗事故处理条例》',
  civilCode: '《中华人民共和国民法典》',
} as const;

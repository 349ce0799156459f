/** The three opinion documents and the appraisal types each allows. */
export const REPORT_KINDS = {
  association: { name: '医学会医疗损害鉴定意见书', short: '医疗损害鉴定意见书', institutionKind: '医学会' },
  judicial: { name: '司法鉴定意见书', short: '司法鉴定意见书', institutionKind: '司法鉴定机构' },
  accident: { name: '医疗事故技术鉴定书', short: '医疗事故技术鉴定书', institutionKind: '医学会' },
} as const;
export type ReportKind = keyof typeof REPORT_KINDS;

export const REPORT_KIND_ALIASES: Record<string, ReportKind> = {
  医学会医疗损害鉴定意见书: 'association', 医学会: 'association', 医疗损害鉴定意见书: 'association',
  司法鉴定意见书: 'judicial', 司法鉴定: 'judicial', 司法鉴定机构: 'judicial',
  医疗事故技术鉴定书: 'accident', 医疗事故技术鉴定: 'accident', 医疗事故: 'accident',
};

export const APPRAISAL_TYPES = {
  initial: '初次鉴定',
  supplementary: '补充鉴定',
  reappraisal: '重新鉴定',
  review: '复核鉴定',
  second: '再次鉴定',
} as const;
export type AppraisalType = keyof typeof APPRAISAL_TYPES;

export const APPRAISAL_TYPE_ALIASES: Record<string, AppraisalType> = {
  初次鉴定: 'initial', 初次: 'initial', 首次鉴定: 'initial', 首次: 'initial',
  补充鉴定: 'supplementary', 补充: 'supplementary',
  重新鉴定: 'reappraisal', 重新: 'reappraisal',
  复核鉴定: 'review', 复核: 'review',
  再次鉴定: 'second', 再次: 'second',
};

/** Which appraisal types make sense for which report kind (seed 000: 再次 is for accident appraisals). */
export const APPRAISAL_TYPES_BY_KIND: Record<ReportKind, AppraisalType[]> = {
  association: ['initial', 'supplementary', 'reappraisal'],
  judicial: ['initial', 'supplementary', 'reappraisal', 'review'],
  accident: ['initial', 'second'],
};

/** Who commissioned, and in what setting (Art. 8, 9, 15). */
export const COMMISSION_SETTINGS = { litigation: '诉讼', mediation: '人民调解', negotiation: '医患双方协商', referral: '卫生健康行政部门移交' } as const;
export type CommissionSetting = keyof typeof COMMISSION_SETTINGS;
export const COMMISSION_SETTING_ALIASES: Record<string, CommissionSetting> = {
  诉讼: 'litigation', 法院委托: 'litigation', 人民调解: 'mediation', 调解: 'mediation', 医疗纠纷人民调解: 'mediation',
  协商: 'negotiation', 自行协商: 'negotiation', 医患双方协商: 'negotiation',
  卫生健康行政部门移交: 'referral', 卫生行政部门移交: 'referral', 行政移交: 'referral', 移交: 'referral',
};
export const COMMISSIONING_PARTIES = { court: '人民法院', both: '医患双方共同委托', patient: '患方单方', medical: '医方单方', authority: '卫生健康行政部门' } as const;
export type CommissioningParty = keyof typeof COMMISSIONING_PARTIES;
export const COMMISSIONING_PARTY_ALIASES: Record<string, CommissioningParty> = {
  人民法院: 'court', 法院: 'court', 共同委托: 'both', 医患双方: 'both', 医患双方共同委托: 'both',
  患方: 'patient', 患方单方: 'patient', 医方: 'medical', 医方单方: 'medical',
  卫生健康行政部门: 'authority', 卫生行政部门: 'authority', 卫生健康委员会: 'authority',
};

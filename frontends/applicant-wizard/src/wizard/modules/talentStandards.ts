// 申请评定符合标准 of 人才分类定级 and the class each sets (A类 … E类). The declaration service has
// them as data but no query for them yet; this copy mirrors subgraphs/declaration's
// talent-standards.ts until the API offers them (then the form reads them from there).
export const TALENT_LEVEL_NAMES: Record<string, string> = {
  A: 'A类',
  B: 'B类',
  C: 'C类',
  D: 'D类',
  E: 'E类',
};

export const TALENT_STANDARDS: readonly { code: string; level: string; text: string }[] = [
  { code: 'A-01', level: 'A', text: '诺贝尔奖获得者' },
  { code: 'A-02', level: 'A', text: '中国科学院院士、中国工程院院士' },
  { code: 'B-01', level: 'B', text: '国家杰出青年科学基金获得者' },
  { code: 'B-02', level: 'B', text: '国家科学技术奖一等奖的主要完成人' },
  { code: 'C-01', level: 'C', text: '享受国务院政府特殊津贴专家' },
  { code: 'C-02', level: 'C', text: '国家级技能大师工作室领办人' },
  { code: 'D-01', level: 'D', text: '具有正高级职称且在本领域取得突出业绩的专业技术人才' },
  { code: 'D-02', level: 'D', text: '省级技能大师工作室领办人' },
  { code: 'E-01', level: 'E', text: '具有副高级职称的专业技术人才' },
  { code: 'E-02', level: 'E', text: '具有全日制博士研究生学历并取得博士学位的人才' },
];

export function talentLevelOf(standardCode: string | null | undefined): string | undefined {
  return TALENT_STANDARDS.find((s) => s.code === standardCode)?.level;
}

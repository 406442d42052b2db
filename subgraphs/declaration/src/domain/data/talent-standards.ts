// 人才分类定级: the five classes and the standards (申请评定符合标准) that place a person in one.
// The chosen standard sets 申请评定级别（层次）; the applicant never types the level. A subset of the
// kinds of standard a province's 人才分类目录 lists, ordered from the top class down.
import { deepFreeze } from '../freeze';

export const TALENT_LEVELS = {
  A: 'A类',
  B: 'B类',
  C: 'C类',
  D: 'D类',
  E: 'E类',
} as const;
export type TalentLevelCode = keyof typeof TALENT_LEVELS;
/** Top class first: a 晋升认定 must move up this list. */
export const TALENT_LEVEL_ORDER: readonly TalentLevelCode[] = ['A', 'B', 'C', 'D', 'E'];

export interface TalentStandard {
  code: string;
  level: TalentLevelCode;
  text: string;
}

export const TALENT_STANDARDS: readonly TalentStandard[] = deepFreeze([
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
]);

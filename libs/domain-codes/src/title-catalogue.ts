// The title catalogue (申报系列 → 申报专业 → 申报专业范围 → 申报职称名称 → 申报职称级别) as data.
// A real subset of the national series. Titles belong to a series (engineering, economics) or to a
// specialty (health: 医疗类 and 护理类 have different titles), so they are written once per owner
// and repeated under every scope when the tree is built. Codes are stable: series, specialty and
// scope codes are unique in the whole tree (dotted paths), a title code is unique to its owner, and
// level codes are one national vocabulary (what committees are looked up by). Kept in this shared
// library because identity checks review committees (series, level, specialty scope) against it.

/** Freezes shared configuration data so that a caller changing it fails loudly instead of leaking. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** 申报职称级别: 初级 is split into 助理级 and 员级 (卫生: 师级 and 士级). */
export const TITLE_LEVELS = {
  FULL_SENIOR: '正高级',
  DEPUTY_SENIOR: '副高级',
  INTERMEDIATE: '中级',
  ASSISTANT: '助理级',
  JUNIOR: '员级',
} as const;
export type TitleLevelCode = keyof typeof TITLE_LEVELS;

export interface TitleDefinition {
  code: string;
  name: string;
  level: TitleLevelCode;
}

export interface SpecialtyDefinition {
  code: string;
  name: string;
  /** When set, these titles replace the series' ones for this specialty. */
  titles?: TitleDefinition[];
  scopes: Array<{ code: string; name: string }>;
}

export interface SeriesDefinition {
  code: string;
  name: string;
  titles?: TitleDefinition[];
  specialties: SpecialtyDefinition[];
}

const titles = (owner: string, list: Array<[key: string, name: string, level: TitleLevelCode]>) =>
  list.map(([key, name, level]): TitleDefinition => ({ code: `${owner}.${key}`, name, level }));

const scopes = (specialty: string, list: Array<[key: string, name: string]>) =>
  list.map(([key, name]) => ({ code: `${specialty}.${key}`, name }));

export const TITLE_SERIES: readonly SeriesDefinition[] = deepFreeze([
  {
    code: 'ENG',
    name: '工程系列',
    titles: titles('ENG', [
      ['PROFESSOR_ENGINEER', '正高级工程师', 'FULL_SENIOR'],
      ['SENIOR_ENGINEER', '高级工程师', 'DEPUTY_SENIOR'],
      ['ENGINEER', '工程师', 'INTERMEDIATE'],
      ['ASSISTANT_ENGINEER', '助理工程师', 'ASSISTANT'],
      ['TECHNICIAN', '技术员', 'JUNIOR'],
    ]),
    specialties: [
      {
        code: 'ENG.EI',
        name: '电子信息',
        scopes: scopes('ENG.EI', [
          ['SOFTWARE', '计算机软件'],
          ['NETWORK', '计算机网络'],
          ['COMMUNICATION', '通信工程'],
          ['ELECTRONICS', '电子技术'],
        ]),
      },
      {
        code: 'ENG.ME',
        name: '机械工程',
        scopes: scopes('ENG.ME', [
          ['WELDING', '焊接'],
          ['DESIGN_MANUFACTURE', '机械设计与制造'],
          ['MECHATRONICS', '机电一体化'],
        ]),
      },
      {
        code: 'ENG.CE',
        name: '建筑工程',
        scopes: scopes('ENG.CE', [
          ['ARCHITECTURE', '建筑设计'],
          ['STRUCTURE', '结构工程'],
          ['CONSTRUCTION', '建筑施工'],
          ['WATER', '给水排水'],
        ]),
      },
      {
        code: 'ENG.EP',
        name: '电气工程',
        scopes: scopes('ENG.EP', [
          ['POWER_SYSTEM', '电力系统及其自动化'],
          ['HIGH_VOLTAGE', '高电压与绝缘技术'],
        ]),
      },
    ],
  },
  {
    code: 'EDU',
    name: '教育系列',
    specialties: [
      {
        code: 'EDU.PS',
        name: '中小学教师',
        // 2015 reform: one ladder for 中学, 小学 and 幼儿园 (formerly 中学高级教师 etc.).
        titles: titles('EDU.PS', [
          ['FULL_SENIOR_TEACHER', '正高级教师', 'FULL_SENIOR'],
          ['SENIOR_TEACHER', '高级教师', 'DEPUTY_SENIOR'],
          ['FIRST_GRADE_TEACHER', '一级教师', 'INTERMEDIATE'],
          ['SECOND_GRADE_TEACHER', '二级教师', 'ASSISTANT'],
          ['THIRD_GRADE_TEACHER', '三级教师', 'JUNIOR'],
        ]),
        scopes: scopes('EDU.PS', [
          ['SEC_CHINESE', '中学语文'],
          ['SEC_MATHS', '中学数学'],
          ['SEC_ENGLISH', '中学英语'],
          ['SEC_PHYSICS', '中学物理'],
          ['SEC_CHEMISTRY', '中学化学'],
          ['PRI_CHINESE', '小学语文'],
          ['PRI_MATHS', '小学数学'],
          ['KINDERGARTEN', '幼儿园教育'],
        ]),
      },
      {
        code: 'EDU.SV',
        name: '中等职业学校教师',
        titles: titles('EDU.SV', [
          ['FULL_SENIOR_LECTURER', '正高级讲师', 'FULL_SENIOR'],
          ['SENIOR_LECTURER', '高级讲师', 'DEPUTY_SENIOR'],
          ['LECTURER', '讲师', 'INTERMEDIATE'],
          ['ASSISTANT_LECTURER', '助理讲师', 'ASSISTANT'],
        ]),
        scopes: scopes('EDU.SV', [
          ['CULTURE', '文化课'],
          ['SPECIALISED', '专业课'],
        ]),
      },
    ],
  },
  {
    code: 'ECON',
    name: '经济系列',
    // 2019 reform: no 员级 in the economics series.
    titles: titles('ECON', [
      ['FULL_SENIOR_ECONOMIST', '正高级经济师', 'FULL_SENIOR'],
      ['SENIOR_ECONOMIST', '高级经济师', 'DEPUTY_SENIOR'],
      ['ECONOMIST', '经济师', 'INTERMEDIATE'],
      ['ASSISTANT_ECONOMIST', '助理经济师', 'ASSISTANT'],
    ]),
    specialties: [
      { code: 'ECON.BA', name: '工商管理', scopes: scopes('ECON.BA', [['GENERAL', '工商管理']]) },
      { code: 'ECON.HR', name: '人力资源管理', scopes: scopes('ECON.HR', [['GENERAL', '人力资源管理']]) },
      { code: 'ECON.FIN', name: '金融', scopes: scopes('ECON.FIN', [['GENERAL', '金融']]) },
      { code: 'ECON.TAX', name: '财政税收', scopes: scopes('ECON.TAX', [['GENERAL', '财政税收']]) },
      { code: 'ECON.IP', name: '知识产权', scopes: scopes('ECON.IP', [['GENERAL', '知识产权']]) },
      {
        code: 'ECON.RE',
        name: '建筑与房地产经济',
        scopes: scopes('ECON.RE', [['GENERAL', '建筑与房地产经济']]),
      },
    ],
  },
  {
    code: 'HEALTH',
    name: '卫生系列',
    specialties: [
      {
        code: 'HEALTH.MED',
        name: '医疗类',
        titles: titles('HEALTH.MED', [
          ['CHIEF_PHYSICIAN', '主任医师', 'FULL_SENIOR'],
          ['DEPUTY_CHIEF_PHYSICIAN', '副主任医师', 'DEPUTY_SENIOR'],
          ['ATTENDING_PHYSICIAN', '主治医师', 'INTERMEDIATE'],
          ['PHYSICIAN', '医师', 'ASSISTANT'],
          ['ASSISTANT_PHYSICIAN', '医士', 'JUNIOR'],
        ]),
        scopes: scopes('HEALTH.MED', [
          ['INTERNAL', '内科学'],
          ['SURGERY', '外科学'],
          ['OBSTETRICS', '妇产科学'],
          ['PAEDIATRICS', '儿科学'],
          ['GENERAL_PRACTICE', '全科医学'],
          ['TCM_INTERNAL', '中医内科学'],
        ]),
      },
      {
        code: 'HEALTH.NUR',
        name: '护理类',
        titles: titles('HEALTH.NUR', [
          ['CHIEF_NURSE', '主任护师', 'FULL_SENIOR'],
          ['DEPUTY_CHIEF_NURSE', '副主任护师', 'DEPUTY_SENIOR'],
          ['SUPERVISOR_NURSE', '主管护师', 'INTERMEDIATE'],
          ['NURSE_PRACTITIONER', '护师', 'ASSISTANT'],
          ['NURSE', '护士', 'JUNIOR'],
        ]),
        scopes: scopes('HEALTH.NUR', [
          ['GENERAL', '护理学'],
          ['INTERNAL', '内科护理'],
          ['SURGICAL', '外科护理'],
        ]),
      },
      {
        code: 'HEALTH.PHA',
        name: '药学类',
        titles: titles('HEALTH.PHA', [
          ['CHIEF_PHARMACIST', '主任药师', 'FULL_SENIOR'],
          ['DEPUTY_CHIEF_PHARMACIST', '副主任药师', 'DEPUTY_SENIOR'],
          ['SUPERVISOR_PHARMACIST', '主管药师', 'INTERMEDIATE'],
          ['PHARMACIST', '药师', 'ASSISTANT'],
          ['ASSISTANT_PHARMACIST', '药士', 'JUNIOR'],
        ]),
        scopes: scopes('HEALTH.PHA', [
          ['PHARMACY', '药学'],
          ['CLINICAL', '临床药学'],
          ['TCM', '中药学'],
        ]),
      },
      {
        code: 'HEALTH.TEC',
        name: '技术类',
        titles: titles('HEALTH.TEC', [
          ['CHIEF_TECHNOLOGIST', '主任技师', 'FULL_SENIOR'],
          ['DEPUTY_CHIEF_TECHNOLOGIST', '副主任技师', 'DEPUTY_SENIOR'],
          ['SUPERVISOR_TECHNOLOGIST', '主管技师', 'INTERMEDIATE'],
          ['TECHNOLOGIST', '技师', 'ASSISTANT'],
          ['ASSISTANT_TECHNOLOGIST', '技士', 'JUNIOR'],
        ]),
        scopes: scopes('HEALTH.TEC', [
          ['LABORATORY', '临床医学检验技术'],
          ['RADIOLOGY', '放射医学技术'],
          ['REHABILITATION', '康复医学治疗技术'],
        ]),
      },
    ],
  },
]);

/**
 * The levels (申报职称级别) a series has, or a specialty of it when `specialtyCode` is given (a
 * specialty's own titles replace the series' ones). Empty for an unknown series or specialty.
 */
export function titleLevelsOf(seriesCode: string, specialtyCode?: string | null): TitleLevelCode[] {
  const series = TITLE_SERIES.find((s) => s.code === seriesCode);
  if (!series) return [];
  const specialties = specialtyCode
    ? series.specialties.filter((s) => s.code === specialtyCode)
    : series.specialties;
  const levels = new Set<TitleLevelCode>();
  for (const specialty of specialties)
    for (const title of specialty.titles ?? series.titles ?? []) levels.add(title.level);
  if (!specialtyCode) for (const title of series.titles ?? []) levels.add(title.level);
  return (Object.keys(TITLE_LEVELS) as TitleLevelCode[]).filter((level) => levels.has(level));
}

// Chinese vocabularies of the forms (stored as the words; the seeds' drop-downs offer these).

export const ETHNICITIES = [
  '汉族',
  '蒙古族',
  '回族',
  '藏族',
  '维吾尔族',
  '苗族',
  '彝族',
  '壮族',
  '布依族',
  '朝鲜族',
  '满族',
  '侗族',
  '瑶族',
  '白族',
  '土家族',
  '哈尼族',
  '哈萨克族',
  '傣族',
  '黎族',
  '傈僳族',
  '佤族',
  '畲族',
  '高山族',
  '拉祜族',
  '水族',
  '东乡族',
  '纳西族',
  '景颇族',
  '柯尔克孜族',
  '土族',
  '达斡尔族',
  '仫佬族',
  '羌族',
  '布朗族',
  '撒拉族',
  '毛南族',
  '仡佬族',
  '锡伯族',
  '阿昌族',
  '普米族',
  '塔吉克族',
  '怒族',
  '乌孜别克族',
  '俄罗斯族',
  '鄂温克族',
  '德昂族',
  '保安族',
  '裕固族',
  '京族',
  '塔塔尔族',
  '独龙族',
  '鄂伦春族',
  '赫哲族',
  '门巴族',
  '珞巴族',
  '基诺族',
] as const;

export const POLITICAL_STATUSES = [
  '中共党员',
  '中共预备党员',
  '共青团员',
  '民主党派',
  '无党派人士',
  '群众',
] as const;
export const EDUCATION_LEVELS = [
  '博士研究生',
  '硕士研究生',
  '大学本科',
  '大学专科',
  '中等专科',
  '高中及以下',
] as const;
export const DEGREES = ['博士', '硕士', '学士', '无'] as const;
export const STUDY_MODES = ['全日制', '非全日制'] as const;
export const TRAINING_MODES = ['脱产', '半脱产', '业余', '网络培训'] as const;
export const PERSONNEL_TYPES = ['专业技术人员', '管理人员', '工勤技能人员'] as const;
export const UNIT_TYPES = ['机关', '事业单位', '国有企业', '民营企业', '社会组织', '其他'] as const;
export const WORK_NATURES = ['应用', '研究', '教学', '管理'] as const;
export const AUTHOR_ROLES = ['独著', '第一作者', '第二作者', '通讯作者', '主编', '副主编', '参编'] as const;
export const ENTERPRISE_SCALES = ['大型', '中型', '小型', '微型'] as const;
export const HONOUR_RANKS = ['国家级', '省部级', '市厅级', '县处级', '其他'] as const;
export const AWARD_GRADES = ['特等奖', '一等奖', '二等奖', '三等奖', '优秀奖'] as const;

import type { PublicityData, ReviewListData, TalentApplicationData } from '../src';

export const generatedAt = new Date('2026-03-01T00:30:00Z');

export const zhangWei = {
  name: '张伟',
  gender: '男',
  birthDate: '1986-05-12',
  unitName: '吉林省长春市第一建筑工程有限公司',
  post: '项目技术负责人',
  education: '大学本科（工学学士），吉林建筑大学 土木工程',
  currentTitle: '工程师',
  currentTitleDate: '2019-12-20',
  idNumber: '220102198605120011',
  mobile: '13800000001',
};

export const title = {
  seriesName: '工程技术',
  specialtyName: '建筑工程',
  scopeName: '建筑施工',
  titleName: '高级工程师',
  levelName: '副高级',
};

export const reviewList: ReviewListData = {
  noticeTitle: '关于开展2026年度全省专业技术职称评审工作的通知',
  recommendingUnit: '吉林省长春市第一建筑工程有限公司',
  entries: [
    {
      applicant: zhangWei,
      title,
      category: '正常',
      yearsInSpecialty: 15,
      annualAssessment: '2023年 合格；2024年 优秀；2025年 合格',
      achievements: '主持长春市南关区保障性住房项目（建筑面积12万平方米）施工技术管理，获省级优质工程奖。',
    },
    {
      applicant: {
        ...zhangWei,
        name: '王喆',
        gender: '女',
        birthDate: '1990-11-03',
        currentTitle: '助理工程师',
      },
      title,
      category: '破格（两名专家推荐破格）',
      annualAssessment: '2025年 优秀',
      achievements: '参与编制地方标准《装配式混凝土结构施工规程》。',
    },
  ],
  generatedAt,
};

export const publicity: PublicityData = {
  applicant: { ...zhangWei, name: '李娜', gender: '女', birthDate: '1988-02-29' },
  title,
  category: '正常',
  achievements: '负责公司BIM技术推广应用，完成3项省级工法，发表论文2篇。',
  recommendingUnit: '吉林省长春市第一建筑工程有限公司',
  publicity: { startDate: '2026-03-02', endDate: '2026-03-08' },
  objectionContact: {
    name: '公司人力资源部 刘老师',
    phone: '0431-88886666',
    address: '长春市朝阳区人民大街1号',
  },
  generatedAt,
};

export const talentApplication: TalentApplicationData = {
  applicant: { ...zhangWei, name: '赵堃', education: '研究生（博士）' },
  source: '引进人才',
  introducedFrom: '上海交通大学',
  serviceType: '晋升认定',
  previousCategory: 'E类人才',
  previousRecognitionDate: '2023-06-30',
  longTermContract: false,
  contractStartDate: '2024-01-01',
  standard: '近五年主持完成省部级以上科研项目2项，成果转化取得显著经济效益。',
  levelName: 'D类人才',
  education: [
    {
      startDate: '2008-09-01',
      endDate: '2012-06-30',
      school: '吉林大学',
      major: '材料科学与工程',
      educationLevel: '大学本科',
      degree: '学士',
      studyMode: '全日制',
    },
    {
      startDate: '2012-09-01',
      endDate: '2017-06-30',
      school: '上海交通大学',
      major: '材料学',
      educationLevel: '研究生',
      degree: '博士',
      studyMode: '全日制',
    },
  ],
  workExperience: [
    { startDate: '2017-07-01', endDate: '2023-12-31', unit: '上海材料研究所', post: '研究员' },
    { startDate: '2024-01-01', unit: '长春新材料产业园', post: '首席科学家' },
  ],
  innovation: '带领团队研发高强轻质铝合金材料，实现产业化，年产值超过2亿元。',
  honours: [{ name: '吉林省青年科技奖', date: '2025-09-10', grantor: '吉林省人民政府', level: '省级' }],
  awards: [],
  generatedAt,
};

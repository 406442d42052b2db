import { fieldOf } from '@zhicheng/vocabulary';
import { Sheet, type Cell } from './sheet';
import { dateText, excerpt, generatedText, monthText, orBlank, periodText } from './text';
import type { AppliedTitle, PublicityData, RecordLine, ReviewListData, TalentApplicationData } from './types';

const label = (text: string, width: number): Cell => ({ text, width, label: true });
/** A field of the talent declaration's 基本信息, labelled as the vocabulary (and every screen) says. */
const talent = (field: string): string => fieldOf('TALENT_BASIC_INFO', field)?.zh ?? field;
const value = (text: string | number | null | undefined, width: number): Cell => ({
  text: orBlank(text),
  width,
});

const titleWords = (t: AppliedTitle) =>
  [t.seriesName, t.specialtyName, t.scopeName].filter(Boolean).join(' / ');
const withDate = (text?: string | null, date?: string | null) =>
  text ? (date ? `${text}（${dateText(date)}）` : text) : '';

/** 职称评审一览表: one row per applicant, landscape, the header repeated on every page. */
export async function renderReviewList(data: ReviewListData): Promise<Buffer> {
  const heading = data.heading || '职称评审一览表';
  const sheet = new Sheet(
    heading,
    'landscape',
    `${heading}　生成时间：${generatedText(data.generatedAt ?? new Date())}`,
  );
  const sub = [
    data.noticeTitle && `通知：${data.noticeTitle}`,
    data.recommendingUnit && `推荐单位：${data.recommendingUnit}`,
  ]
    .filter(Boolean)
    .join('　　');
  sheet.heading(heading, sub || null);
  const columns: Array<[string, number]> = [
    ['序号', 0.04],
    ['姓名', 0.06],
    ['性别', 0.04],
    ['出生年月', 0.07],
    ['工作单位', 0.11],
    ['学历（学位）', 0.09],
    ['现专业技术资格（取得时间）', 0.1],
    ['申报系列 / 专业', 0.1],
    ['申报资格（级别）', 0.08],
    ['申报类别', 0.06],
    ['年度考核', 0.07],
    ['主要业绩', 0.18],
  ];
  const header = columns.map(([text, width]) => label(text, width));
  sheet.row(header, { size: 9 });
  data.entries.forEach((entry, index) => {
    const { applicant: a, title: t } = entry;
    const values = [
      String(index + 1),
      a.name,
      orBlank(a.gender),
      monthText(a.birthDate),
      a.unitName,
      orBlank(a.education),
      withDate(a.currentTitle, a.currentTitleDate),
      titleWords(t),
      `${t.titleName}（${t.levelName}）`,
      entry.category,
      orBlank(entry.annualAssessment),
      excerpt(entry.achievements, 200),
    ];
    sheet.row(
      values.map((text, i) => ({ text, width: columns[i][1], align: i < 4 || i === 9 ? 'center' : 'left' })),
      { size: 9, repeat: header },
    );
  });
  sheet.gap(14);
  sheet.paragraph(
    '推荐单位（盖章）：　　　　　　　　　　　　经办人：　　　　　　　　　　日期：　　　　年　　月　　日',
    {
      align: 'right',
    },
  );
  return sheet.finish();
}

/** 公示表: who is recommended for what, the publicity period and where to object. */
export async function renderPublicity(data: PublicityData): Promise<Buffer> {
  const heading = data.heading || '专业技术职称评审申报人员公示表';
  const sheet = new Sheet(
    heading,
    'portrait',
    `${heading}　生成时间：${generatedText(data.generatedAt ?? new Date())}`,
  );
  sheet.heading(heading, `推荐单位：${data.recommendingUnit}`);
  const a = data.applicant;
  const t = data.title;
  sheet.row([
    label('姓名', 0.16),
    value(a.name, 0.18),
    label('性别', 0.13),
    value(a.gender, 0.14),
    label('出生年月', 0.15),
    value(monthText(a.birthDate), 0.24),
  ]);
  sheet.row([label('工作单位', 0.16), value(a.unitName, 0.45), label('现任职务', 0.15), value(a.post, 0.24)]);
  sheet.row([label('学历（学位）', 0.16), value(a.education, 0.84)]);
  sheet.row([
    label('现专业技术资格', 0.16),
    value(a.currentTitle, 0.45),
    label('取得时间', 0.15),
    value(dateText(a.currentTitleDate), 0.24),
  ]);
  sheet.row([
    label('申报系列', 0.16),
    value(t.seriesName, 0.18),
    label('申报专业', 0.13),
    value([t.specialtyName, t.scopeName].filter(Boolean).join(' / '), 0.53),
  ]);
  sheet.row([
    label('申报资格名称', 0.16),
    value(t.titleName, 0.18),
    label('申报级别', 0.13),
    value(t.levelName, 0.14),
    label('申报类别', 0.15),
    value(data.category, 0.24),
  ]);
  sheet.row([label('主要业绩', 0.16), value(excerpt(data.achievements, 600), 0.84)], { minHeight: 160 });
  sheet.row([
    label('公示期', 0.16),
    value(`${dateText(data.publicity.startDate)}至${dateText(data.publicity.endDate)}`, 0.84),
  ]);
  const contact = data.objectionContact;
  sheet.row([
    label('异议受理', 0.16),
    value(
      [
        `受理部门（人）：${contact.name}`,
        `联系电话：${contact.phone}`,
        contact.address && `地址：${contact.address}`,
      ]
        .filter(Boolean)
        .join('\n'),
      0.86,
    ),
  ]);
  sheet.gap(10);
  sheet.paragraph(
    '公示期间，任何单位和个人对公示对象的申报材料、业绩成果等有异议的，请以书面形式实名向异议受理部门反映，并提供具体事实和联系方式。对以匿名方式反映的问题，原则上不予受理。',
  );
  sheet.gap(24);
  sheet.paragraph(`${data.recommendingUnit}（盖章）`, { align: 'right' });
  sheet.paragraph('　　　　年　　月　　日', { align: 'right' });
  return sheet.finish();
}

const recordRows = (sheet: Sheet, caption: string, lines: RecordLine[] | undefined) => {
  sheet.caption(caption);
  const header = [
    label('名称', 0.42),
    label('授予（取得）日期', 0.18),
    label('授予单位', 0.26),
    label('级别', 0.14),
  ];
  sheet.row(header);
  const rows = lines?.length ? lines : [{ name: '无' }];
  for (const line of rows)
    sheet.row(
      [
        value(line.name, 0.42),
        value(dateText(line.date), 0.18),
        value(line.grantor, 0.26),
        value(line.level, 0.14),
      ],
      { repeat: header },
    );
  sheet.gap(8);
};

/** 人才分类定级认定申报表: the applicant, the standard claimed, history, results, signatures. */
export async function renderTalentApplication(data: TalentApplicationData): Promise<Buffer> {
  const heading = data.heading || '人才分类定级认定申报表';
  const sheet = new Sheet(
    heading,
    'portrait',
    `${heading}　生成时间：${generatedText(data.generatedAt ?? new Date())}`,
  );
  sheet.heading(heading);
  const a = data.applicant;
  sheet.caption('一、基本信息');
  sheet.row([
    label(talent('name'), 0.16),
    value(a.name, 0.18),
    label(talent('gender'), 0.13),
    value(a.gender, 0.14),
    label('出生年月', 0.15),
    value(monthText(a.birthDate), 0.24),
  ]);
  sheet.row([
    label(talent('idNumber'), 0.16),
    value(a.idNumber, 0.45),
    label(talent('mobile'), 0.15),
    value(a.mobile, 0.24),
  ]);
  sheet.row([
    label(talent('workUnitName'), 0.16),
    value(a.unitName, 0.45),
    label(talent('post'), 0.15),
    value(a.post, 0.24),
  ]);
  sheet.row([label(talent('educationLevel'), 0.16), value(a.education, 0.84)]);
  sheet.row([
    label(talent('source'), 0.16),
    value(data.source, 0.18),
    label(talent('introducedFrom'), 0.13),
    value(data.introducedFrom, 0.53),
  ]);
  sheet.row([
    label(talent('serviceType'), 0.16),
    value(data.serviceType, 0.18),
    label(talent('previousCategoryCode'), 0.13),
    value(withDate(data.previousCategory, data.previousRecognitionDate), 0.53),
  ]);
  sheet.row([
    label(talent('longTermContract'), 0.16),
    value(data.longTermContract ? '是' : '否', 0.18),
    label(talent('contractStartDate'), 0.13),
    value(data.longTermContract ? '' : dateText(data.contractStartDate), 0.53),
  ]);
  sheet.row([label(talent('standardCode'), 0.16), value(data.standard, 0.84)]);
  sheet.row([label(talent('levelCode'), 0.16), value(data.levelName, 0.84)]);
  sheet.gap(8);

  sheet.caption('二、学习教育经历');
  const educationHeader = [
    label('起止时间', 0.2),
    label('学校', 0.26),
    label('专业', 0.2),
    label('学历（学位）', 0.2),
    label('教育方式', 0.14),
  ];
  sheet.row(educationHeader);
  for (const e of data.education)
    sheet.row(
      [
        value(periodText(e.startDate, e.endDate), 0.2),
        value(e.school, 0.26),
        value(e.major, 0.2),
        value([e.educationLevel, e.degree && `（${e.degree}）`].filter(Boolean).join(''), 0.2),
        value(e.studyMode, 0.14),
      ],
      { repeat: educationHeader },
    );
  sheet.gap(8);

  sheet.caption('三、工作经历');
  const workHeader = [label('起止时间', 0.2), label('工作单位', 0.5), label('职务（岗位）', 0.3)];
  sheet.row(workHeader);
  for (const w of data.workExperience)
    sheet.row([value(periodText(w.startDate, w.endDate), 0.2), value(w.unit, 0.5), value(w.post, 0.3)], {
      repeat: workHeader,
    });
  sheet.gap(8);

  sheet.caption('四、主要创新创业成果（突出业绩）');
  sheet.row([value(excerpt(data.innovation, 1200) || '无', 1)], { minHeight: 90 });
  sheet.gap(8);
  recordRows(sheet, '五、人才荣誉表彰', data.honours);
  recordRows(sheet, '六、专业获奖情况', data.awards);
  if (data.enterpriseResults?.length) recordRows(sheet, '七、企业人才业绩', data.enterpriseResults);

  sheet.caption('申报人承诺及审核意见');
  sheet.row(
    [
      value(
        '本人承诺，申报所提供的材料真实、准确，如有违诺情况，本人愿承担所有责任。\n\n申报人签字：　　　　　　　年　　月　　日',
        0.5,
      ),
      value('推荐单位意见：\n\n\n（盖章）　　　　　　　年　　月　　日', 0.5),
    ],
    { minHeight: 110 },
  );
  return sheet.finish();
}

import { BUSINESS_FORM_NAMES, renderBusinessForm, type ReviewListEntry } from '../src';
import { readPdf } from '@zhicheng/testing';
import { publicity, reviewList, talentApplication, title, zhangWei } from './samples';

const expectPdf = (pdf: Buffer) => {
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
};

describe('renderBusinessForm', () => {
  it('renders 职称评审一览表 whose Chinese text reads back from the embedded font', async () => {
    const pdf = await renderBusinessForm('REVIEW_LIST', reviewList);
    expectPdf(pdf);
    const facts = readPdf(pdf);
    expect(facts.fontsEmbedded).toBe(true);
    expect(facts.fonts.every((name) => /^[A-Z]{6}\+NotoSansSC-(Regular|Bold)$/.test(name))).toBe(true);
    for (const text of [
      '职称评审一览表',
      '推荐单位：吉林省长春市第一建筑工程有限公司',
      '张伟',
      '王喆', // outside GB 2312: the font must cover rare name characters
      '1986年5月',
      '工程师（2019年12月20日）',
      '工程技术/建筑工程/建筑施工',
      '高级工程师（副高级）',
      '破格（两名专家推荐破格）',
      '2024年优秀',
      '获省级优质工程奖。',
      '生成时间：2026年3月1日08:30',
      '第1页共1页',
    ])
      expect(facts.text.replace(/\s/g, '')).toContain(text.replace(/\s/g, ''));
  });

  it('renders 公示表 with applicant, unit, title, publicity period and objection contact', async () => {
    const facts = readPdf(await renderBusinessForm('PUBLICITY', publicity));
    expect(facts.fontsEmbedded).toBe(true);
    const text = facts.text.replace(/\s/g, '');
    for (const expected of [
      '专业技术职称评审申报人员公示表',
      '李娜',
      '吉林省长春市第一建筑工程有限公司',
      '高级工程师',
      '副高级',
      '公示期',
      '2026年3月2日至2026年3月8日',
      '受理部门（人）：公司人力资源部刘老师',
      '联系电话：0431-88886666',
      '地址：长春市朝阳区人民大街1号',
      '请以书面形式实名向异议受理部门反映',
    ])
      expect(text).toContain(expected);
  });

  it('renders 人才分类定级认定申报表 with every section', async () => {
    const facts = readPdf(await renderBusinessForm('TALENT_APPLICATION', talentApplication));
    expect(facts.fontsEmbedded).toBe(true);
    const text = facts.text.replace(/\s/g, '');
    for (const expected of [
      '人才分类定级认定申报表',
      '赵堃',
      '引进人才',
      '上海交通大学',
      '晋升认定',
      'E类人才（2023年6月30日）',
      '否',
      '2024年1月1日',
      'D类人才',
      '2008年9月—2012年6月',
      '大学本科（学士）',
      '2024年1月—至今',
      '首席科学家',
      '年产值超过2亿元',
      '吉林省青年科技奖',
      '申报人签字',
    ])
      expect(text).toContain(expected);
  });

  it('breaks a long list across pages, repeating the header, and numbers the pages', async () => {
    const entries: ReviewListEntry[] = Array.from({ length: 40 }, (_, i) => ({
      applicant: { ...zhangWei, name: `申报人${i + 1}` },
      title,
      category: '正常',
      achievements: '完成多项重点工程的施工组织设计与技术交底工作。'.repeat(3),
    }));
    const facts = readPdf(await renderBusinessForm('REVIEW_LIST', { ...reviewList, entries }));
    expect(facts.pageCount).toBeGreaterThan(1);
    const text = facts.text.replace(/\s/g, '');
    expect(text).toContain('申报人1');
    expect(text).toContain('申报人40');
    expect(text.split('申报资格（级别）').length - 1).toBe(facts.pageCount);
    expect(text).toContain(`第${facts.pageCount}页共${facts.pageCount}页`);
  });

  it('shortens a long work summary and says so', async () => {
    const long = '深入开展技术攻关。'.repeat(200);
    const facts = readPdf(await renderBusinessForm('PUBLICITY', { ...publicity, achievements: long }));
    expect(facts.text.replace(/\s/g, '')).toContain('……（节选，全文见申报材料）');
  });

  it('embeds only the glyphs used, so a form stays small', async () => {
    const pdf = await renderBusinessForm('PUBLICITY', publicity);
    expect(pdf.length).toBeLessThan(300 * 1024);
  });

  it('names the forms as the declaration lists them', () => {
    expect(BUSINESS_FORM_NAMES).toEqual({
      REVIEW_LIST: '职称评审一览表',
      PUBLICITY: '公示表',
      TALENT_APPLICATION: '人才分类定级认定申报表',
    });
  });
});

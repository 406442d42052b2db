import { DECLARATION_WORDS } from '../declaration/words';
import { fieldsOf, valueText } from './fieldsView';

jest.mock('../i18n', () => ({ registerTranslations: () => undefined }));

const zh = DECLARATION_WORDS['zh-CN'];
const en = DECLARATION_WORDS.en;

describe('a module in the applicant’s words', () => {
  const basic = {
    name: '张伟',
    gender: 'MALE',
    idType: 'RESIDENT_ID',
    seriesCode: 'ENG',
    seriesName: '工程系列',
    specialtyCode: 'ENG.EI.SOFTWARE',
    specialtyName: null,
    levelCode: 'FULL_SENIOR',
    levelName: '正高级',
    formerName: '',
    yearsInSpecialty: 12,
  };

  it('shows no codes: names beside codes, enum words, a dash for nothing', () => {
    const shown = Object.fromEntries(fieldsOf(zh, 'basicInfo', basic).map((f) => [f.label, f.text]));
    expect(shown).toMatchObject({
      姓名: '张伟',
      性别: '男',
      证件类型: '居民身份证',
      申报系列: '工程系列',
      申报职称级别: '正高级',
      曾用名: '—',
      从事本专业年限: '12',
      民族: '—',
    });
    // A code the API could not name stays visible rather than vanishing.
    expect(shown['申报专业']).toBe('ENG.EI.SOFTWARE');
    // The form's order, with the form's labels.
    expect(fieldsOf(zh, 'basicInfo', basic)[0]).toEqual({ field: 'name', label: '姓名', text: '张伟' });
  });

  it('English words and labels for the same values', () => {
    const shown = Object.fromEntries(fieldsOf(en, 'basicInfo', basic).map((f) => [f.field, f.text]));
    expect(shown).toMatchObject({ gender: 'Male', idType: 'Resident ID card' });
  });

  it('the same field name means different things in different modules', () => {
    expect(valueText(zh, 'talentBasicInfo', 'source', { source: 'INTRODUCED' })).toBe('引进人才');
    expect(valueText(zh, 'education', 'source', { source: 'REGISTRY' })).toBe('学信网获取');
    expect(valueText(zh, 'papers', 'kind', { kind: 'BOOK' })).toBe('著作');
    expect(valueText(zh, 'annualAssessments', 'result', { result: 'COMPETENT' })).toBe('合格');
    expect(valueText(zh, 'talentBasicInfo', 'longTermContract', { longTermContract: false })).toBe('否');
    expect(
      valueText(zh, 'talentBasicInfo', 'standardCode', {
        standardCode: 'A-01',
        standardName: '诺贝尔奖获得者',
      }),
    ).toBe('诺贝尔奖获得者');
  });

  it('a module without labels shows nothing rather than raw keys', () => {
    expect(fieldsOf(zh, 'unknownModule', { a: 1 })).toEqual([]);
  });
});

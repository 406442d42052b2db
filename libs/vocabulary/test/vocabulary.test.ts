import {
  ATTACHMENT_NAMES,
  ENUM_WORDS,
  MODULES,
  MODULE_KEYS,
  STATUS_WORDS,
  englishName,
  fieldAtPath,
  fieldOf,
  moduleByDataKey,
  zhWords,
  type Label,
} from '../src';

const HAN = /\p{Script=Han}/u;
const labelsOf = (table: Record<string, Label>) => Object.values(table);

describe('the one vocabulary', () => {
  it('names every module and field in Chinese and in English (no Chinese in the English)', () => {
    const labels: Label[] = [
      ...MODULE_KEYS.flatMap((key) => [MODULES[key], ...MODULES[key].fields]),
      ...Object.values(ENUM_WORDS).flatMap(labelsOf),
      ...Object.values(STATUS_WORDS).flatMap((table) => labelsOf(table as Record<string, Label>)),
      ...labelsOf(ATTACHMENT_NAMES),
    ];
    for (const label of labels) {
      expect(label.zh).toMatch(HAN);
      expect(label.en.trim()).not.toBe('');
      expect(label.en).not.toMatch(HAN);
    }
  });

  it('keys every module by itself, each field once, each choice with its words', () => {
    for (const key of MODULE_KEYS) {
      const module = MODULES[key];
      expect(module.key).toBe(key);
      const names = module.fields.map((f) => f.name);
      expect(new Set(names).size).toBe(names.length);
      for (const field of module.fields) {
        if (field.kind === 'choice') expect(ENUM_WORDS[field.enumName!]).toBeDefined();
        if (field.kind === 'text') expect(field.maxLength).toBeGreaterThan(0);
        if (field.kind === 'integer') expect(field.max).toBeGreaterThanOrEqual(field.min!);
      }
    }
  });

  it('finds a field by its path from the modules object', () => {
    expect(fieldAtPath('education.1.diplomaNumber')?.field?.zh).toBe('学历证书编号');
    expect(fieldAtPath('basicInfo.currentTitleDate')?.field?.zh).toBe('取得资格日期');
    expect(fieldAtPath('education')?.module.key).toBe('EDUCATION');
    expect(fieldAtPath('education.0.nothing')?.field).toBeUndefined();
    expect(fieldAtPath('nothing.0')).toBeUndefined();
    expect(moduleByDataKey('annualAssessments')?.key).toBe('ANNUAL_ASSESSMENT');
    expect(fieldOf('AWARDS', 'personalRank')).toMatchObject({ kind: 'integer', min: 1, max: 100 });
  });

  it('gives a configured name its English: its own, else the default module’s', () => {
    expect(englishName('学历学位信息', MODULES.EDUCATION, 'Diplomas and degrees')).toBe(
      'Diplomas and degrees',
    );
    expect(englishName('学历学位信息', MODULES.EDUCATION)).toBe('Education');
    expect(englishName('自定义附件', undefined)).toBe('自定义附件');
  });

  it('answers the Chinese words of a table as the server sends them', () => {
    expect(zhWords(STATUS_WORDS.DeclarationStatus).FINALLY_APPROVED).toBe('终审通过');
  });
});

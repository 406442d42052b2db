// One vocabulary (issue 11 item 7): every screen names a module and a field as the vocabulary does.
// The wizard and the review pages label with DECLARATION_WORDS and MODULES (derived from it);
// libs/vocabulary/test/screens.test.ts fails when a screen's code writes its own Chinese label.
import { MODULES as VOCABULARY, MODULE_KEYS } from '@zhicheng/vocabulary';
import { DECLARATION_WORDS } from '../declaration/words';
import { MODULES } from '../review/labels';
import { fieldProblemText, validationProblemText } from './problems';
import { moduleName, slotName, statusWord } from './words';

jest.mock('../i18n', () => ({ registerTranslations: () => undefined }));

describe('every screen names modules and fields as the vocabulary does', () => {
  it('the wizard’s and the review pages’ field labels are the vocabulary’s, in both languages', () => {
    for (const key of MODULE_KEYS) {
      const module = VOCABULARY[key];
      if (!module.dataKey) continue;
      for (const [language, lang] of [
        ['zh-CN', 'zh'],
        ['en', 'en'],
      ] as const) {
        const shown = DECLARATION_WORDS[language].fields[module.dataKey];
        if (module.fields.length === 0) expect(shown).toBe(module[lang]);
        else
          expect(shown).toEqual(Object.fromEntries(module.fields.map((field) => [field.name, field[lang]])));
      }
    }
  });

  it('the review pages’ module names are the vocabulary’s', () => {
    for (const shown of MODULES) {
      expect(shown.zh).toBe(VOCABULARY[shown.key].zh);
      expect(shown.en).toBe(VOCABULARY[shown.key].en);
    }
  });
});

describe('codes in words', () => {
  const config = {
    modules: [{ key: 'EDUCATION', name: '学历学位信息', nameEn: 'Diplomas and degrees' }],
    attachments: [{ code: 'ID_CARD', name: '身份证' }],
  };

  it('keeps the server’s Chinese exactly and translates codes in English', () => {
    expect(statusWord('zh-CN', 'DeclarationStatus', 'RETURNED', '被退回')).toBe('被退回');
    expect(statusWord('en', 'DeclarationStatus', 'RETURNED', '被退回')).toBe('Returned');
    expect(statusWord('en', 'TimelineLevel', 'APPLICANT')).toBe('Applicant');
    expect(moduleName('zh-CN', 'EDUCATION', config.modules)).toBe('学历学位信息');
    expect(moduleName('en', 'EDUCATION', config.modules)).toBe('Diplomas and degrees');
    expect(moduleName('en', 'PAPERS', config.modules)).toBe('Papers and books');
    expect(slotName('en', config.attachments[0])).toBe('ID card');
  });

  it('builds the 数据验证信息 lines and field problems in English from code, path and params', () => {
    const missing = {
      module: 'ATTACHMENTS',
      code: 'ATTACHMENT_MISSING',
      message: '身份证未上传',
      field: 'attachments.ID_CARD',
    };
    expect(validationProblemText('zh-CN', missing, config)).toBe('身份证未上传');
    expect(validationProblemText('en', missing, config)).toBe('ID card is not uploaded');
    const files = {
      module: 'EDUCATION',
      code: 'ENTRY_FILES_MISSING',
      message: '学历学位信息已填写2条，其中有1条未上传证明材料，请补充上传',
      field: 'education',
      params: [
        { name: 'entries', value: '2' },
        { name: 'count', value: '1' },
        { name: 'max', value: '3' },
      ],
    };
    expect(validationProblemText('en', files, config)).toBe(
      'Diplomas and degrees: 1 of 2 entries have no proof files; please upload them',
    );
    const required = {
      module: 'EDUCATION',
      code: 'REQUIRED',
      message: '教育经历第2条：请填写毕业学校',
      field: 'education.1.school',
    };
    expect(validationProblemText('en', required, config)).toBe('Education, entry 2: School is required');
    expect(
      fieldProblemText('en', {
        field: 'input.modules.basicInfo.name',
        code: 'TEXT_TOO_LONG',
        message: '姓名不能超过50个字',
      }),
    ).toBe('Name may have at most 50 characters');
    expect(
      fieldProblemText('en', { field: 'creditCode', code: 'CREDIT_CODE_CHECK_CHAR', message: '…' }),
    ).toMatch(/credit code does not match/);
    expect(fieldProblemText('en', { field: 'x', code: 'SOMETHING_NEW', message: '新的问题' })).not.toMatch(
      /\p{Script=Han}/u,
    );
  });
});

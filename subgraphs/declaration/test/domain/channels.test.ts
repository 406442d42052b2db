import {
  ATTACHMENT_CATALOGUE,
  CHANNELS,
  MODULE_DEFAULTS,
  defaultFormConfigFor,
  findChannel,
  formConfigProblems,
  moduleConfig,
  startProblems,
  startRefusal,
} from '../../src/domain';

describe('channels (申报通道)', () => {
  it('cover every channel SPEC §3 names, under its menu', () => {
    const byGroup = (group: string) => CHANNELS.filter((c) => c.groupName === group).map((c) => c.name);
    expect(byGroup('专业技术职称评审申报')).toEqual([
      '正常职称申报',
      '中小学正高级教师',
      '中小学副高级及以下',
    ]);
    expect(byGroup('高层次和特殊人才职称认定')).toEqual([
      '机关分流人员首评',
      '部队转业干部首评',
      '基层硕博人员',
      '非公有制经济组织高级经营管理人才',
      '基层30年10年',
      '人才激励政策职称待遇兑现',
      '高技能人才与专业技术人才职业发展贯通',
      '专业技术三级岗位人员',
    ]);
    expect(CHANNELS.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        '专业技术二级岗位评聘',
        '二级岗位聘期考核',
        '三级岗位聘期考核',
        '人才分类定级评定',
        '职称初定申报',
        '职称评审申报',
      ]),
    );
    expect(CHANNELS).toHaveLength(17);
    expect(new Set(CHANNELS.map((c) => c.code)).size).toBe(CHANNELS.length);
  });

  it('route title channels to the committee and stop talent classification at the bureau (材料审核通过)', () => {
    expect(findChannel('TITLE_NORMAL')).toMatchObject({
      route: ['UNIT', 'DEPARTMENT', 'BUREAU', 'COMMITTEE'],
      outcomeAfterRoute: 'FINALLY_APPROVED',
      allowsExceptional: true,
      requiresCommittee: false,
      businessForms: ['REVIEW_LIST', 'PUBLICITY'],
    });
    expect(findChannel('TALENT_CLASSIFICATION')).toMatchObject({
      route: ['UNIT', 'DEPARTMENT', 'BUREAU'],
      outcomeAfterRoute: 'MATERIALS_APPROVED',
      allowsExceptional: false,
      usesTitleCatalogue: false,
      businessForms: ['TALENT_APPLICATION'],
    });
    expect(findChannel('JS_TITLE_REVIEW')?.requiresCommittee).toBe(true);
    expect(
      CHANNELS.filter((c) => c.allowsExceptional).every((c) =>
        c.defaultFormConfig.modules.some((m) => m.key === 'RECOMMENDERS'),
      ),
    ).toBe(true);
  });

  it('require annual assessment on every title channel', () => {
    for (const c of CHANNELS.filter((c) => c.group !== 'TALENT_CLASSIFICATION'))
      expect(c.defaultFormConfig.modules.find((m) => m.key === 'ANNUAL_ASSESSMENT')?.required).toBe(true);
  });

  it('have default forms a bureau could have written (no form-config problem)', () => {
    for (const c of CHANNELS) expect([c.code, formConfigProblems(c.defaultFormConfig)]).toEqual([c.code, []]);
  });

  it('are frozen; a notice starts from a changeable copy', () => {
    const [first] = CHANNELS;
    expect(() => {
      first.defaultFormConfig.modules[0].name = '改名';
    }).toThrow(TypeError);
    const copy = defaultFormConfigFor(first.code)!;
    copy.modules[0].name = '个人基本信息';
    expect(first.defaultFormConfig.modules[0].name).toBe('基本信息');
    expect(MODULE_DEFAULTS.BASIC_INFO.name).toBe('基本信息');
    expect(defaultFormConfigFor('NOPE')).toBeUndefined();
  });
});

describe('the default attachment catalogue and module limits', () => {
  it('has 身份证 ≤2000 KB ×2 required and 聘任文件 ≤5000 KB ×1', () => {
    expect(ATTACHMENT_CATALOGUE.find((s) => s.name === '身份证')).toMatchObject({
      maxSizeKb: 2000,
      maxCount: 2,
      required: true,
    });
    expect(ATTACHMENT_CATALOGUE.find((s) => s.name === '聘任文件')).toMatchObject({
      maxSizeKb: 5000,
      maxCount: 1,
      required: false,
    });
    expect(ATTACHMENT_CATALOGUE.map((s) => s.name)).toEqual(
      expect.arrayContaining(['学历证书', '单位公示表', '劳动合同']),
    );
  });

  it('has the seeds’ module limits', () => {
    expect(MODULE_DEFAULTS.EDUCATION).toMatchObject({ maxEntries: 3, filesPerEntry: { min: 1, max: 3 } });
    expect(MODULE_DEFAULTS.PAPERS).toMatchObject({ maxEntries: 3, filesPerEntry: { min: 1, max: 20 } });
    expect(MODULE_DEFAULTS.WORK_EXPERIENCE.filesPerEntry).toBeUndefined();
    expect(MODULE_DEFAULTS.RECOMMENDERS).toMatchObject({
      maxEntries: 2,
      filesPerEntry: { min: 1, max: 1, formats: ['zip', 'pdf'], maxSizeKb: 5000 },
    });
  });
});

describe('formConfigProblems', () => {
  it('refuses what cannot work and names the field', () => {
    const form = findChannel('TITLE_NORMAL')!.defaultFormConfig;
    const broken = {
      ...form,
      innovationTextLimit: 0,
      modules: [
        ...form.modules.filter((m) => m.key !== 'UNIT_PUBLICITY'),
        moduleConfig('EDUCATION', false),
        moduleConfig('INNOVATION', false, { filesPerEntry: { min: 2, max: 1, formats: [], maxSizeKb: 0 } }),
      ],
    };
    const codes = formConfigProblems(broken).map((p) => `${p.field} ${p.code}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^formConfig\.modules\.\d+\.key DUPLICATE$/),
        expect.stringMatching(/^formConfig\.modules\.\d+\.filesPerEntry INVALID$/),
        expect.stringMatching(/^formConfig\.attachments\.\d+\.module INVALID$/),
        'formConfig.innovationTextLimit OUT_OF_RANGE',
      ]),
    );
  });
});

describe('starting a declaration', () => {
  const window = {
    opensAt: new Date('2026-11-01T00:00:00+08:00'),
    closesAt: new Date('2026-11-30T00:00:00+08:00'),
  };

  it('only inside the window', () => {
    expect(startRefusal(window, new Date('2026-11-23T10:00:00+08:00'))).toBeNull();
    expect(startRefusal(window, new Date('2026-10-31T23:59:00+08:00'))).toMatchObject({
      code: 'DEADLINE_PASSED',
      reason: 'WINDOW_NOT_OPEN',
    });
    expect(startRefusal(window, new Date('2026-11-30T00:00:00+08:00'))).toEqual({
      code: 'DEADLINE_PASSED',
      reason: 'WINDOW_CLOSED',
      message: '申报已截止，不能再发起申报',
    });
  });

  it('with a committee exactly on 江苏 职称评审申报 and 破格 only where allowed', () => {
    expect(startProblems(findChannel('JS_TITLE_REVIEW')!, { category: 'NORMAL', committeeId: 'c1' })).toEqual(
      [],
    );
    expect(startProblems(findChannel('JS_TITLE_REVIEW')!, { category: 'NORMAL' })).toEqual([
      { field: 'committeeId', code: 'REQUIRED', message: '请选择申报评委会' },
    ]);
    expect(
      startProblems(findChannel('TALENT_CLASSIFICATION')!, { category: 'EXCEPTIONAL', committeeId: 'c1' }),
    ).toEqual([
      { field: 'category', code: 'EXCEPTIONAL_NOT_ALLOWED', message: '本通道不受理破格申报' },
      { field: 'committeeId', code: 'NOT_ALLOWED', message: '本通道无需选择申报评委会' },
    ]);
  });
});

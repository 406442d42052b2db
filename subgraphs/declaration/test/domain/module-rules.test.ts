// One test per rule of SPEC §3's module table: a passing and a failing case, with the exact words.
import {
  clearBelow,
  elapsedText,
  moduleConfig,
  recommenderQuotaProblems,
  uploadProblems,
  validateModuleInput,
  validationReport,
  withTalentLevel,
  yearsSince,
  type DeclarationFacts,
  type FieldProblem,
  type ListModuleKey,
  type ModuleInputContext,
} from '../../src/domain';
import {
  APPLICANT_ID,
  EXPERT_A_ID,
  EXPERT_B_ID,
  TODAY,
  basicInfo,
  catalogueFile,
  channel,
  education,
  entryFile,
  recommender,
  talentBasicInfo,
  talentDeclaration,
  titleDeclaration,
  uuid,
} from './fixtures';

const messages = (decl: DeclarationFacts) => validationReport(decl).map((p) => p.message);
const ctxOf = (decl: DeclarationFacts): ModuleInputContext => ({
  config: decl.config,
  channel: decl.channel,
  category: decl.category,
  today: TODAY,
  data: decl.data,
});
const only = (problems: FieldProblem[]) =>
  problems.map(({ field, code, message }) => ({ field, code, message }));

const proofEntry = <T extends { id: string }>(
  decl: ReturnType<typeof titleDeclaration>,
  module: Parameters<typeof entryFile>[0],
  entry: T,
  files = 1,
) => {
  for (let i = 0; i < files; i += 1) decl.attachments.push(entryFile(module, entry.id));
  return entry;
};

describe('the fixtures', () => {
  it('are valid declarations the report passes', () => {
    expect(validationReport(titleDeclaration())).toEqual([]);
    expect(validationReport(titleDeclaration({ category: 'EXCEPTIONAL' }))).toEqual([]);
    expect(validationReport(talentDeclaration())).toEqual([]);
  });
});

describe('基本信息 basic info', () => {
  it('refuses a missing required field (red star) and accepts the filled one', () => {
    const decl = titleDeclaration();
    expect(validateModuleInput('BASIC_INFO', basicInfo(), ctxOf(decl))).toEqual([]);
    expect(only(validateModuleInput('BASIC_INFO', basicInfo({ workUnitName: ' ' }), ctxOf(decl)))).toEqual([
      { field: 'basicInfo.workUnitName', code: 'REQUIRED', message: '请填写工作单位' },
    ]);
    expect(only(validateModuleInput('BASIC_INFO', basicInfo({ workStartDate: '' }), ctxOf(decl)))).toEqual([
      { field: 'basicInfo.workStartDate', code: 'REQUIRED', message: '请选择参加工作日期' },
    ]);
  });

  it('reports a missing basic info as a whole and the missing photo', () => {
    const decl = titleDeclaration();
    decl.data.basicInfo = null;
    decl.attachments = decl.attachments.filter(
      (a) => !(a.slot.kind === 'CATALOGUE' && a.slot.code === 'PHOTO'),
    );
    expect(messages(decl)).toEqual(['基本信息未填写，请填写基本信息', '个人照片未上传']);
  });

  it('refuses a level that is not under the chosen title (the cascade)', () => {
    const decl = titleDeclaration();
    expect(
      only(validateModuleInput('BASIC_INFO', basicInfo({ levelCode: 'INTERMEDIATE' }), ctxOf(decl))),
    ).toEqual([
      {
        field: 'basicInfo.levelCode',
        code: 'CATALOGUE_NOT_CHILD',
        message: '申报职称级别不属于所选申报职称名称，请重新选择',
      },
    ]);
    // A specialty of another series.
    expect(
      only(validateModuleInput('BASIC_INFO', basicInfo({ specialtyCode: 'HEALTH.MED' }), ctxOf(decl))),
    ).toContainEqual({
      field: 'basicInfo.specialtyCode',
      code: 'CATALOGUE_NOT_CHILD',
      message: '申报专业不属于所选申报系列，请重新选择',
    });
  });

  it('clears every choice below a changed parent', () => {
    const info = basicInfo();
    expect(clearBelow(info, 'SPECIALTY')).toEqual({
      ...info,
      scopeCode: null,
      titleCode: null,
      levelCode: null,
    });
    expect(clearBelow(info, 'LEVEL')).toEqual(info);
  });

  it('requires 从事专业 to equal 申报专业范围', () => {
    const decl = titleDeclaration();
    expect(
      only(
        validateModuleInput(
          'BASIC_INFO',
          basicInfo({ practisedSpecialtyCode: 'ENG.EI.NETWORK' }),
          ctxOf(decl),
        ),
      ),
    ).toEqual([
      {
        field: 'basicInfo.practisedSpecialtyCode',
        code: 'PRACTISED_SPECIALTY_MISMATCH',
        message: '"从事专业"必须与"申报专业范围"保持一致',
      },
    ]);
  });

  it('computes the years since qualification and since appointment (1年2个月)', () => {
    // The seed: 取得资格日期 2022-10-04 → 取得资格年限 1年2个月 (seen in December 2023).
    expect(elapsedText('2022-10-04', '2023-12-20')).toBe('1年2个月');
    expect(elapsedText('2022-10-20', '2023-12-19')).toBe('1年1个月');
    expect(yearsSince('2019-10-04', TODAY)).toBe(7);
    expect(yearsSince('2019-11-24', TODAY)).toBe(6);
  });

  it('asks for 破格类别 exactly when the category is 破格', () => {
    const exceptional = titleDeclaration({ category: 'EXCEPTIONAL' });
    expect(
      validateModuleInput('BASIC_INFO', basicInfo({ exceptionalKind: 'TWO_EXPERTS' }), ctxOf(exceptional)),
    ).toEqual([]);
    expect(only(validateModuleInput('BASIC_INFO', basicInfo(), ctxOf(exceptional)))).toEqual([
      { field: 'basicInfo.exceptionalKind', code: 'REQUIRED', message: '申报类别为破格时，请选择破格类别' },
    ]);
    expect(
      only(
        validateModuleInput(
          'BASIC_INFO',
          basicInfo({ exceptionalKind: 'SENIORITY' }),
          ctxOf(titleDeclaration()),
        ),
      ),
    ).toEqual([
      {
        field: 'basicInfo.exceptionalKind',
        code: 'EXCEPTIONAL_KIND_NOT_ALLOWED',
        message: '申报类别为正常时不能选择破格类别',
      },
    ]);
  });

  it('refuses 破格 on a channel without it', () => {
    const decl = talentDeclaration();
    decl.category = 'EXCEPTIONAL';
    expect(messages(decl)).toEqual(['本通道不受理破格申报']);
  });

  it('checks birth date and gender against the ID number', () => {
    const decl = titleDeclaration();
    expect(
      only(
        validateModuleInput(
          'BASIC_INFO',
          basicInfo({ birthDate: '1988-08-09', gender: 'FEMALE' }),
          ctxOf(decl),
        ),
      ),
    ).toEqual([
      { field: 'basicInfo.birthDate', code: 'BIRTH_DATE_MISMATCH', message: '出生日期与证件号码不一致' },
      { field: 'basicInfo.gender', code: 'GENDER_MISMATCH', message: '性别与证件号码不一致' },
    ]);
  });
});

describe('人才分类定级 basic info', () => {
  const ctx = () => ctxOf(talentDeclaration());

  it('引进人才 needs 从何地（单位）引进', () => {
    expect(
      validateModuleInput(
        'TALENT_BASIC_INFO',
        talentBasicInfo({ source: 'INTRODUCED', introducedFrom: '北京' }),
        ctx(),
      ),
    ).toEqual([]);
    expect(
      only(validateModuleInput('TALENT_BASIC_INFO', talentBasicInfo({ source: 'INTRODUCED' }), ctx())),
    ).toEqual([
      {
        field: 'talentBasicInfo.introducedFrom',
        code: 'REQUIRED',
        message: '人才来源为引进人才时，请填写从何地（单位）引进',
      },
    ]);
  });

  it('晋升认定 needs the previous category and its date, and a higher level', () => {
    const promoted = talentBasicInfo({
      serviceType: 'PROMOTION',
      previousCategoryCode: 'E',
      previousRecognitionDate: '2022-05-01',
      standardCode: 'D-01',
      levelCode: 'D',
    });
    expect(validateModuleInput('TALENT_BASIC_INFO', promoted, ctx())).toEqual([]);
    expect(
      only(validateModuleInput('TALENT_BASIC_INFO', talentBasicInfo({ serviceType: 'PROMOTION' }), ctx())),
    ).toEqual([
      {
        field: 'talentBasicInfo.previousCategoryCode',
        code: 'REQUIRED',
        message: '晋升认定时，请选择已在吉认定人才类别',
      },
      {
        field: 'talentBasicInfo.previousRecognitionDate',
        code: 'REQUIRED',
        message: '晋升认定时，请选择认定日期',
      },
    ]);
    expect(
      only(validateModuleInput('TALENT_BASIC_INFO', { ...promoted, previousCategoryCode: 'D' }, ctx())),
    ).toEqual([
      {
        field: 'talentBasicInfo.standardCode',
        code: 'TALENT_PROMOTION_NOT_HIGHER',
        message: '晋升认定的申请评定级别须高于已认定的D类',
      },
    ]);
  });

  it('no long-term contract (≥5 years) needs the contract start date', () => {
    expect(
      validateModuleInput(
        'TALENT_BASIC_INFO',
        talentBasicInfo({ longTermContract: false, contractStartDate: '2024-03-01' }),
        ctx(),
      ),
    ).toEqual([]);
    expect(
      only(validateModuleInput('TALENT_BASIC_INFO', talentBasicInfo({ longTermContract: false }), ctx())),
    ).toEqual([
      {
        field: 'talentBasicInfo.contractStartDate',
        code: 'REQUIRED',
        message: '未签订长期聘用合同（五年以上）时，请选择引进或聘用合同（协议）开始时间',
      },
    ]);
  });

  it('the chosen standard sets the level; a typed level that differs is refused', () => {
    expect(withTalentLevel(talentBasicInfo({ standardCode: 'C-01', levelCode: null })).levelCode).toBe('C');
    expect(validateModuleInput('TALENT_BASIC_INFO', talentBasicInfo({ levelCode: null }), ctx())).toEqual([]);
    expect(
      only(validateModuleInput('TALENT_BASIC_INFO', talentBasicInfo({ levelCode: 'A' }), ctx())),
    ).toEqual([
      {
        field: 'talentBasicInfo.levelCode',
        code: 'TALENT_LEVEL_NOT_FROM_STANDARD',
        message: '申请评定级别（层次）由所选标准确定，应为E类',
      },
    ]);
    expect(
      only(validateModuleInput('TALENT_BASIC_INFO', talentBasicInfo({ standardCode: 'Z-99' }), ctx())),
    ).toEqual([
      {
        field: 'talentBasicInfo.standardCode',
        code: 'TALENT_STANDARD_UNKNOWN',
        message: '申请评定符合标准不存在，请重新选择',
      },
    ]);
  });
});

describe('破格推荐专家 exceptional recommenders', () => {
  it('with 两名专家推荐破格 exactly two are needed', () => {
    const decl = titleDeclaration({ category: 'EXCEPTIONAL' });
    expect(messages(decl)).toEqual([]);
    decl.data.recommenders = decl.data.recommenders!.slice(0, 1);
    expect(messages(decl)).toEqual(['破格推荐专家已填写1条，请填写2条']);
    decl.data.recommenders = [];
    expect(messages(decl)).toEqual(['破格推荐专家未填写，请填写2条']);
  });

  it('refuses a third recommender at save time', () => {
    const decl = titleDeclaration({ category: 'EXCEPTIONAL' });
    const third = recommender(EXPERT_A_ID, { idNumber: '110101196001010038', name: '赵工' });
    const problems = validateModuleInput('RECOMMENDERS', [...decl.data.recommenders!, third], ctxOf(decl));
    expect(problems).toContainEqual({
      field: 'recommenders',
      code: 'TOO_MANY_ENTRIES',
      message: '破格推荐专家最多填写2条',
    });
  });

  it('each needs one zip/pdf proof of at most 5000 KB', () => {
    const decl = titleDeclaration({ category: 'EXCEPTIONAL' });
    const [first] = decl.data.recommenders!;
    decl.attachments = decl.attachments.filter(
      (a) => !(a.slot.kind === 'ENTRY' && a.slot.entryId === first.id),
    );
    expect(messages(decl)).toEqual(['破格推荐专家已填写2条，其中有1条未上传证明材料，请补充上传']);
    decl.attachments.push(entryFile('RECOMMENDERS', first.id, 'jpg', 6000 * 1024));
    expect(messages(decl)).toEqual([
      '破格推荐专家有1个证明材料格式不符合要求，只能上传zip、pdf格式的文件，请重新上传',
      '破格推荐专家有1个证明材料超过5000KB，请重新上传',
    ]);
    const slot = { kind: 'ENTRY' as const, module: 'RECOMMENDERS' as const, entryId: first.id };
    expect(uploadProblems(decl, { slot, format: 'png', sizeBytes: 10 })).toContainEqual({
      field: 'contentType',
      code: 'FILE_FORMAT',
      message: '破格推荐专家只能上传zip、pdf格式的文件',
    });
  });

  it('one expert recommends at most two applicants', () => {
    const decl = titleDeclaration({ category: 'EXCEPTIONAL' });
    expect(recommenderQuotaProblems(decl.data.recommenders!, { [EXPERT_A_ID]: 1 })).toEqual([]);
    expect(
      recommenderQuotaProblems(decl.data.recommenders!, new Map([[EXPERT_B_ID.toLowerCase(), 2]])),
    ).toEqual([
      {
        field: 'recommenders.1.idNumber',
        code: 'RECOMMENDER_QUOTA_EXCEEDED',
        message:
          '推荐专家刘研究员已推荐2名专业技术人员破格申报，每名专家最多只允许推荐两名专业技术人员破格申报',
      },
    ]);
    expect(messages({ ...decl, recommendationCounts: { [EXPERT_A_ID]: 2 } })).toEqual([
      '破格推荐专家第1条：推荐专家王教授已推荐2名专业技术人员破格申报，每名专家最多只允许推荐两名专业技术人员破格申报',
    ]);
  });

  it('refuses recommenders on a 正常 declaration, twice the same expert, or the applicant', () => {
    const normal = titleDeclaration();
    expect(only(validateModuleInput('RECOMMENDERS', [recommender(EXPERT_A_ID)], ctxOf(normal)))).toEqual([
      {
        field: 'recommenders',
        code: 'RECOMMENDERS_NOT_EXCEPTIONAL',
        message: '申报类别为破格时才能填写破格推荐专家',
      },
    ]);
    const decl = titleDeclaration({ category: 'EXCEPTIONAL' });
    expect(
      only(
        validateModuleInput(
          'RECOMMENDERS',
          [recommender(EXPERT_A_ID), recommender(EXPERT_A_ID)],
          ctxOf(decl),
        ),
      ),
    ).toEqual([
      {
        field: 'recommenders.1.idNumber',
        code: 'RECOMMENDER_DUPLICATE',
        message: '两名推荐专家不能是同一人',
      },
    ]);
    expect(
      only(
        validateModuleInput(
          'RECOMMENDERS',
          [recommender(EXPERT_A_ID), recommender(decl.data.basicInfo!.idNumber)],
          ctxOf(decl),
        ),
      ),
    ).toEqual([
      {
        field: 'recommenders.1.idNumber',
        code: 'RECOMMENDER_IS_APPLICANT',
        message: '推荐专家不能是申报人本人',
      },
    ]);
  });

  it("checks the expert's ID number with the GB 11643 check digit", () => {
    const decl = titleDeclaration({ category: 'EXCEPTIONAL' });
    const wrong = `${EXPERT_A_ID.slice(0, 17)}${EXPERT_A_ID[17] === '0' ? '1' : '0'}`;
    expect(only(validateModuleInput('RECOMMENDERS', [recommender(wrong)], ctxOf(decl)))).toEqual([
      {
        field: 'recommenders.0.idNumber',
        code: 'ID_CHECK_DIGIT',
        message: '身份证号码校验位错误，请核对最后一位',
      },
    ]);
  });
});

describe('学习教育经历 education', () => {
  it('is required', () => {
    const decl = titleDeclaration();
    decl.data.education = [];
    expect(messages(decl)).toEqual(['教育经历未填写，请填写教育经历信息']);
  });

  it('takes at most 3 entries', () => {
    const decl = titleDeclaration();
    const three = [education(), education(), education()];
    expect(validateModuleInput('EDUCATION', three, ctxOf(decl))).toEqual([]);
    expect(only(validateModuleInput('EDUCATION', [...three, education()], ctxOf(decl)))).toEqual([
      { field: 'education', code: 'TOO_MANY_ENTRIES', message: '教育经历最多填写3条' },
    ]);
  });

  it('each entry needs 1–3 proof files', () => {
    const decl = titleDeclaration();
    const [entry] = decl.data.education!;
    proofEntry(decl, 'EDUCATION', entry, 2);
    expect(messages(decl)).toEqual([]);
    proofEntry(decl, 'EDUCATION', entry, 1);
    expect(messages(decl)).toEqual(['教育经历已填写1条，其中有1条证明材料超过3个，请删除多余材料']);
    decl.attachments = decl.attachments.filter((a) => a.slot.kind !== 'ENTRY');
    expect(messages(decl)).toEqual(['教育经历已填写1条，其中有1条未上传证明材料，请补充上传']);
  });

  it('江苏: a diploma or degree number is needed, a number needs its file, a registry record none', () => {
    const decl = titleDeclaration({ channelCode: 'JS_TITLE_INITIAL' });
    decl.attachments.push(catalogueFile('UNIT_PUBLICITY'));
    decl.data.workSummary = '一、思想政治表现\n  认真学习……\n二、专业技术工作';
    const [entry] = decl.data.education!;
    expect(messages(decl)).toEqual([]);

    const noNumbers = { ...entry, diplomaNumber: null, degreeNumber: null };
    expect(only(validateModuleInput('EDUCATION', [noNumbers], ctxOf(decl)))).toEqual([
      {
        field: 'education.0.diplomaNumber',
        code: 'CERTIFICATE_NUMBER_REQUIRED',
        message: '学历证书编号、学位证书编号二者至少填写一项',
      },
    ]);

    decl.data.education = [{ ...entry, degreeNumber: '1018342010001234' }];
    expect(messages(decl)).toEqual(['学历学位信息已填写1条，其中有1条证明材料不全，请补充上传']);

    decl.data.education = [{ ...entry, diplomaNumber: null, source: 'REGISTRY' }];
    decl.attachments = decl.attachments.filter((a) => a.slot.kind !== 'ENTRY');
    expect(messages(decl)).toEqual([]);
  });
});

describe('list modules with their limits', () => {
  interface ListCase {
    key: ListModuleKey;
    dataKey: string;
    name: string;
    max: number;
    maxFiles: number;
    entry: () => { id: string };
  }
  const listCases: ListCase[] = [
    {
      key: 'CONTINUING_EDUCATION',
      dataKey: 'continuingEducation',
      name: '继续教育经历',
      max: 3,
      maxFiles: 3,
      entry: () => ({
        id: uuid(),
        studyMode: '线上',
        content: '专业技术人员继续教育公需科目',
        organiser: '吉林省人力资源和社会保障厅',
        startDate: '2024-03-01',
        endDate: '2024-03-31',
        hours: 90,
      }),
    },
    {
      key: 'PAPERS',
      dataKey: 'papers',
      name: '论文著作',
      max: 3,
      maxFiles: 20,
      entry: () => ({
        id: uuid(),
        kind: 'PAPER' as const,
        title: '微服务架构下的数据一致性研究',
        publication: '计算机工程与应用',
        publishedDate: '2023-05-15',
        authorRole: '第一作者',
      }),
    },
    {
      key: 'PART_TIME_POSTS',
      dataKey: 'partTimePosts',
      name: '专业兼职',
      max: 3,
      maxFiles: 3,
      entry: () => ({
        id: uuid(),
        organisation: '吉林省计算机学会',
        supervisingDepartment: '吉林省科学技术协会',
        post: '理事',
        startDate: '2021-01-01',
      }),
    },
    {
      key: 'HONOURS',
      dataKey: 'honours',
      name: '人才荣誉表彰',
      max: 3,
      maxFiles: 3,
      entry: () => ({
        id: uuid(),
        name: '吉林省五一劳动奖章',
        grantedBy: '吉林省总工会',
        grantedDate: '2022-04-28',
        rank: '省级',
      }),
    },
    {
      key: 'AWARDS',
      dataKey: 'awards',
      name: '专业获奖',
      max: 3,
      maxFiles: 3,
      entry: () => ({
        id: uuid(),
        name: '吉林省科学技术进步奖',
        grade: '二等奖',
        personalRank: 2,
        grantedBy: '吉林省人民政府',
        grantedDate: '2021-12-30',
      }),
    },
  ];

  it.each(listCases)('$name: at most $max entries', ({ key, dataKey, name, entry }) => {
    const decl = titleDeclaration();
    const entries = Array.from({ length: 3 }, entry);
    expect(validateModuleInput(key, entries as never, ctxOf(decl))).toEqual([]);
    expect(only(validateModuleInput(key, [...entries, entry()] as never, ctxOf(decl)))).toEqual([
      {
        field: dataKey,
        code: 'TOO_MANY_ENTRIES',
        message: `${name}最多填写3条`,
      },
    ]);
  });

  it.each(listCases)(
    '$name: each entry needs 1–$maxFiles proof files',
    ({ dataKey, key, name, entry, maxFiles }) => {
      const decl = titleDeclaration();
      const one = entry();
      (decl.data as Record<string, unknown>)[dataKey] = [one];
      expect(messages(decl)).toEqual([`${name}已填写1条，其中有1条未上传证明材料，请补充上传`]);
      for (let i = 0; i < maxFiles; i += 1) decl.attachments.push(entryFile(key, one.id));
      expect(messages(decl)).toEqual([]);
      decl.attachments.push(entryFile(key, one.id));
      expect(messages(decl)).toEqual([
        `${name}已填写1条，其中有1条证明材料超过${maxFiles}个，请删除多余材料`,
      ]);
    },
  );

  it('工作经历 is required, takes at most 3 entries and no files', () => {
    const decl = titleDeclaration();
    expect(decl.attachments.some((a) => a.slot.kind === 'ENTRY' && a.slot.module === 'WORK_EXPERIENCE')).toBe(
      false,
    );
    expect(messages(decl)).toEqual([]);
    decl.data.workExperience = [];
    expect(messages(decl)).toEqual(['工作经历未填写，请填写工作经历信息']);
    const entry = (start: string) => ({
      id: uuid(),
      unit: '某单位',
      post: '工程师',
      startDate: start,
      endDate: null,
    });
    expect(
      only(
        validateModuleInput(
          'WORK_EXPERIENCE',
          ['2010-01-01', '2012-01-01', '2014-01-01', '2016-01-01'].map(entry),
          ctxOf(decl),
        ),
      ),
    ).toEqual([{ field: 'workExperience', code: 'TOO_MANY_ENTRIES', message: '工作经历最多填写3条' }]);
  });

  it('企业人才业绩: 1–3 files per entry, only the last three years', () => {
    const decl = talentDeclaration();
    const result = (year: number) => ({
      id: uuid(),
      year,
      enterpriseName: '长春某科技有限公司',
      enterpriseScale: '中型',
      position: '技术总监',
      specialisedAndNew: true,
      description: '主导研发的产品年销售额增长30%。',
    });
    const recent = result(2024);
    expect(validateModuleInput('ENTERPRISE_RESULTS', [recent], ctxOf(decl))).toEqual([]);
    expect(only(validateModuleInput('ENTERPRISE_RESULTS', [result(2022)], ctxOf(decl)))).toEqual([
      {
        field: 'enterpriseResults.0.year',
        code: 'RESULT_TOO_OLD',
        message: '企业人才业绩只填写近三年业绩（2023年以后）',
      },
    ]);
    decl.data.enterpriseResults = [recent];
    expect(messages(decl)).toEqual(['企业人才业绩已填写1条，其中有1条未上传证明材料，请补充上传']);
    decl.attachments.push(entryFile('ENTERPRISE_RESULTS', recent.id));
    expect(messages(decl)).toEqual([]);
  });

  it('其他材料: named uploads', () => {
    const decl = titleDeclaration();
    const named = { id: uuid(), name: '学信网学历证书电子注册备案表' };
    expect(validateModuleInput('OTHER_MATERIALS', [named], ctxOf(decl))).toEqual([]);
    expect(only(validateModuleInput('OTHER_MATERIALS', [{ ...named, name: '' }], ctxOf(decl)))).toEqual([
      { field: 'otherMaterials.0.name', code: 'REQUIRED', message: '请填写材料名称' },
    ]);
    decl.data.otherMaterials = [named];
    expect(messages(decl)).toEqual(['其他材料已填写1条，其中有1条未上传证明材料，请补充上传']);
  });
});

describe('创新创业成果（突出业绩） innovation', () => {
  it('is required text of at most 500 characters', () => {
    const decl = talentDeclaration();
    expect(validateModuleInput('INNOVATION', '成'.repeat(500), ctxOf(decl))).toEqual([]);
    expect(only(validateModuleInput('INNOVATION', '成'.repeat(501), ctxOf(decl)))).toEqual([
      { field: 'innovation', code: 'TEXT_TOO_LONG', message: '创新创业成果（突出业绩）不能超过500字' },
    ]);
    decl.data.innovation = '   ';
    expect(messages(decl)).toEqual(['创新创业成果（突出业绩）未填写，请填写创新创业成果（突出业绩）信息']);
  });

  it('follows the notice: 300 characters in the app variant', () => {
    const decl = talentDeclaration();
    decl.config = { ...decl.config, innovationTextLimit: 300 };
    decl.data.innovation = '成'.repeat(301);
    expect(messages(decl)).toEqual(['创新创业成果（突出业绩）不能超过300字']);
  });
});

describe('年度考核 annual assessment', () => {
  it('is required for title channels, not for talent classification', () => {
    const decl = titleDeclaration();
    decl.data.annualAssessments = null;
    expect(messages(decl)).toEqual(['年度考核未填写，请填写年度考核信息']);
    expect(talentDeclaration().config.modules.some((m) => m.key === 'ANNUAL_ASSESSMENT')).toBe(false);
  });

  it('takes each year once and no future year', () => {
    const decl = titleDeclaration();
    const entry = (year: number) => ({ id: uuid(), year, result: 'EXCELLENT' as const });
    expect(
      only(validateModuleInput('ANNUAL_ASSESSMENT', [entry(2024), entry(2024), entry(2027)], ctxOf(decl))),
    ).toEqual([
      { field: 'annualAssessments.2.year', code: 'YEAR_IN_FUTURE', message: '考核年度不能晚于今年' },
      { field: 'annualAssessments.1.year', code: 'ASSESSMENT_YEAR_DUPLICATE', message: '2024年度考核已填写' },
    ]);
  });
});

describe('工作总结 work summary', () => {
  it('keeps formatting and refuses only an overlong text', () => {
    const decl = titleDeclaration({ channelCode: 'JS_TITLE_REVIEW' });
    const text = '一、基本情况\n\t本人自2010年参加工作以来……\n\n二、主要业绩\n  1. 主持……';
    expect(validateModuleInput('WORK_SUMMARY', text, ctxOf(decl))).toEqual([]);
    expect(only(validateModuleInput('WORK_SUMMARY', 'x'.repeat(20001), ctxOf(decl)))).toEqual([
      { field: 'workSummary', code: 'TEXT_TOO_LONG', message: '工作总结不能超过20000字' },
    ]);
  });
});

describe('单位公示表 unit publicity and the attachment catalogue', () => {
  it('单位公示表 must be uploaded', () => {
    const decl = titleDeclaration();
    decl.attachments = decl.attachments.filter(
      (a) => !(a.slot.kind === 'CATALOGUE' && a.slot.code === 'UNIT_PUBLICITY'),
    );
    expect(validationReport(decl)).toEqual([
      {
        module: 'UNIT_PUBLICITY',
        code: 'ATTACHMENT_MISSING',
        field: 'attachments.UNIT_PUBLICITY',
        message: '单位公示表未上传',
      },
    ]);
  });

  it('身份证: required, at most 2, each at most 2000 KB', () => {
    const decl = titleDeclaration();
    const others = decl.attachments.filter(
      (a) => !(a.slot.kind === 'CATALOGUE' && a.slot.code === 'ID_CARD'),
    );
    decl.attachments = others;
    expect(messages(decl)).toEqual(['身份证未上传']);
    decl.attachments = [
      ...others,
      catalogueFile('ID_CARD'),
      catalogueFile('ID_CARD'),
      catalogueFile('ID_CARD', 'png', 2001 * 1024),
    ];
    expect(messages(decl)).toEqual([
      '身份证最多上传2个，已上传3个，请删除多余文件',
      '身份证有1个文件超过2000KB，请重新上传',
    ]);
  });

  it('聘任文件: optional, at most 1 of 5000 KB', () => {
    const decl = titleDeclaration();
    expect(messages(decl)).toEqual([]);
    decl.attachments.push(catalogueFile('APPOINTMENT_DOCUMENT'));
    expect(messages(decl)).toEqual([]);
    const slot = { kind: 'CATALOGUE' as const, code: 'APPOINTMENT_DOCUMENT' };
    expect(uploadProblems(decl, { slot, format: 'pdf', sizeBytes: 5001 * 1024 })).toEqual([
      { field: 'sizeBytes', code: 'FILE_TOO_LARGE', message: '聘任文件上传的文件不能超过5000KB' },
      { field: 'slot', code: 'SLOT_FULL', message: '聘任文件最多上传1个，请先删除已上传的文件' },
    ]);
  });

  it('a module-level required flag makes the upload-only module required', () => {
    const decl = titleDeclaration();
    decl.config = {
      ...decl.config,
      modules: decl.config.modules.map((m) =>
        m.key === 'UNIT_PUBLICITY' ? moduleConfig('UNIT_PUBLICITY', true) : m,
      ),
      attachments: decl.config.attachments.map((s) =>
        s.code === 'UNIT_PUBLICITY' ? { ...s, required: false } : s,
      ),
    };
    decl.attachments = decl.attachments.filter(
      (a) => !(a.slot.kind === 'CATALOGUE' && a.slot.code === 'UNIT_PUBLICITY'),
    );
    expect(messages(decl)).toEqual(['单位公示表未上传']);
  });
});

describe('dates and entry identity', () => {
  it('an end may not come before its start, and no date lies in the future', () => {
    const decl = titleDeclaration();
    expect(
      only(
        validateModuleInput(
          'EDUCATION',
          [education({ startDate: '2010-09-01', endDate: '2006-07-01' })],
          ctxOf(decl),
        ),
      ),
    ).toEqual([{ field: 'education.0.endDate', code: 'DATE_ORDER', message: '毕业日期不能早于入学日期' }]);
    expect(
      only(validateModuleInput('EDUCATION', [education({ endDate: '2026-11-24' })], ctxOf(decl))),
    ).toEqual([{ field: 'education.0.endDate', code: 'DATE_IN_FUTURE', message: '毕业日期不能晚于今天' }]);
    expect(
      only(validateModuleInput('EDUCATION', [education({ startDate: '2023-02-29' })], ctxOf(decl))),
    ).toEqual([{ field: 'education.0.startDate', code: 'DATE_INVALID', message: '入学日期不是有效日期' }]);
  });

  it('each entry has its own uuid', () => {
    const decl = titleDeclaration();
    const entry = education();
    expect(
      only(
        validateModuleInput('EDUCATION', [entry, { ...entry }, education({ id: 'not-a-uuid' })], ctxOf(decl)),
      ),
    ).toEqual([
      { field: 'education.1.id', code: 'ENTRY_ID_DUPLICATE', message: '条目标识重复，请刷新页面后重试' },
      { field: 'education.2.id', code: 'ENTRY_ID_INVALID', message: '条目标识无效，请刷新页面后重试' },
    ]);
  });

  it('a module outside the notice form is refused; clearing a module always passes', () => {
    const decl = talentDeclaration();
    expect(only(validateModuleInput('ANNUAL_ASSESSMENT', [], ctxOf(decl)))).toEqual([
      { field: 'annualAssessments', code: 'MODULE_NOT_IN_FORM', message: '本次申报不包含年度考核' },
    ]);
    expect(validateModuleInput('ANNUAL_ASSESSMENT', null, ctxOf(decl))).toEqual([]);
  });
});

describe('the report lists every problem at once', () => {
  it('in the seeds’ order and words (seed 000, 数据验证信息)', () => {
    const decl = titleDeclaration({ category: 'EXCEPTIONAL' });
    decl.data.recommenders = decl.data.recommenders!.slice(0, 1);
    decl.attachments = decl.attachments.filter(
      (a) => a.slot.kind === 'CATALOGUE' && a.slot.code !== 'UNIT_PUBLICITY',
    );
    decl.data.annualAssessments = [];
    expect(messages(decl)).toEqual([
      '破格推荐专家已填写1条，其中有1条未上传证明材料，请补充上传',
      '破格推荐专家已填写1条，请填写2条',
      '教育经历已填写1条，其中有1条未上传证明材料，请补充上传',
      '年度考核未填写，请填写年度考核信息',
      '单位公示表未上传',
    ]);
  });

  it('puts save-time problems of stored data in their module’s context', () => {
    const decl = titleDeclaration();
    decl.data.education = [{ ...decl.data.education![0], school: '' }];
    decl.data.basicInfo = basicInfo({ practisedSpecialtyCode: 'ENG.EI.NETWORK' });
    expect(messages(decl)).toEqual([
      '基本信息："从事专业"必须与"申报专业范围"保持一致',
      '教育经历第1条：请填写毕业学校',
    ]);
  });

  it('the same rules hold on every title channel', () => {
    for (const code of ['TITLE_NORMAL', 'RECOGNITION_ORGAN_DIVERTED', 'SECOND_LEVEL_POST_APPOINTMENT']) {
      const decl = titleDeclaration({ channelCode: code });
      if (code === 'SECOND_LEVEL_POST_APPOINTMENT') decl.data.workSummary = '聘期内主要工作……';
      expect(messages(decl)).toEqual([]);
    }
    expect(channel('TITLE_PS_FULL_SENIOR').titleFilter?.levelCodes).toEqual(['FULL_SENIOR']);
  });
});

describe('暂存 a draft: only malformed values are refused, completeness is the report’s', () => {
  const draftCtx = (decl: DeclarationFacts): ModuleInputContext => ({ ...ctxOf(decl), draft: true });

  it('saves a half-filled 基本信息 and the report still lists every missing field', () => {
    const decl = titleDeclaration({ category: 'EXCEPTIONAL' });
    const half = {
      name: '张伟',
      idType: 'RESIDENT_ID',
      idNumber: APPLICANT_ID,
      currentTitleName: '工程师', // its date is missing: a pair half filled
      seriesCode: 'ENG', // the cascade stops after its first level
    } as unknown as ReturnType<typeof basicInfo>;
    expect(validateModuleInput('BASIC_INFO', half, draftCtx(decl))).toEqual([]);
    // Without `draft` (the report and submit), the same value lacks its required fields.
    const missing = validateModuleInput('BASIC_INFO', half, ctxOf(decl));
    expect(missing.every((p) => p.code === 'REQUIRED')).toBe(true);
    expect(missing.map((p) => p.field)).toEqual(
      expect.arrayContaining([
        'basicInfo.gender',
        'basicInfo.mobile',
        'basicInfo.workUnitName',
        'basicInfo.currentTitleDate',
        'basicInfo.specialtyCode',
        'basicInfo.practisedSpecialtyCode',
        'basicInfo.exceptionalKind',
      ]),
    );
    decl.data.basicInfo = half;
    const report = validationReport(decl).filter((p) => p.module === 'BASIC_INFO');
    expect(report.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        '基本信息：请选择性别',
        '基本信息：请选择取得资格日期',
        '基本信息：请选择申报专业',
      ]),
    );
  });

  it('refuses every malformed value at once, even in a draft', () => {
    const decl = titleDeclaration();
    const bad = {
      idType: 'RESIDENT_ID',
      idNumber: '220102198808081234', // wrong check digit
      mobile: '12345',
      workUnitName: '长'.repeat(200),
      birthDate: '1988-02-30',
      gender: 'UNKNOWN',
      seriesCode: 'ENG',
      specialtyCode: 'HEALTH.MED', // not under 工程系列
    } as unknown as ReturnType<typeof basicInfo>;
    const codes = validateModuleInput('BASIC_INFO', bad, draftCtx(decl)).map((p) => `${p.field}:${p.code}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'basicInfo.idNumber:ID_CHECK_DIGIT',
        'basicInfo.workUnitName:TEXT_TOO_LONG',
        'basicInfo.birthDate:DATE_INVALID',
        'basicInfo.gender:INVALID',
        'basicInfo.specialtyCode:CATALOGUE_NOT_CHILD',
      ]),
    );
    expect(codes).toContain('basicInfo.mobile:MOBILE_FORMAT');
    expect(codes.some((c) => c.endsWith(':REQUIRED'))).toBe(false);
  });

  it('refuses a cascading pick without its parent in a draft', () => {
    const decl = titleDeclaration();
    const orphan = { titleCode: 'ENG.SENIOR_ENGINEER' } as unknown as ReturnType<typeof basicInfo>;
    expect(only(validateModuleInput('BASIC_INFO', orphan, draftCtx(decl)))).toContainEqual({
      field: 'basicInfo.titleCode',
      code: 'CATALOGUE_PARENT_MISSING',
      message: '请先选择申报系列',
    });
  });

  it('saves a list entry with empty required fields; the report asks for them', () => {
    const decl = titleDeclaration();
    const entry = { id: uuid(), school: '吉林大学' };
    expect(validateModuleInput('EDUCATION', [entry] as never, draftCtx(decl))).toEqual([]);
    expect(validateModuleInput('EDUCATION', [entry] as never, ctxOf(decl)).map((p) => p.code)).toContain(
      'REQUIRED',
    );
    // A malformed date in an entry is still refused.
    expect(
      validateModuleInput('EDUCATION', [{ ...entry, startDate: '2020-13-01' }] as never, draftCtx(decl)).map(
        (p) => p.code,
      ),
    ).toContain('DATE_INVALID');
  });
});

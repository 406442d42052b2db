// Property tests: generated valid declarations pass the report; breaking any one rule makes a
// problem with that rule's code appear; breaking several makes all of them appear at once.
import fc from 'fast-check';
import { makeResidentId } from '@zhicheng/domain-codes';
import {
  catalogueLeafSelections,
  findChannel,
  kbToBytes,
  talentLevelForStandard,
  validateModuleInput,
  validationReport,
  withTalentLevel,
  TALENT_STANDARDS,
  type AttachmentFact,
  type DeclarationCategory,
  type DeclarationFacts,
  type FileFormat,
  type FileRule,
  type ModuleData,
  type ModuleKey,
  type TitleSelection,
} from '../../src/domain';
import { APPLICANT_ID, TODAY, basicInfo, talentBasicInfo } from './fixtures';

type Decl = DeclarationFacts & { data: ModuleData; attachments: AttachmentFact[] };

const TITLE_CHANNELS = [
  'TITLE_NORMAL',
  'TITLE_PS_FULL_SENIOR',
  'RECOGNITION_GRASSROOTS_30_10',
  'JS_TITLE_REVIEW',
];
const LEAVES = catalogueLeafSelections();

const isoDay = (min: string, max: string) =>
  fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

const dateRange = isoDay('1990-01-01', '2026-11-23').chain((start) =>
  isoDay(start, '2026-11-23').map((end) => ({ startDate: start, endDate: end })),
);

/** 1..max files fitting the rule, each with its own id. */
const filesFor = (rule: FileRule, minCount = rule.min) =>
  fc.array(
    fc.record({
      format: fc.constantFrom(...(rule.formats as FileFormat[])),
      sizeBytes: fc.integer({ min: 1, max: kbToBytes(rule.maxSizeKb) }),
    }),
    { minLength: Math.max(minCount, 1), maxLength: rule.max },
  );

let fileSeq = 0;
function attach(
  decl: Decl,
  module: ModuleKey,
  entryId: string,
  files: Array<{ format: FileFormat; sizeBytes: number }>,
) {
  for (const f of files)
    decl.attachments.push({ id: `f${(fileSeq += 1)}`, slot: { kind: 'ENTRY', module, entryId }, ...f });
}
function attachSlot(decl: Decl, code: string, count: number, format: FileFormat) {
  for (let i = 0; i < count; i += 1)
    decl.attachments.push({
      id: `f${(fileSeq += 1)}`,
      slot: { kind: 'CATALOGUE', code },
      format,
      sizeBytes: 1000,
    });
}

const text = (max: number) =>
  fc.string({ unit: fc.constantFrom(...'科技创新人才业绩项目abc123'), minLength: 1, maxLength: max });

const educationEntry = fc.record({
  id: fc.uuid(),
  school: text(30),
  major: text(20),
  educationLevel: fc.constantFrom('大学本科', '研究生', '大学专科'),
  degree: fc.constantFrom('学士', '硕士', null),
  studyMode: fc.constantFrom('全日制', '非全日制'),
  range: dateRange,
  diplomaNumber: fc.stringMatching(/^[0-9]{12,18}$/),
  degreeNumber: fc.constant(null),
});

const workEntry = fc.record({
  id: fc.uuid(),
  unit: text(30),
  post: text(10),
  range: dateRange,
  open: fc.boolean(),
});

const paperEntry = fc.record({
  id: fc.uuid(),
  kind: fc.constantFrom('PAPER' as const, 'BOOK' as const),
  title: text(50),
  publication: text(20),
  publishedDate: isoDay('2000-01-01', '2026-11-23'),
  authorRole: fc.constantFrom('独著', '第一作者', '第二作者'),
});

/** A complete, valid declaration on one of the title channels. */
const validTitleDeclaration: fc.Arbitrary<Decl> = fc
  .record({
    channelCode: fc.constantFrom(...TITLE_CHANNELS),
    leafIndex: fc.nat(),
    exceptional: fc.boolean(),
    education: fc.uniqueArray(educationEntry, { minLength: 1, maxLength: 3, selector: (e) => e.id }),
    work: fc.uniqueArray(workEntry, { minLength: 1, maxLength: 3, selector: (e) => e.id }),
    papers: fc.uniqueArray(paperEntry, { maxLength: 3, selector: (e) => e.id }),
    years: fc.uniqueArray(fc.integer({ min: 2010, max: 2026 }), { minLength: 1, maxLength: 5 }),
    idCards: fc.integer({ min: 1, max: 2 }),
    publicity: fc.integer({ min: 1, max: 3 }),
    summary: fc.array(text(40), { minLength: 1, maxLength: 5 }).map((lines) => lines.join('\n\t')),
    fileSeeds: fc.array(fc.nat(), { minLength: 30, maxLength: 30 }),
    experts: fc.uniqueArray(fc.integer({ min: 1, max: 999 }), { minLength: 2, maxLength: 2 }),
  })
  .chain((g) => {
    const channel = findChannel(g.channelCode)!;
    const config = channel.defaultFormConfig;
    const rule = (key: ModuleKey) => config.modules.find((m) => m.key === key)!.filesPerEntry!;
    return fc
      .record({
        educationFiles: fc.tuple(...g.education.map(() => filesFor(rule('EDUCATION')))),
        paperFiles: g.papers.length
          ? fc.tuple(...g.papers.map(() => filesFor(rule('PAPERS'))))
          : fc.constant([]),
      })
      .map(({ educationFiles, paperFiles }) => {
        const filter = channel.titleFilter;
        const leaves = LEAVES.filter(
          (l) =>
            (!filter?.specialtyCodes || filter.specialtyCodes.includes(l.specialtyCode!)) &&
            (!filter?.levelCodes || filter.levelCodes.includes(l.levelCode!)),
        );
        const leaf: TitleSelection = leaves[g.leafIndex % leaves.length];
        const category: DeclarationCategory =
          channel.allowsExceptional && g.exceptional ? 'EXCEPTIONAL' : 'NORMAL';
        const data: ModuleData = {
          basicInfo: basicInfo({
            ...leaf,
            practisedSpecialtyCode: leaf.scopeCode,
            exceptionalKind: category === 'EXCEPTIONAL' ? 'TWO_EXPERTS' : null,
          }),
          education: g.education.map(({ range, ...e }) => ({ ...e, ...range })),
          workExperience: g.work.map(({ range, open, ...w }) => ({
            ...w,
            ...range,
            endDate: open ? null : range.endDate,
          })),
          annualAssessments: g.years.map((year, i) => ({
            id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
            year,
            result: 'COMPETENT' as const,
          })),
        };
        if (g.papers.length) data.papers = g.papers;
        if (config.modules.some((m) => m.key === 'WORK_SUMMARY')) data.workSummary = g.summary;
        const decl: Decl = { config, channel, category, data, attachments: [], today: TODAY };
        g.education.forEach((e, i) => attach(decl, 'EDUCATION', e.id, educationFiles[i]));
        g.papers.forEach((p, i) => attach(decl, 'PAPERS', p.id, (paperFiles as typeof educationFiles)[i]));
        attachSlot(decl, 'PHOTO', 1, 'jpg');
        attachSlot(decl, 'ID_CARD', g.idCards, 'png');
        attachSlot(
          decl,
          'UNIT_PUBLICITY',
          config.attachments.find((s) => s.code === 'UNIT_PUBLICITY')!.maxCount >= g.publicity
            ? g.publicity
            : 1,
          'pdf',
        );
        if (category === 'EXCEPTIONAL') {
          data.recommenders = g.experts.map((sequence, i) => ({
            id: `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`,
            name: `专家${i + 1}`,
            idType: 'RESIDENT_ID' as const,
            idNumber: makeResidentId({ region: '220102', birthDate: '1960-05-05', sequence }),
            workUnit: '吉林大学',
            title: '教授',
            practisedSpecialty: '计算机软件',
            reason: '业绩突出',
          }));
          for (const r of data.recommenders)
            attach(decl, 'RECOMMENDERS', r.id, [{ format: 'pdf', sizeBytes: 4096 }]);
        }
        return decl;
      });
  });

interface Mutation {
  name: string;
  applies?: (d: Decl) => boolean;
  mutate: (d: Decl) => void;
  /** The rule's problem code (and module) the report must show. */
  expect: { code: string; module?: ModuleKey | 'ATTACHMENTS' };
}

const entryFiles = (d: Decl, module: ModuleKey, entryId: string) =>
  d.attachments.filter(
    (a) => a.slot.kind === 'ENTRY' && a.slot.module === module && a.slot.entryId === entryId,
  );
const withoutSlot = (d: Decl, code: string) =>
  (d.attachments = d.attachments.filter((a) => !(a.slot.kind === 'CATALOGUE' && a.slot.code === code)));

const MUTATIONS: Mutation[] = [
  {
    name: 'drop education',
    applies: (d) => d.config.modules.some((m) => m.key === 'EDUCATION' && m.required),
    mutate: (d) => (d.data.education = []),
    expect: { code: 'MODULE_MISSING', module: 'EDUCATION' },
  },
  {
    name: 'drop work experience',
    applies: (d) => d.config.modules.some((m) => m.key === 'WORK_EXPERIENCE' && m.required),
    mutate: (d) => (d.data.workExperience = null),
    expect: { code: 'MODULE_MISSING', module: 'WORK_EXPERIENCE' },
  },
  {
    name: 'drop annual assessment',
    applies: (d) => d.config.modules.some((m) => m.key === 'ANNUAL_ASSESSMENT' && m.required),
    mutate: (d) => (d.data.annualAssessments = []),
    expect: { code: 'MODULE_MISSING', module: 'ANNUAL_ASSESSMENT' },
  },
  {
    name: 'drop basic info',
    mutate: (d) => (d.data.basicInfo = null),
    expect: { code: 'MODULE_MISSING', module: 'BASIC_INFO' },
  },
  {
    name: 'an education entry without proof',
    mutate: (d) => {
      const id = d.data.education![0].id;
      d.attachments = d.attachments.filter((a) => !(a.slot.kind === 'ENTRY' && a.slot.entryId === id));
    },
    expect: { code: 'ENTRY_FILES_MISSING', module: 'EDUCATION' },
  },
  {
    name: 'a fourth education entry',
    mutate: (d) => {
      const base = d.data.education![0];
      while (d.data.education!.length < 4) {
        const id = `11111111-0000-4000-8000-${String(d.data.education!.length).padStart(12, '0')}`;
        d.data.education!.push({ ...base, id });
        attach(d, 'EDUCATION', id, [{ format: 'pdf', sizeBytes: 100 }]);
      }
    },
    expect: { code: 'TOO_MANY_ENTRIES', module: 'EDUCATION' },
  },
  {
    name: 'a fourth proof file on an entry',
    mutate: (d) => {
      const id = d.data.education![0].id;
      attach(
        d,
        'EDUCATION',
        id,
        Array.from({ length: 4 - entryFiles(d, 'EDUCATION', id).length }, () => ({
          format: 'pdf' as const,
          sizeBytes: 10,
        })),
      );
    },
    expect: { code: 'ENTRY_FILES_TOO_MANY', module: 'EDUCATION' },
  },
  {
    name: 'a proof file of a wrong format',
    mutate: (d) => (entryFiles(d, 'EDUCATION', d.data.education![0].id)[0].format = 'zip'),
    expect: { code: 'FILE_FORMAT', module: 'EDUCATION' },
  },
  {
    name: 'an ID card over 2000 KB',
    mutate: (d) =>
      (d.attachments.find((a) => a.slot.kind === 'CATALOGUE' && a.slot.code === 'ID_CARD')!.sizeBytes =
        kbToBytes(2000) + 1),
    expect: { code: 'FILE_TOO_LARGE', module: 'ATTACHMENTS' },
  },
  {
    name: 'no ID card',
    mutate: (d) => withoutSlot(d, 'ID_CARD'),
    expect: { code: 'ATTACHMENT_MISSING', module: 'ATTACHMENTS' },
  },
  {
    name: 'no photo',
    mutate: (d) => withoutSlot(d, 'PHOTO'),
    expect: { code: 'ATTACHMENT_MISSING', module: 'BASIC_INFO' },
  },
  {
    name: 'no publicity form',
    mutate: (d) => withoutSlot(d, 'UNIT_PUBLICITY'),
    expect: { code: 'ATTACHMENT_MISSING', module: 'UNIT_PUBLICITY' },
  },
  {
    name: 'three ID cards',
    mutate: (d) =>
      attachSlot(
        d,
        'ID_CARD',
        3 - d.attachments.filter((a) => a.slot.kind === 'CATALOGUE' && a.slot.code === 'ID_CARD').length,
        'jpg',
      ),
    expect: { code: 'ATTACHMENT_TOO_MANY', module: 'ATTACHMENTS' },
  },
  {
    name: 'a level not under the title',
    mutate: (d) => {
      const info = d.data.basicInfo!;
      info.levelCode = info.levelCode === 'INTERMEDIATE' ? 'DEPUTY_SENIOR' : 'INTERMEDIATE';
    },
    expect: { code: 'CATALOGUE_NOT_CHILD', module: 'BASIC_INFO' },
  },
  {
    name: 'a scope of another specialty',
    mutate: (d) => {
      const info = d.data.basicInfo!;
      // A scope of a specialty in another series, so never a sibling.
      info.scopeCode = info.seriesCode === 'HEALTH' ? 'ENG.EI.SOFTWARE' : 'HEALTH.NUR.GENERAL';
      info.practisedSpecialtyCode = info.scopeCode;
    },
    expect: { code: 'CATALOGUE_NOT_CHILD', module: 'BASIC_INFO' },
  },
  {
    name: '从事专业 differs from 申报专业范围',
    mutate: (d) => (d.data.basicInfo!.practisedSpecialtyCode = 'ENG.ME.WELDING.X'),
    expect: { code: 'PRACTISED_SPECIALTY_MISMATCH', module: 'BASIC_INFO' },
  },
  {
    name: 'an education entry ending before it starts',
    mutate: (d) => {
      const e = d.data.education![0];
      e.startDate = '2000-09-01';
      e.endDate = '1999-07-01';
    },
    expect: { code: 'DATE_ORDER', module: 'EDUCATION' },
  },
  {
    name: 'a date in the future',
    mutate: (d) => (d.data.workExperience![0].startDate = '2026-11-24'),
    expect: { code: 'DATE_IN_FUTURE', module: 'WORK_EXPERIENCE' },
  },
  {
    name: 'a required entry field left blank',
    mutate: (d) => (d.data.education![0].school = '  '),
    expect: { code: 'REQUIRED', module: 'EDUCATION' },
  },
  {
    name: 'an assessment year twice',
    mutate: (d) =>
      d.data.annualAssessments!.push({
        ...d.data.annualAssessments![0],
        id: '22222222-0000-4000-8000-000000000000',
      }),
    expect: { code: 'ASSESSMENT_YEAR_DUPLICATE', module: 'ANNUAL_ASSESSMENT' },
  },
  {
    name: 'two entries with one id',
    mutate: (d) => d.data.workExperience!.push({ ...d.data.workExperience![0] }),
    expect: { code: 'ENTRY_ID_DUPLICATE', module: 'WORK_EXPERIENCE' },
  },
  {
    name: 'an applicant ID number with a wrong check digit',
    mutate: (d) =>
      (d.data.basicInfo!.idNumber = `${APPLICANT_ID.slice(0, 17)}${APPLICANT_ID[17] === '1' ? '2' : '1'}`),
    expect: { code: 'ID_CHECK_DIGIT', module: 'BASIC_INFO' },
  },
  {
    name: 'a 破格 declaration with one expert',
    applies: (d) => d.category === 'EXCEPTIONAL',
    mutate: (d) => d.data.recommenders!.pop(),
    expect: { code: 'RECOMMENDERS_COUNT', module: 'RECOMMENDERS' },
  },
  {
    name: "an expert's proof missing",
    applies: (d) => d.category === 'EXCEPTIONAL',
    mutate: (d) =>
      (d.attachments = d.attachments.filter(
        (a) => !(a.slot.kind === 'ENTRY' && a.slot.module === 'RECOMMENDERS'),
      )),
    expect: { code: 'ENTRY_FILES_MISSING', module: 'RECOMMENDERS' },
  },
  {
    name: 'an expert who already recommends two others',
    applies: (d) => d.category === 'EXCEPTIONAL',
    mutate: (d) => (d.recommendationCounts = { [d.data.recommenders![1].idNumber]: 2 }),
    expect: { code: 'RECOMMENDER_QUOTA_EXCEEDED', module: 'RECOMMENDERS' },
  },
  {
    name: '破格 without a 破格类别',
    applies: (d) => d.category === 'NORMAL' && d.channel.allowsExceptional,
    mutate: (d) => (d.category = 'EXCEPTIONAL'),
    expect: { code: 'REQUIRED', module: 'BASIC_INFO' },
  },
  {
    name: '破格 on a channel without it',
    applies: (d) => !d.channel.allowsExceptional,
    mutate: (d) => (d.category = 'EXCEPTIONAL'),
    expect: { code: 'EXCEPTIONAL_NOT_ALLOWED' },
  },
];

const hasProblem = (d: Decl, e: Mutation['expect']) =>
  validationReport(d).some((p) => p.code === e.code && (e.module === undefined || p.module === e.module));

function mutated(d: Decl, ...mutations: Mutation[]): Decl {
  const copy: Decl = { ...d, data: structuredClone(d.data), attachments: structuredClone(d.attachments) };
  for (const m of mutations) m.mutate(copy);
  return copy;
}

describe('validationReport (properties)', () => {
  it('passes every generated valid declaration, and each module passes its save-time check', () => {
    fc.assert(
      fc.property(validTitleDeclaration, (d) => {
        expect(validationReport(d)).toEqual([]);
        const ctx = {
          config: d.config,
          channel: d.channel,
          category: d.category,
          today: TODAY,
          data: d.data,
        };
        expect(validateModuleInput('BASIC_INFO', d.data.basicInfo, ctx)).toEqual([]);
        expect(validateModuleInput('EDUCATION', d.data.education, ctx)).toEqual([]);
        expect(validateModuleInput('WORK_EXPERIENCE', d.data.workExperience, ctx)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it.each(MUTATIONS.map((m) => [m.name, m] as const))(
    'never passes a declaration with %s',
    (_name, mutation) => {
      let applied = 0;
      fc.assert(
        fc.property(validTitleDeclaration, (d) => {
          if (mutation.applies && !mutation.applies(d)) return;
          applied += 1;
          const broken = mutated(d, mutation);
          expect(validationReport(broken).length).toBeGreaterThan(0);
          expect(hasProblem(broken, mutation.expect)).toBe(true);
        }),
        { numRuns: 60 },
      );
      expect(applied).toBeGreaterThan(0);
    },
  );

  it('lists every problem at once when several rules are broken', () => {
    // Breaks that do not hide one another (each on its own module or slot).
    const independent = [
      'no photo',
      'three ID cards',
      'an education entry without proof',
      'an assessment year twice',
      'a level not under the title',
      'a date in the future',
      'no publicity form',
    ].map((name) => MUTATIONS.find((m) => m.name === name)!);
    fc.assert(
      fc.property(validTitleDeclaration, fc.subarray(independent, { minLength: 2 }), (d, chosen) => {
        const broken = mutated(d, ...chosen);
        for (const m of chosen) expect([m.name, hasProblem(broken, m.expect)]).toEqual([m.name, true]);
      }),
      { numRuns: 100 },
    );
  });
});

// --- talent classification ---------------------------------------------------------------------

const validTalentDeclaration: fc.Arbitrary<Decl> = fc
  .record({
    introduced: fc.boolean(),
    promotion: fc.boolean(),
    longTermContract: fc.boolean(),
    standard: fc.constantFrom(...TALENT_STANDARDS.filter((s) => s.level !== 'E')),
    innovation: text(500),
    education: fc.uniqueArray(educationEntry, { minLength: 1, maxLength: 3, selector: (e) => e.id }),
  })
  .map((g) => {
    const channel = findChannel('TALENT_CLASSIFICATION')!;
    const info = withTalentLevel(
      talentBasicInfo({
        source: g.introduced ? 'INTRODUCED' : 'IN_PROVINCE',
        introducedFrom: g.introduced ? '北京市' : null,
        serviceType: g.promotion ? 'PROMOTION' : 'FIRST',
        previousCategoryCode: g.promotion ? 'E' : null,
        previousRecognitionDate: g.promotion ? '2021-06-30' : null,
        longTermContract: g.longTermContract,
        contractStartDate: g.longTermContract ? null : '2022-01-01',
        standardCode: g.standard.code,
      }),
    );
    const d: Decl = {
      config: channel.defaultFormConfig,
      channel,
      category: 'NORMAL',
      data: {
        talentBasicInfo: info,
        education: g.education.map(({ range, ...e }) => ({ ...e, ...range })),
        workExperience: [
          {
            id: '33333333-0000-4000-8000-000000000000',
            unit: '某单位',
            post: '主任',
            startDate: '2012-01-01',
          },
        ],
        innovation: g.innovation,
      },
      attachments: [],
      today: TODAY,
    };
    for (const e of g.education) attach(d, 'EDUCATION', e.id, [{ format: 'pdf', sizeBytes: 1000 }]);
    attachSlot(d, 'PHOTO', 1, 'png');
    attachSlot(d, 'ID_CARD', 2, 'jpg');
    return d;
  });

const TALENT_MUTATIONS: Mutation[] = [
  {
    name: '引进人才 without 从何地引进',
    mutate: (d) => Object.assign(d.data.talentBasicInfo!, { source: 'INTRODUCED', introducedFrom: null }),
    expect: { code: 'REQUIRED', module: 'TALENT_BASIC_INFO' },
  },
  {
    name: '晋升认定 without the previous category',
    mutate: (d) =>
      Object.assign(d.data.talentBasicInfo!, { serviceType: 'PROMOTION', previousCategoryCode: null }),
    expect: { code: 'REQUIRED', module: 'TALENT_BASIC_INFO' },
  },
  {
    name: '晋升认定 to a level not higher',
    mutate: (d) =>
      Object.assign(d.data.talentBasicInfo!, {
        serviceType: 'PROMOTION',
        previousCategoryCode: 'A',
        previousRecognitionDate: '2020-01-01',
      }),
    expect: { code: 'TALENT_PROMOTION_NOT_HIGHER', module: 'TALENT_BASIC_INFO' },
  },
  {
    name: 'no long-term contract and no start date',
    mutate: (d) =>
      Object.assign(d.data.talentBasicInfo!, { longTermContract: false, contractStartDate: null }),
    expect: { code: 'REQUIRED', module: 'TALENT_BASIC_INFO' },
  },
  {
    name: 'a level the standard does not give',
    mutate: (d) => {
      const info = d.data.talentBasicInfo!;
      info.levelCode = talentLevelForStandard(info.standardCode) === 'A' ? 'B' : 'A';
    },
    expect: { code: 'TALENT_LEVEL_NOT_FROM_STANDARD', module: 'TALENT_BASIC_INFO' },
  },
  {
    name: 'an innovation text over 500 characters',
    mutate: (d) => (d.data.innovation = `${d.data.innovation}${'成'.repeat(501)}`),
    expect: { code: 'TEXT_TOO_LONG', module: 'INNOVATION' },
  },
  {
    name: 'no innovation text',
    mutate: (d) => (d.data.innovation = ''),
    expect: { code: 'MODULE_MISSING', module: 'INNOVATION' },
  },
];

describe('validationReport on talent classification (properties)', () => {
  it('passes every generated valid declaration', () => {
    fc.assert(
      fc.property(validTalentDeclaration, (d) => expect(validationReport(d)).toEqual([])),
      { numRuns: 200 },
    );
  });

  it.each(TALENT_MUTATIONS.map((m) => [m.name, m] as const))(
    'never passes one with %s',
    (_name, mutation) => {
      fc.assert(
        fc.property(validTalentDeclaration, (d) => {
          expect(hasProblem(mutated(d, mutation), mutation.expect)).toBe(true);
        }),
        { numRuns: 60 },
      );
    },
  );
});

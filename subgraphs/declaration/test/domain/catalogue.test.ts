import fc from 'fast-check';
import {
  CATALOGUE_LEVELS,
  SELECTION_FIELDS,
  TITLE_CATALOGUE,
  TITLE_LEVELS,
  TITLE_SERIES,
  catalogueFor,
  catalogueLeafSelections,
  catalogueOptions,
  clearBelow,
  resolveSelection,
  selectionNames,
  selectionProblems,
  walkCatalogue,
  type TitleSelection,
} from '../../src/domain';

const leaves = catalogueLeafSelections();

describe('the title catalogue', () => {
  it('holds a real subset of 工程, 教育（中小学）, 经济 and 卫生', () => {
    expect(TITLE_CATALOGUE.map((s) => s.name)).toEqual(['工程系列', '教育系列', '经济系列', '卫生系列']);
    expect(
      selectionNames({
        seriesCode: 'ENG',
        specialtyCode: 'ENG.EI',
        scopeCode: 'ENG.EI.SOFTWARE',
        titleCode: 'ENG.SENIOR_ENGINEER',
        levelCode: 'DEPUTY_SENIOR',
      }),
    ).toEqual({
      seriesName: '工程系列',
      specialtyName: '电子信息',
      scopeName: '计算机软件',
      titleName: '高级工程师',
      levelName: '副高级',
    });
    expect(
      selectionNames({
        seriesCode: 'EDU',
        specialtyCode: 'EDU.PS',
        scopeCode: 'EDU.PS.SEC_MATHS',
        titleCode: 'EDU.PS.SENIOR_TEACHER',
        levelCode: 'DEPUTY_SENIOR',
      }),
    ).toMatchObject({
      specialtyName: '中小学教师',
      scopeName: '中学数学',
      titleName: '高级教师',
      levelName: '副高级',
    });
  });

  it('has every node at the level its depth says, and only levels as leaves', () => {
    for (const { node, ancestors } of walkCatalogue()) {
      expect(node.level).toBe(CATALOGUE_LEVELS[ancestors.length]);
      expect(node.children.length === 0).toBe(node.level === 'LEVEL');
    }
  });

  it('has unique codes: series, specialties and scopes in the whole tree, siblings everywhere', () => {
    const upper = [...walkCatalogue()].filter(({ node }) =>
      ['SERIES', 'SPECIALTY', 'SCOPE'].includes(node.level),
    );
    const codes = upper.map(({ node }) => node.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const { node } of walkCatalogue()) {
      const childCodes = node.children.map((c) => c.code);
      expect(new Set(childCodes).size).toBe(childCodes.length);
    }
    // A title code means one title everywhere it appears, with one level.
    const titles = new Map<string, string>();
    for (const { node } of walkCatalogue()) {
      if (node.level !== 'TITLE') continue;
      const meaning = `${node.name}/${node.children.map((c) => c.code).join()}`;
      expect(titles.get(node.code) ?? meaning).toBe(meaning);
      titles.set(node.code, meaning);
    }
    for (const { node } of walkCatalogue())
      if (node.level === 'LEVEL') expect(Object.keys(TITLE_LEVELS)).toContain(node.code);
  });

  it('reaches every defined scope and title through the cascade, and every leaf is a valid selection', () => {
    const defined = TITLE_SERIES.flatMap((s) =>
      s.specialties.flatMap((sp) =>
        sp.scopes.flatMap((sc) => (sp.titles ?? s.titles ?? []).map((t) => `${sc.code}|${t.code}`)),
      ),
    );
    const reached = leaves.map((l) => `${l.scopeCode}|${l.titleCode}`);
    expect(new Set(reached)).toEqual(new Set(defined));
    for (const leaf of leaves) {
      expect(selectionProblems(leaf, { prefix: '', complete: true })).toEqual([]);
      // Step by step through the pickers.
      for (const level of CATALOGUE_LEVELS) {
        const options = catalogueOptions(leaf, level).map((n) => n.code);
        expect(options).toContain(leaf[SELECTION_FIELDS[level]]);
      }
    }
  });

  it('offers nothing below an incomplete choice and filters by series', () => {
    expect(catalogueOptions({ seriesCode: 'ENG' }, 'SCOPE')).toEqual([]);
    expect(catalogueFor('HEALTH').map((s) => s.code)).toEqual(['HEALTH']);
    expect(catalogueFor().length).toBe(TITLE_CATALOGUE.length);
  });

  it('asks for the parent first when a child comes without it (drafts)', () => {
    expect(
      selectionProblems({ scopeCode: 'ENG.EI.SOFTWARE' }, { prefix: 'basicInfo.', complete: false }),
    ).toEqual([
      { field: 'basicInfo.scopeCode', code: 'CATALOGUE_PARENT_MISSING', message: '请先选择申报系列' },
    ]);
    expect(selectionProblems({ seriesCode: 'NOPE' }, { prefix: '', complete: false })).toEqual([
      { field: 'seriesCode', code: 'CATALOGUE_UNKNOWN', message: '申报系列不存在，请重新选择' },
    ]);
  });

  it('applies a channel filter (中小学正高级教师 takes 正高级 only)', () => {
    const teacher = leaves.find((l) => l.titleCode === 'EDU.PS.SENIOR_TEACHER')!;
    expect(
      selectionProblems(teacher, {
        prefix: '',
        complete: true,
        filter: { specialtyCodes: ['EDU.PS'], levelCodes: ['FULL_SENIOR'] },
      }),
    ).toEqual([
      { field: 'levelCode', code: 'CATALOGUE_NOT_IN_CHANNEL', message: '本通道申报职称级别只能选择正高级' },
    ]);
  });

  it('property: clearing below any level leaves a consistent partial selection', () => {
    fc.assert(
      fc.property(fc.constantFrom(...leaves), fc.constantFrom(...CATALOGUE_LEVELS), (leaf, level) => {
        const cleared = clearBelow(leaf, level);
        const depth = CATALOGUE_LEVELS.indexOf(level) + 1;
        expect(Object.keys(resolveSelection(cleared)).length).toBe(depth);
        expect(selectionProblems(cleared, { prefix: '', complete: false })).toEqual([]);
        expect(selectionProblems(cleared, { prefix: '', complete: true }).length).toBe(5 - depth);
      }),
    );
  });

  it('property: a code taken from another branch is refused at its level', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...leaves),
        fc.constantFrom(...leaves),
        fc.integer({ min: 1, max: 4 }),
        (leaf, other, depth) => {
          const field = SELECTION_FIELDS[CATALOGUE_LEVELS[depth]];
          const parentField = SELECTION_FIELDS[CATALOGUE_LEVELS[depth - 1]];
          const children = catalogueOptions(leaf, CATALOGUE_LEVELS[depth]).map((n) => n.code);
          fc.pre(!children.includes(other[field] as string));
          const mixed: TitleSelection = { ...leaf, [field]: other[field] };
          const problems = selectionProblems(mixed, { prefix: '', complete: true });
          expect(problems).toEqual([expect.objectContaining({ field, code: 'CATALOGUE_NOT_CHILD' })]);
          expect(parentField).not.toBe(field);
        },
      ),
    );
  });
});

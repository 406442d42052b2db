/// <reference types="jest" />
import { cascadeChange, chosenAt, nodesAtDepth, optionsAt, type CatalogueNodeLike } from './catalogue';

const level = (code: string, name: string): CatalogueNodeLike => ({ code, name, children: [] });
const tree: CatalogueNodeLike[] = [
  {
    code: 'ENG',
    name: '工程系列',
    children: [
      {
        code: 'ENG.ME',
        name: '机械工程',
        children: [
          {
            code: 'ENG.ME.WELDING',
            name: '焊接',
            children: [
              { code: 'ENG.SENIOR', name: '高级工程师', children: [level('DEPUTY_SENIOR', '副高级')] },
              { code: 'ENG.ENGINEER', name: '工程师', children: [level('INTERMEDIATE', '中级')] },
            ],
          },
        ],
      },
      {
        code: 'ENG.EI',
        name: '电子信息',
        children: [{ code: 'ENG.EI.SOFTWARE', name: '计算机软件', children: [] }],
      },
    ],
  },
];

describe('the title catalogue cascade', () => {
  it('offers each level the children of the choice above, nothing without it', () => {
    expect(optionsAt(tree, {}, 'seriesCode').map((n) => n.name)).toEqual(['工程系列']);
    expect(optionsAt(tree, {}, 'specialtyCode')).toEqual([]);
    expect(optionsAt(tree, { seriesCode: 'ENG' }, 'specialtyCode').map((n) => n.name)).toEqual([
      '机械工程',
      '电子信息',
    ]);
    expect(
      optionsAt(
        tree,
        { seriesCode: 'ENG', specialtyCode: 'ENG.ME', scopeCode: 'ENG.ME.WELDING' },
        'titleCode',
      ).map((n) => n.name),
    ).toEqual(['高级工程师', '工程师']);
    expect(chosenAt(tree, { seriesCode: 'ENG', specialtyCode: 'ENG.XX' }, 'specialtyCode')).toBeUndefined();
  });

  it('clears every choice below a changed one', () => {
    const full = {
      seriesCode: 'ENG',
      specialtyCode: 'ENG.ME',
      scopeCode: 'ENG.ME.WELDING',
      titleCode: 'ENG.SENIOR',
      levelCode: 'DEPUTY_SENIOR',
    };
    expect(cascadeChange(tree, full, 'specialtyCode', 'ENG.EI')).toEqual({
      seriesCode: 'ENG',
      specialtyCode: 'ENG.EI',
      scopeCode: null,
      titleCode: null,
      levelCode: null,
    });
    expect(cascadeChange(tree, full, 'seriesCode', null)).toEqual({
      seriesCode: null,
      specialtyCode: null,
      scopeCode: null,
      titleCode: null,
      levelCode: null,
    });
  });

  it('sets the level of a title that has only one', () => {
    const chosen = { seriesCode: 'ENG', specialtyCode: 'ENG.ME', scopeCode: 'ENG.ME.WELDING' };
    expect(cascadeChange(tree, chosen, 'titleCode', 'ENG.ENGINEER').levelCode).toBe('INTERMEDIATE');
  });

  it('lists the nodes of one depth once', () => {
    expect(nodesAtDepth(tree, 4).map((n) => n.code)).toEqual(['DEPUTY_SENIOR', 'INTERMEDIATE']);
  });
});

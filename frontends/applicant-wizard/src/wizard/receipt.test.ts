import { receiptLines, routeAhead } from './receipt';

describe('the receipt’s list of what was submitted', () => {
  const formConfig = {
    modules: [
      { key: 'BASIC_INFO' as const, name: '基本信息' },
      { key: 'EDUCATION' as const, name: '教育经历' },
      { key: 'WORK_SUMMARY' as const, name: '工作总结' },
      { key: 'UNIT_PUBLICITY' as const, name: '单位公示表' },
    ],
    attachments: [
      { code: 'PHOTO', name: '个人照片', module: 'BASIC_INFO' },
      { code: 'UNIT_PUBLICITY', name: '单位公示表', module: 'UNIT_PUBLICITY' },
      { code: 'ID_CARD', name: '身份证', module: null },
      { code: 'OTHER_PROOF', name: '其他证明材料', module: null },
    ],
  };
  const file = (slot: { kind: string; code?: string; module?: string; entryId?: string }) => ({ slot });

  it('counts entries and files per module, the 附件材料 after them, and skips unsaved entries’ files', () => {
    const { lines, totalFiles } = receiptLines({
      formConfig,
      modules: {
        basicInfo: { name: '张伟', __typename: 'BasicInfo' },
        education: [{ id: 'e1' }, { id: 'e2' }],
      },
      attachments: [
        file({ kind: 'CATALOGUE', code: 'PHOTO' }),
        file({ kind: 'ENTRY', module: 'EDUCATION', entryId: 'e1' }),
        file({ kind: 'ENTRY', module: 'EDUCATION', entryId: 'e2' }),
        file({ kind: 'ENTRY', module: 'EDUCATION', entryId: 'never-saved' }),
        file({ kind: 'CATALOGUE', code: 'UNIT_PUBLICITY' }),
        file({ kind: 'CATALOGUE', code: 'ID_CARD' }),
        file({ kind: 'CATALOGUE', code: 'ID_CARD' }),
      ],
    });
    expect(lines).toEqual([
      { name: '基本信息', entries: null, filled: true, files: 1 },
      { name: '教育经历', entries: 2, filled: true, files: 2 },
      { name: '工作总结', entries: null, filled: false, files: 0 },
      { name: '单位公示表', entries: null, filled: true, files: 1 },
      { name: '身份证', entries: null, filled: true, files: 2, filesOnly: true },
    ]);
    expect(totalFiles).toBe(6);
  });
});

describe('the receipt’s 后续流程', () => {
  const noticeRoute = [{ name: '推荐单位' }, { name: '吉林省人力资源和社会保障厅' }, { name: '评委会' }];

  it('names each level’s organisation once review has the case', () => {
    const progress = [
      { levelText: '推荐单位', name: '长春一汽' },
      { levelText: '人社部门', name: '吉林省人力资源和社会保障厅' },
    ];
    expect(routeAhead(progress, noticeRoute)).toEqual([
      '推荐单位（长春一汽）',
      '人社部门（吉林省人力资源和社会保障厅）',
    ]);
  });

  it('shows the notice’s route before review has taken the submission in, never nothing', () => {
    expect(routeAhead([], noticeRoute)).toEqual(['推荐单位', '吉林省人力资源和社会保障厅', '评委会']);
  });
});

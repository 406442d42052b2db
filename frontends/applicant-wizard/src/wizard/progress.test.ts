/// <reference types="jest" />
import { fillStepDone, moduleMarker, openingModule, type ProgressFacts } from './progress';

const facts = (overrides: Partial<ProgressFacts> = {}): ProgressFacts => ({
  status: 'DRAFT',
  modules: {},
  attachments: [],
  slots: [
    { code: 'PHOTO', module: 'BASIC_INFO' },
    { code: 'ID_CARD', module: null },
  ],
  problems: [],
  flagged: [],
  ...overrides,
});

describe('module markers', () => {
  it('an untouched optional module is not started, never complete', () => {
    expect(moduleMarker('HONOURS', facts())).toBe('NOT_STARTED');
    expect(moduleMarker('INNOVATION', facts({ modules: { innovation: '  ' } }))).toBe('NOT_STARTED');
    expect(moduleMarker('HONOURS', facts({ modules: { honours: [] } }))).toBe('NOT_STARTED');
  });

  it('an untouched required module is not started, though the report counts it', () => {
    expect(moduleMarker('BASIC_INFO', facts({ problems: [{ module: 'BASIC_INFO' }] }))).toBe('NOT_STARTED');
  });

  it('a saved module with problems left is in progress', () => {
    const half = facts({
      modules: { basicInfo: { __typename: 'BasicInfo', name: '张伟', gender: null } },
      problems: [{ module: 'BASIC_INFO' }, { module: 'BASIC_INFO' }],
    });
    expect(moduleMarker('BASIC_INFO', half)).toBe('IN_PROGRESS');
    // A photo alone starts 基本信息 too (its slot belongs to the module).
    const photo = facts({
      attachments: [{ slot: { kind: 'CATALOGUE', code: 'PHOTO', module: null } }],
      problems: [{ module: 'BASIC_INFO' }],
    });
    expect(moduleMarker('BASIC_INFO', photo)).toBe('IN_PROGRESS');
  });

  it('a saved module the report has nothing against is complete', () => {
    const done = facts({
      modules: { education: [{ id: 'e1', school: '吉林大学' }] },
      problems: [{ module: 'BASIC_INFO' }, { module: 'ATTACHMENTS' }],
    });
    expect(moduleMarker('EDUCATION', done)).toBe('COMPLETE');
  });

  it('a flagged module of a returned declaration is to fix, with no tick beside it', () => {
    const returned = facts({
      status: 'RETURNED',
      modules: { education: [{ id: 'e1' }], papers: [{ id: 'p1' }] },
      flagged: ['PAPERS'],
    });
    expect(moduleMarker('PAPERS', returned)).toBe('TO_FIX');
    expect(moduleMarker('EDUCATION', returned)).toBe('COMPLETE');
    // Flags mean nothing on a draft.
    expect(moduleMarker('PAPERS', facts({ modules: { papers: [{ id: 'p1' }] }, flagged: ['PAPERS'] }))).toBe(
      'COMPLETE',
    );
  });
});

describe('02 信息填报', () => {
  it('is done only when no module problem remains (attachment problems belong to 03)', () => {
    expect(fillStepDone([])).toBe(true);
    expect(fillStepDone([{ module: 'ATTACHMENTS' }])).toBe(true);
    expect(fillStepDone([{ module: 'ATTACHMENTS' }, { module: 'HONOURS' }])).toBe(false);
  });
});

describe('the module a declaration opens on', () => {
  const modules = [{ key: 'BASIC_INFO' }, { key: 'EDUCATION' }, { key: 'PAPERS' }] as const;

  it('is the requested one, else a returned declaration’s first flagged one, else the first', () => {
    expect(openingModule(modules, facts(), 'EDUCATION')).toBe('EDUCATION');
    expect(openingModule(modules, facts(), null)).toBe('BASIC_INFO');
    expect(
      openingModule(modules, facts({ status: 'RETURNED', flagged: ['PAPERS', 'EDUCATION'] }), null),
    ).toBe('EDUCATION');
    expect(openingModule(modules, facts({ status: 'RETURNED', flagged: ['PAPERS'] }), 'UNKNOWN')).toBe(
      'PAPERS',
    );
  });
});

/// <reference types="jest" />
import { actionsFor, isEditable, isModuleEditable, reviewResultOf } from './status';

describe('what the history list offers per status', () => {
  it('lets a draft be continued while open, cancelled and deleted (also after the deadline)', () => {
    expect(actionsFor('DRAFT', true)).toEqual(['continue', 'cancel', 'delete']);
    expect(actionsFor('DRAFT', false)).toEqual(['cancel', 'delete']);
  });

  it('lets a returned declaration be edited, a terminated one deleted, the rest only viewed', () => {
    expect(actionsFor('RETURNED', true)).toEqual(['edit', 'view']);
    expect(actionsFor('TERMINATED', false)).toEqual(['view', 'delete']);
    for (const status of ['SUBMITTED', 'MATERIALS_APPROVED', 'FINALLY_APPROVED', 'CANCELLED'] as const) {
      expect(actionsFor(status, true)).toEqual(['view']);
      expect(isEditable(status)).toBe(false);
    }
    expect(isEditable('DRAFT')).toBe(true);
    expect(isEditable('RETURNED')).toBe(true);
  });
});

describe('what may be changed of a declaration', () => {
  it('opens every module of a draft, only the flagged ones of a returned one, none after', () => {
    expect(isModuleEditable('DRAFT', [], 'WORK_EXPERIENCE')).toBe(true);
    expect(isModuleEditable('RETURNED', ['EDUCATION'], 'EDUCATION')).toBe(true);
    expect(isModuleEditable('RETURNED', ['EDUCATION'], 'WORK_EXPERIENCE')).toBe(false);
    expect(isModuleEditable('RETURNED', ['EDUCATION'], 'BASIC_INFO')).toBe(false);
    for (const status of ['SUBMITTED', 'MATERIALS_APPROVED', 'FINALLY_APPROVED', 'TERMINATED'] as const)
      expect(isModuleEditable(status, ['EDUCATION'], 'EDUCATION')).toBe(false);
  });

  it('keeps the slots of no module correctable on any return', () => {
    expect(isModuleEditable('RETURNED', ['EDUCATION'], null)).toBe(true);
    expect(isModuleEditable('SUBMITTED', [], null)).toBe(false);
  });
});

describe('评审结果 (seed 001 §3.4)', () => {
  const entry = (step: string, stepText: string, at: string) => ({
    step,
    stepText,
    at,
    opinion: `${stepText}意见`,
    organisationName: '吉林省人力资源和社会保障厅',
  });
  const submitted = entry('SUBMIT', '提交申报', '2026-12-01T01:00:00Z');
  const materials = entry('PASS', '通过', '2026-12-01T02:00:00Z');

  it('is awaited after 材料审核通过, then the latest result (暂缓, later 通过 with the class)', () => {
    expect(reviewResultOf('SUBMITTED', [submitted])).toBeNull();
    expect(reviewResultOf('MATERIALS_APPROVED', [submitted, materials])).toMatchObject({ kind: 'AWAITING' });
    const deferred = entry('COMMITTEE_DEFER', '暂缓', '2026-12-02T02:00:00Z');
    expect(reviewResultOf('MATERIALS_APPROVED', [submitted, materials, deferred])).toMatchObject({
      kind: 'DEFER',
      stepText: '暂缓',
    });
    const passed = entry('COMMITTEE_PASS', '评审通过（认定为C类）', '2026-12-03T02:00:00Z');
    expect(reviewResultOf('FINALLY_APPROVED', [submitted, materials, deferred, passed])).toEqual({
      kind: 'PASS',
      step: 'COMMITTEE_PASS',
      stepText: '评审通过（认定为C类）',
      opinion: '评审通过（认定为C类）意见',
      organisationName: '吉林省人力资源和社会保障厅',
      at: '2026-12-03T02:00:00Z',
    });
  });

  it('says 不通过 after a failed evaluation, and nothing for a route that ended without one', () => {
    const failed = entry('COMMITTEE_FAIL', '评审不通过', '2026-12-03T02:00:00Z');
    expect(reviewResultOf('TERMINATED', [submitted, materials, failed])?.kind).toBe('FAIL');
    expect(
      reviewResultOf('TERMINATED', [submitted, entry('TERMINATE', '审核不通过终止审核', 'x')]),
    ).toBeNull();
    expect(reviewResultOf('FINALLY_APPROVED', [submitted, materials])).toBeNull();
  });
});

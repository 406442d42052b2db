/// <reference types="jest" />
import { actionsFor, isEditable, isModuleEditable } from './status';

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

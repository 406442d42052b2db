/// <reference types="jest" />
import { actionsFor, isEditable } from './status';

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

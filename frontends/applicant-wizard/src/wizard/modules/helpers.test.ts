/// <reference types="jest" />
import dayjs from 'dayjs';
import { entryToInput, LIST_MODULES, toEntryInput } from './definitions';
import { changedPaths } from './formPaths';
import { yearsAndMonthsSince } from './years';

describe('list module entries', () => {
  const education = LIST_MODULES.EDUCATION!;

  it('turns form values into an input entry: trimmed text, numbers, nulls for nothing', () => {
    expect(
      toEntryInput(education, 'e1', {
        school: ' 吉林大学 ',
        major: '',
        startDate: '2004-09-01',
        degree: undefined,
      }),
    ).toEqual({
      id: 'e1',
      school: '吉林大学',
      major: null,
      educationLevel: null,
      degree: null,
      studyMode: null,
      startDate: '2004-09-01',
      endDate: null,
      diplomaNumber: null,
      degreeNumber: null,
    });
    expect(
      toEntryInput(LIST_MODULES.ANNUAL_ASSESSMENT!, 'a1', { year: '2025', result: 'EXCELLENT' }),
    ).toEqual({
      id: 'a1',
      year: 2025,
      result: 'EXCELLENT',
    });
  });

  it('sends back a stored entry without __typename or source (the server keeps its registry mark)', () => {
    const stored = { __typename: 'EducationEntry', id: 'e1', school: '吉林大学', source: 'REGISTRY' };
    const input = entryToInput(education, stored);
    expect(input).not.toHaveProperty('__typename');
    expect(input).not.toHaveProperty('source');
    expect(input).toMatchObject({ id: 'e1', school: '吉林大学', major: null });
  });

  it('defines every list module with at least one required field in the table', () => {
    for (const def of Object.values(LIST_MODULES)) {
      expect(def!.fields.some((f) => f.required && f.inTable)).toBe(true);
    }
  });
});

describe('form helpers', () => {
  it('names the changed fields of nested form values', () => {
    expect(changedPaths({ basicInfo: { name: '张伟', scopeCode: null } })).toEqual([
      ['basicInfo', 'name'],
      ['basicInfo', 'scopeCode'],
    ]);
    expect(changedPaths({ innovation: 'x' })).toEqual([['innovation']]);
  });

  it('computes 取得资格年限 as years and months, nothing for future or missing dates', () => {
    const today = dayjs('2026-11-23');
    expect(yearsAndMonthsSince('2022-10-04', today)).toEqual({ years: 4, months: 1 });
    expect(yearsAndMonthsSince('2026-11-01', today)).toEqual({ years: 0, months: 0 });
    expect(yearsAndMonthsSince('2027-01-01', today)).toBeNull();
    expect(yearsAndMonthsSince(null, today)).toBeNull();
  });
});

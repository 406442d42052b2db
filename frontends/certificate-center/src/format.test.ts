/// <reference types="jest" />
import { formatDay } from './format';

describe('formatDay', () => {
  it('prints the day in China time', () => {
    expect(formatDay('2026-12-01T17:00:00.000Z')).toBe('2026-12-02');
    expect(formatDay('2026-12-02')).toBe('2026-12-02');
    expect(formatDay(null)).toBe('-');
    expect(formatDay('not a date')).toBe('not a date');
  });
});

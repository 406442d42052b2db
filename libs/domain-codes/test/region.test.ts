import { regionCovers, regionLevel } from '../src/region';

it('tells provinces, cities and counties apart', () => {
  expect(regionLevel('220000')).toBe('PROVINCE');
  expect(regionLevel('220100')).toBe('CITY');
  expect(regionLevel('220104')).toBe('COUNTY');
});

it('an area covers itself and what lies in it, nothing else', () => {
  expect(regionCovers('220000', '220104')).toBe(true);
  expect(regionCovers('220100', '220104')).toBe(true);
  expect(regionCovers('220100', '220100')).toBe(true);
  expect(regionCovers('220100', '220200')).toBe(false);
  expect(regionCovers('220104', '220105')).toBe(false);
  expect(regionCovers('220000', '210100')).toBe(false);
  expect(regionCovers('220100', 'abc')).toBe(false);
});

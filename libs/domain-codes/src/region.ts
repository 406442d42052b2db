// GB/T 2260 administrative division codes: 220000 a province, 220100 a city, 220104 a county.

const REGION_CODE = /^\d{6}$/;

export type RegionLevel = 'PROVINCE' | 'CITY' | 'COUNTY';

export function isRegionCode(code: string): boolean {
  return REGION_CODE.test(code);
}

/** Whether the code names a province (xx0000), a city (xxxx00) or a county (anything else). */
export function regionLevel(code: string): RegionLevel {
  if (code.endsWith('0000')) return 'PROVINCE';
  if (code.endsWith('00')) return 'CITY';
  return 'COUNTY';
}

/** The significant prefix of an area: 22 for 220000, 2201 for 220100, the whole code for a county. */
function areaPrefix(area: string): string {
  const level = regionLevel(area);
  return level === 'PROVINCE' ? area.slice(0, 2) : level === 'CITY' ? area.slice(0, 4) : area;
}

/** Whether `code` lies in `area` (an area covers itself; 220000 covers 220104). */
export function regionCovers(area: string, code: string): boolean {
  return isRegionCode(area) && isRegionCode(code) && code.startsWith(areaPrefix(area));
}

// Areas (GB/T 2260 administrative division codes) for 统计分析: a unit's area, a bureau's
// jurisdiction, and the names of the province's cities and Changchun's districts for the charts.

const REGION = /^\d{6}$/;

export const isRegionCode = (code: unknown): code is string => typeof code === 'string' && REGION.test(code);

/**
 * A unit's area: the one its UnitReady names, else its unified social credit code's 3rd–8th
 * characters (GB 32100: the registration authority's division code), else null.
 */
export function unitRegion(creditCode: string, regionCode?: string | null): string | null {
  if (isRegionCode(regionCode)) return regionCode;
  const fromCode = creditCode.slice(2, 8);
  return isRegionCode(fromCode) ? fromCode : null;
}

/** How many leading digits an area's code fixes: province 2, city 4, county 6. */
export function scopeDigits(code: string): 2 | 4 | 6 {
  if (code.endsWith('0000')) return 2;
  if (code.endsWith('00')) return 4;
  return 6;
}

/** The code prefix every area inside `code` starts with (220100 → 2201). */
export const scopePrefix = (code: string) => code.slice(0, scopeDigits(code));

/** Whether `inner` lies inside `outer` (or is it). */
export const withinRegion = (outer: string, inner: string) => inner.startsWith(scopePrefix(outer));

/** The area one level below a scope that `code` falls in: a province's city, a city's county. */
export function childRegion(scope: string, code: string): string {
  const digits = scopeDigits(scope);
  if (digits === 2) return `${code.slice(0, 4)}00`;
  return code;
}

/** 吉林省's cities and 长春市's districts (GB/T 2260-2023); other codes show as the code. */
const NAMES: Readonly<Record<string, string>> = {
  '220000': '吉林省',
  '220100': '长春市',
  '220101': '长春市市辖区',
  '220102': '南关区',
  '220103': '宽城区',
  '220104': '朝阳区',
  '220105': '二道区',
  '220106': '绿园区',
  '220112': '双阳区',
  '220113': '九台区',
  '220122': '农安县',
  '220182': '榆树市',
  '220183': '德惠市',
  '220184': '公主岭市',
  '220200': '吉林市',
  '220300': '四平市',
  '220400': '辽源市',
  '220500': '通化市',
  '220600': '白山市',
  '220700': '松原市',
  '220800': '白城市',
  '222400': '延边朝鲜族自治州',
};

export const regionName = (code: string | null): string => (code ? (NAMES[code] ?? code) : '未知地区');

/**
 * An area's name as a row of figures by area one level below `scope`: units registered at the
 * scope's own level (a province's 省直 units) are named so, not as the whole scope.
 */
export const childRegionName = (scope: string, code: string | null): string =>
  code && code === scope && scopeDigits(scope) < 6 ? `${regionName(code)}（本级）` : regionName(code);

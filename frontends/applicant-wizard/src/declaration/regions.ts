// 所属行政区划 for the committee lookup (江苏 职称评审申报: region + level + specialty). Codes are
// GB/T 2260; a committee of a province also serves its cities (the server decides).
export interface Region {
  code: string;
  name: string;
  children?: Region[];
}

export const REGIONS: Region[] = [
  {
    code: '220000',
    name: '吉林省',
    children: [
      { code: '220100', name: '长春市' },
      { code: '220200', name: '吉林市' },
      { code: '220300', name: '四平市' },
      { code: '220400', name: '辽源市' },
      { code: '220500', name: '通化市' },
      { code: '220600', name: '白山市' },
      { code: '220700', name: '松原市' },
      { code: '220800', name: '白城市' },
      { code: '222400', name: '延边朝鲜族自治州' },
    ],
  },
  {
    code: '320000',
    name: '江苏省',
    children: [
      { code: '320100', name: '南京市' },
      { code: '320200', name: '无锡市' },
      { code: '320300', name: '徐州市' },
      { code: '320400', name: '常州市' },
      { code: '320500', name: '苏州市' },
      { code: '320600', name: '南通市' },
      { code: '320700', name: '连云港市' },
      { code: '320800', name: '淮安市' },
      { code: '320900', name: '盐城市' },
      { code: '321000', name: '扬州市' },
      { code: '321100', name: '镇江市' },
      { code: '321200', name: '泰州市' },
      { code: '321300', name: '宿迁市' },
    ],
  },
];

/** Province-level entries say 本级 when chosen as a region of their own. */
export function regionOptions(provinceLevel: string): { value: string; label: string }[] {
  return REGIONS.flatMap((province) => [
    { value: province.code, label: `${province.name}${provinceLevel}` },
    ...(province.children ?? []).map((city) => ({
      value: city.code,
      label: `${province.name} ${city.name}`,
    })),
  ]);
}

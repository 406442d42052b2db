// `npm start`'s demo season (issue 11 item 8): a few hundred declarations across every status and
// area, so a new user sees live charts and full queues. Subgraphs share no tables, so each makes
// its own part from this one description with stable ids: identity the units and applicants
// (UnitReady, PersonRegistered), declaration the submitted declarations (DeclarationSubmitted),
// review the decisions (its outcome events, which declaration, certificate and statistics follow).
import { demoId } from './demo';

export interface SeasonUnit {
  key: string;
  name: string;
  /** The credit code's first 17 characters (GB 32100: 3rd–8th are the area); identity adds the check. */
  creditCodeBase: string;
}

/** One unit in each of 吉林省's areas (the credit code names the area). */
export const SEASON_UNITS: readonly SeasonUnit[] = [
  { key: 'cc-auto', name: '长春汽车零部件研究所有限公司', creditCodeBase: '91220104MA0D00001' },
  { key: 'cc-hospital', name: '长春市中心医院', creditCodeBase: '12220102MB0D00002' },
  { key: 'jl-chem', name: '吉林市石化设计研究院有限公司', creditCodeBase: '91220202MA0D00003' },
  { key: 'sp-school', name: '四平市第一中学', creditCodeBase: '12220302MB0D00004' },
  { key: 'ly-coal', name: '辽源矿业工程有限公司', creditCodeBase: '91220402MA0D00005' },
  { key: 'th-pharma', name: '通化制药研究有限公司', creditCodeBase: '91220502MA0D00006' },
  { key: 'bs-forest', name: '白山市林业科学研究院', creditCodeBase: '12220602MB0D00007' },
  { key: 'sy-oil', name: '松原油田工程技术有限公司', creditCodeBase: '91220702MA0D00008' },
  { key: 'bc-agri', name: '白城市农业技术推广中心', creditCodeBase: '12220802MB0D00009' },
  { key: 'yb-univ', name: '延边大学附属医院', creditCodeBase: '12222401MB0D00010' },
];

/** How many applicants (one declaration each) the season has. */
export const SEASON_SIZE = 300;

/**
 * Where review leaves each declaration, in turn: waiting at the unit, returned by it, forwarded to
 * the bureau, at the committee, 终审通过, 不通过, 暂缓, terminated by the bureau, returned by it.
 */
export const SEASON_OUTCOMES = [
  'AT_UNIT',
  'RETURNED_BY_UNIT',
  'AT_BUREAU',
  'AT_COMMITTEE',
  'PASSED',
  'FAILED',
  'DEFERRED',
  'TERMINATED_BY_BUREAU',
  'RETURNED_BY_BUREAU',
  'PASSED',
] as const;
export type SeasonOutcome = (typeof SEASON_OUTCOMES)[number];

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕';
const GIVEN = [
  '明',
  '华',
  '强',
  '芳',
  '敏',
  '静',
  '丽',
  '军',
  '磊',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '超',
  '秀英',
  '建国',
  '海燕',
  '志刚',
];

export interface SeasonApplicant {
  index: number;
  personId: string;
  declarationId: string;
  name: string;
  /** 139 + 8 digits: outside the demo accounts' numbers. */
  mobile: string;
  /** YYYYMMDD */
  birthDate: string;
  /** The resident ID number's parts (domain-codes makeResidentId makes the number). */
  idNumberParts: { region: string; birthDate: string; sequence: number };
  unit: SeasonUnit;
  unitId: string;
  outcome: SeasonOutcome;
  /** Days before the season was made that the declaration was submitted (spread over 60 days). */
  submittedDaysAgo: number;
}

export const seasonUnitId = (unit: SeasonUnit) => demoId(`season-unit:${unit.key}`);

export function seasonApplicant(index: number): SeasonApplicant {
  const unit = SEASON_UNITS[index % SEASON_UNITS.length];
  const year = 1970 + (index % 25);
  const month = String(1 + (index % 12)).padStart(2, '0');
  const day = String(1 + (index % 28)).padStart(2, '0');
  return {
    index,
    personId: demoId(`season-person:${index}`),
    declarationId: demoId(`season-declaration:${index}`),
    name: SURNAMES[index % SURNAMES.length] + GIVEN[Math.floor(index / SURNAMES.length) % GIVEN.length],
    mobile: `139${String(10_000_000 + index).padStart(8, '0')}`,
    birthDate: `${year}${month}${day}`,
    idNumberParts: { region: '220102', birthDate: `${year}${month}${day}`, sequence: 300 + index },
    unit,
    unitId: seasonUnitId(unit),
    // Shifted per round of units, so every unit (area) has every outcome.
    outcome: SEASON_OUTCOMES[(index + Math.floor(index / SEASON_UNITS.length)) % SEASON_OUTCOMES.length],
    submittedDaysAgo: 1 + ((index * 7) % 60),
  };
}

export const seasonApplicants = (): SeasonApplicant[] =>
  Array.from({ length: SEASON_SIZE }, (_, i) => seasonApplicant(i));

/** `ZC_DEMO_SEASON=0` leaves the season out (a quicker first start, or a clean demo). */
export const demoSeasonEnabled = (env: NodeJS.ProcessEnv = process.env) => env.ZC_DEMO_SEASON !== '0';

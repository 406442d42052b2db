// 统计分析: the figures of the reporting read model for one cohort — the declarations first
// submitted in a period (China time), optionally under one notice and inside one area — scoped to
// the caller's jurisdiction. Bureau staff only: a city bureau sees its own city's units, the
// province every unit (and those whose area is not known yet).
import type { EntityManager } from '@mikro-orm/core';
import {
  appError,
  badUserInput,
  ErrorCode,
  forbidden,
  requirePrincipal,
  Role,
  type AuthResult,
  type FieldProblem,
} from '@zhicheng/server-kit';
import { REVIEW_LEVEL_WORDS, REVIEW_LEVELS, type ReviewLevel } from '../domain';
import { dayStart } from '../services/queue';
import { isUuid } from '../services/ids';
import type { CommitteeOutcome, StatStatus } from './entities';
import {
  childRegion,
  childRegionName,
  isRegionCode,
  regionName,
  scopeDigits,
  scopePrefix,
  withinRegion,
} from './regions';

export const STATUS_WORDS: Readonly<Record<StatStatus, string>> = {
  SUBMITTED: '已申报',
  RETURNED: '被退回',
  MATERIALS_APPROVED: '材料审核通过',
  FINALLY_APPROVED: '终审通过',
  TERMINATED: '审核不通过终止审核',
};
export const STATUSES = Object.keys(STATUS_WORDS) as StatStatus[];

export const OUTCOME_WORDS: Readonly<Record<CommitteeOutcome, string>> = {
  PASS: '通过',
  FAIL: '不通过',
  DEFER: '暂缓',
};

/** The longest period one request may cover (the per-day series has one point a day). */
export const PERIOD_MAX_DAYS = 366;
/** Without a period: the last 30 days up to today. */
export const PERIOD_DEFAULT_DAYS = 30;
/** Figures by unit list the units with the most declarations. */
export const UNITS_SHOWN = 20;

const DAY_MS = 86_400_000;

export interface StatisticsFilter {
  noticeId?: string | null;
  /** An area inside the caller's jurisdiction (GB/T 2260, 6 digits). */
  regionCode?: string | null;
  /** First submission on or after / on or before these days (YYYY-MM-DD, China time). */
  from?: string | null;
  to?: string | null;
}

export interface Count {
  key: string | null;
  label: string;
  count: number;
}

export interface ReviewTime {
  level: ReviewLevel;
  label: string;
  /** Finished stays at the level. */
  stays: number;
  medianHours: number | null;
  p90Hours: number | null;
}

export interface CommitteeOutcomeCount {
  committeeId: string | null;
  committeeName: string;
  outcome: CommitteeOutcome;
  label: string;
  count: number;
}

export interface Figures {
  from: string;
  to: string;
  /** The area the figures cover (the filter's, else the caller's jurisdiction). */
  regionCode: string;
  regionName: string;
  total: number;
  byStatus: Count[];
  byChannel: Count[];
  bySeries: Count[];
  byLevel: Count[];
  byRegion: Count[];
  byUnit: Count[];
  submissionsPerDay: Array<{ day: string; count: number }>;
  reviewTimes: ReviewTime[];
  /** Shares of the cohort: 终审通过, returned at least once, terminated. */
  passRate: number;
  returnRate: number;
  terminateRate: number;
  passed: number;
  returned: number;
  terminated: number;
  committeeOutcomes: CommitteeOutcomeCount[];
  /** The areas the caller may filter by: the jurisdiction and the known areas one level below. */
  regionOptions: Array<{ code: string; name: string }>;
}

/** The caller's jurisdiction: bureau staff with a region on their token, else FORBIDDEN. */
export function requireStatisticsViewer(auth: AuthResult): { regionCode: string } {
  const principal = requirePrincipal(auth);
  if (principal.kind !== 'STAFF' || !principal.roles.includes(Role.BUREAU_REVIEWER))
    throw forbidden('只有人社部门工作人员可以查看统计分析');
  if (!isRegionCode(principal.regionCode))
    throw appError(ErrorCode.FORBIDDEN, '登录凭证未注明所属地区，请重新登录', { reason: 'NO_REGION' });
  return { regionCode: principal.regionCode };
}

const chinaDay = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

interface Checked extends Cohort {
  from: string;
  to: string;
}

function checkFilter(filter: StatisticsFilter, jurisdiction: string, now: Date): Checked {
  const problems: FieldProblem[] = [];
  const noticeId = filter.noticeId?.trim() || null;
  if (noticeId && !isUuid(noticeId))
    problems.push({ field: 'filter.noticeId', code: 'INVALID_ID', message: '通知编号格式不正确' });
  const region = filter.regionCode?.trim() || null;
  if (region && !isRegionCode(region))
    problems.push({
      field: 'filter.regionCode',
      code: 'INVALID_REGION',
      message: '地区代码应为6位行政区划代码',
    });
  const to = filter.to?.trim() || chinaDay(now);
  const until = dayStart(to);
  if (!until)
    problems.push({
      field: 'filter.to',
      code: 'INVALID_DATE',
      message: '结束日期格式应为YYYY-MM-DD，且须是有效日期',
    });
  const fromText =
    filter.from?.trim() ||
    (until ? chinaDay(new Date(until.getTime() - (PERIOD_DEFAULT_DAYS - 1) * DAY_MS)) : '');
  const since = dayStart(fromText);
  if (!since)
    problems.push({
      field: 'filter.from',
      code: 'INVALID_DATE',
      message: '开始日期格式应为YYYY-MM-DD，且须是有效日期',
    });
  if (since && until) {
    const days = Math.round((until.getTime() - since.getTime()) / DAY_MS) + 1;
    if (days < 1)
      problems.push({ field: 'filter.to', code: 'DATE_RANGE', message: '结束日期不能早于开始日期' });
    else if (days > PERIOD_MAX_DAYS)
      problems.push({
        field: 'filter.from',
        code: 'PERIOD_TOO_LONG',
        message: `统计周期最长${PERIOD_MAX_DAYS}天，请缩短日期范围`,
      });
  }
  if (problems.length > 0) throw badUserInput(problems);
  if (region && !withinRegion(jurisdiction, region))
    throw appError(ErrorCode.FORBIDDEN, '只能查看本辖区的统计数据，请选择本辖区内的地区', {
      reason: 'REGION_OUT_OF_SCOPE',
    });
  return {
    noticeId,
    scope: region ?? jurisdiction,
    since: since!,
    until: new Date(until!.getTime() + DAY_MS),
    from: fromText,
    to,
  };
}

/** What one request counts: the declarations first submitted in [since, until), in `scope`. */
export interface Cohort {
  noticeId: string | null;
  /** The area (GB/T 2260); the figures by area are one level below it. */
  scope: string;
  since: Date;
  until: Date;
}

/** The cohort's where clause over stat_declaration `d` and its parameters. */
function cohortWhere(checked: Cohort) {
  const conditions = ['d.first_submitted_at >= ?', 'd.first_submitted_at < ?'];
  const params: unknown[] = [checked.since, checked.until];
  if (checked.noticeId) {
    conditions.push('d.notice_id = ?');
    params.push(checked.noticeId);
  }
  // A range on the code prefix (2201 ≤ code < 2202) uses the index; the whole province also
  // sees units whose area is not known yet, anything narrower does not.
  const prefix = scopePrefix(checked.scope);
  const next = String(Number(prefix) + 1).padStart(prefix.length, '0');
  const inArea = 'd.region_code >= ? and d.region_code < ?';
  conditions.push(scopeDigits(checked.scope) > 2 ? inArea : `((${inArea}) or d.region_code is null)`);
  params.push(prefix, next);
  return { where: conditions.join(' and '), params };
}

/**
 * The three statements behind the figures (breakdowns, submissions per day, review times), with
 * their parameters. Exported for the benchmark, which runs them straight on the database as the
 * peer of the GraphQL path.
 */
export function figuresQueries(checked: Cohort): Array<{ sql: string; params: unknown[] }> {
  const { where, params } = cohortWhere(checked);
  const regionKey =
    scopeDigits(checked.scope) === 2 ? `substr(d.region_code, 1, 4) || '00'` : 'd.region_code';

  // One scan for every breakdown: grouping() tells which set a row belongs to.
  const groupsSql = `
    select grouping(d.status) as g_status, grouping(d.channel_code) as g_channel,
           grouping(d.series_code) as g_series, grouping(d.level_code) as g_level,
           grouping(${regionKey}) as g_region, grouping(d.unit_id) as g_unit,
           grouping(d.committee_id, d.committee_outcome) as g_committee,
           d.status, d.channel_code, d.series_code, max(d.series_name) as series_name,
           d.level_code, max(d.level_name) as level_name, ${regionKey} as region,
           d.unit_id, max(d.unit_name) as unit_name, d.committee_id, max(d.committee_name) as committee_name,
           d.committee_outcome, count(*) as count,
           count(*) filter (where d.return_count > 0) as returned
      from "review"."stat_declaration" d
     where ${where}
     group by grouping sets ((d.status), (d.channel_code), (d.series_code), (d.level_code), (${regionKey}),
                             (d.unit_id), (d.committee_id, d.committee_outcome), ())`;
  const daysSql = `
    select (d.first_submitted_at at time zone 'Asia/Shanghai')::date::text as day, count(*) as count
      from "review"."stat_declaration" d where ${where} group by 1`;
  const timesSql = `
    select s.level, count(*) as stays,
           percentile_cont(0.5) within group (order by extract(epoch from s.ended_at - s.started_at)) as median,
           percentile_cont(0.9) within group (order by extract(epoch from s.ended_at - s.started_at)) as p90
      from "review"."stat_level_stay" s join "review"."stat_declaration" d on d.declaration_id = s.declaration_id
     where s.ended_at is not null and ${where} group by s.level`;
  return [
    { sql: groupsSql, params },
    { sql: daysSql, params },
    { sql: timesSql, params },
  ];
}

type Row = Record<string, unknown>;
const num = (value: unknown) => Number(value ?? 0);
const rate = (part: number, total: number) =>
  total === 0 ? 0 : Math.round((part / total) * 10_000) / 10_000;
const hours = (seconds: unknown) =>
  seconds === null || seconds === undefined ? null : Math.round((Number(seconds) / 3600) * 10) / 10;

const byCount = (a: Count, b: Count) => b.count - a.count || String(a.key).localeCompare(String(b.key));

/** The jurisdiction itself, then the areas one level below it where announced units are. */
async function regionOptions(em: EntityManager, jurisdiction: string) {
  const rows = (await em
    .getConnection()
    .execute(
      `select distinct region_code from "review"."stat_unit" where region_code like ? order by region_code`,
      [`${scopePrefix(jurisdiction)}%`],
    )) as Array<{ region_code: string }>;
  const codes = new Set([jurisdiction]);
  for (const row of rows) codes.add(childRegion(jurisdiction, row.region_code));
  return [...codes].map((code, i) => ({
    code,
    name: i === 0 ? regionName(code) : childRegionName(jurisdiction, code),
  }));
}

export async function declarationStatistics(
  em: EntityManager,
  auth: AuthResult,
  filter: StatisticsFilter,
  now: Date,
): Promise<Figures> {
  const { regionCode: jurisdiction } = requireStatisticsViewer(auth);
  const checked = checkFilter(filter, jurisdiction, now);
  const [groups, days, times] = (await Promise.all(
    figuresQueries(checked).map(({ sql, params }) => em.getConnection().execute(sql, params)),
  )) as [Row[], Row[], Row[]];

  const sets = {
    status: [] as Count[],
    channel: [] as Count[],
    series: [] as Count[],
    level: [] as Count[],
    region: [] as Count[],
    unit: [] as Count[],
  };
  const committeeOutcomes: CommitteeOutcomeCount[] = [];
  let total = 0;
  let returned = 0;
  for (const row of groups) {
    const count = num(row.count);
    if (num(row.g_status) === 0) {
      const status = row.status as StatStatus;
      sets.status.push({ key: status, label: STATUS_WORDS[status] ?? status, count });
    } else if (num(row.g_channel) === 0) {
      const code = row.channel_code as string;
      sets.channel.push({ key: code, label: code, count });
    } else if (num(row.g_series) === 0) {
      const code = (row.series_code as string | null) ?? null;
      sets.series.push({ key: code, label: (row.series_name as string | null) ?? code ?? '未注明', count });
    } else if (num(row.g_level) === 0) {
      const code = (row.level_code as string | null) ?? null;
      sets.level.push({ key: code, label: (row.level_name as string | null) ?? code ?? '未注明', count });
    } else if (num(row.g_region) === 0) {
      const code = (row.region as string | null) ?? null;
      sets.region.push({ key: code, label: childRegionName(checked.scope, code), count });
    } else if (num(row.g_unit) === 0) {
      const id = row.unit_id as string;
      sets.unit.push({ key: id, label: (row.unit_name as string | null) ?? '未知单位', count });
    } else if (num(row.g_committee) === 0) {
      const outcome = row.committee_outcome as CommitteeOutcome | null;
      if (!outcome) continue;
      committeeOutcomes.push({
        committeeId: (row.committee_id as string | null) ?? null,
        committeeName: (row.committee_name as string | null) ?? '评委会',
        outcome,
        label: OUTCOME_WORDS[outcome],
        count,
      });
    } else {
      total = count;
      returned = num(row.returned);
    }
  }
  // Every status appears (zero included), in the order of the review.
  const byStatus = STATUSES.map(
    (status) =>
      sets.status.find((c) => c.key === status) ?? { key: status, label: STATUS_WORDS[status], count: 0 },
  );
  const perDay = new Map(days.map((row) => [String(row.day), num(row.count)]));
  const submissionsPerDay: Array<{ day: string; count: number }> = [];
  for (let at = checked.since.getTime(); at < checked.until.getTime(); at += DAY_MS) {
    const day = chinaDay(new Date(at));
    submissionsPerDay.push({ day, count: perDay.get(day) ?? 0 });
  }
  const reviewTimes = REVIEW_LEVELS.map((level) => {
    const row = times.find((t) => t.level === level);
    return {
      level,
      label: REVIEW_LEVEL_WORDS[level],
      stays: num(row?.stays),
      medianHours: hours(row?.median),
      p90Hours: hours(row?.p90),
    };
  });
  const count = (status: StatStatus) => byStatus.find((c) => c.key === status)!.count;
  const passed = count('FINALLY_APPROVED');
  const terminated = count('TERMINATED');
  committeeOutcomes.sort(
    (a, b) =>
      (a.committeeName ?? '').localeCompare(b.committeeName ?? '') || a.outcome.localeCompare(b.outcome),
  );
  return {
    from: checked.from,
    to: checked.to,
    regionCode: checked.scope,
    regionName: regionName(checked.scope),
    total,
    byStatus,
    byChannel: sets.channel.sort(byCount),
    bySeries: sets.series.sort(byCount),
    byLevel: sets.level.sort(byCount),
    byRegion: sets.region.sort(byCount),
    regionOptions: await regionOptions(em, jurisdiction),
    byUnit: sets.unit.sort(byCount).slice(0, UNITS_SHOWN),
    submissionsPerDay,
    reviewTimes,
    passRate: rate(passed, total),
    returnRate: rate(returned, total),
    terminateRate: rate(terminated, total),
    passed,
    returned,
    terminated,
    committeeOutcomes,
  };
}

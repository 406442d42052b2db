// 业务审核 lists: an organisation's 待审 / 待送审 / 暂缓 queues and what it has handled (已审), with
// filters and Relay-style keyset pagination, and the counts per matter (notice).
import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { badUserInput, type AuthResult, type FieldProblem } from '@zhicheng/server-kit';
import type { ReviewerActor } from '../domain';
import { ReviewCase } from '../entities';
import { requireReviewer } from './access';
import { isUuid } from './ids';

/** PENDING 待审, AWAITING_FORWARD 待送审, DEFERRED 暂缓 (committee): open tasks here. HANDLED 已审. */
export type QueueState = 'PENDING' | 'AWAITING_FORWARD' | 'DEFERRED' | 'HANDLED';

export interface QueueFilter {
  noticeId?: string | null;
  channelCode?: string | null;
  /** Part of the applicant's name. */
  applicantName?: string | null;
  /** Part of the recommending unit's name (推荐单位). */
  unitName?: string | null;
  /** 申报系列 / 申报专业 catalogue codes. */
  seriesCode?: string | null;
  specialtyCode?: string | null;
  /** First submission on or after / on or before these calendar days (YYYY-MM-DD, China time). */
  submittedFrom?: string | null;
  submittedTo?: string | null;
}

export const QUEUE_PAGE_DEFAULT = 20;
export const QUEUE_PAGE_MAX = 100;
/** The deepest numbered page a client may ask for (offset paging); cursors go further. */
export const QUEUE_OFFSET_MAX = 10_000;
const NAME_FILTER_MAX = 50;
const CODE_FILTER_MAX = 100;

export interface QueuePage {
  rows: ReviewCase[];
  cursors: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: number;
}

/** Cursors are opaque to clients: base64url of [sort key, declaration id]. */
const encodeCursor = (key: Date, id: string) =>
  Buffer.from(JSON.stringify([key.toISOString(), id])).toString('base64url');

function decodeCursor(cursor: string): { key: Date; id: string } | null {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [key, id] = value as [unknown, unknown];
    const date = typeof key === 'string' ? new Date(key) : null;
    if (!date || Number.isNaN(date.getTime()) || !isUuid(id)) return null;
    return { key: date, id };
  } catch {
    return null;
  }
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day's first instant in China time (UTC+8), or null when it is not a real day. */
export function dayStart(text: string): Date | null {
  const match = DAY.exec(text);
  if (!match) return null;
  const at = new Date(`${text}T00:00:00+08:00`);
  if (Number.isNaN(at.getTime())) return null;
  // 2026-02-30 parses as 3 March: refuse days that do not exist.
  const back = new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  return back === text ? at : null;
}

/** The checked filter: trimmed words and the submission window as instants [from, until). */
interface CheckedFilter {
  noticeId?: string;
  channelCode?: string;
  applicantName?: string;
  unitName?: string;
  seriesCode?: string;
  specialtyCode?: string;
  submittedFrom?: Date;
  submittedUntil?: Date;
}

function checkArgs(
  filter: QueueFilter,
  first: number,
  after: string | null | undefined,
  offset: number | null | undefined,
) {
  const problems: FieldProblem[] = [];
  if (!Number.isInteger(first) || first < 1 || first > QUEUE_PAGE_MAX)
    problems.push({ field: 'first', code: 'PAGE_SIZE', message: `每页条数应在1到${QUEUE_PAGE_MAX}之间` });
  if (offset !== null && offset !== undefined) {
    if (!Number.isInteger(offset) || offset < 0 || offset > QUEUE_OFFSET_MAX)
      problems.push({
        field: 'offset',
        code: 'OFFSET_RANGE',
        message: `页码超出范围（最多跳过${QUEUE_OFFSET_MAX}条），请缩小查询范围`,
      });
    if (after)
      problems.push({
        field: 'offset',
        code: 'OFFSET_WITH_CURSOR',
        message: '按页码翻页时不能同时使用分页游标',
      });
  }
  if (filter.noticeId && !isUuid(filter.noticeId))
    problems.push({ field: 'filter.noticeId', code: 'INVALID_ID', message: '通知编号格式不正确' });
  const words: CheckedFilter = filter.noticeId ? { noticeId: filter.noticeId } : {};
  for (const [field, label] of [
    ['applicantName', '姓名'],
    ['unitName', '推荐单位'],
  ] as const) {
    const text = filter[field]?.trim();
    if (text && [...text].length > NAME_FILTER_MAX)
      problems.push({
        field: `filter.${field}`,
        code: 'TOO_LONG',
        message: `${label}查询条件不能超过${NAME_FILTER_MAX}个字`,
      });
    else if (text) words[field] = text;
  }
  for (const [field, label] of [
    ['channelCode', '申报通道'],
    ['seriesCode', '申报系列'],
    ['specialtyCode', '申报专业'],
  ] as const) {
    const text = filter[field]?.trim();
    if (text && text.length > CODE_FILTER_MAX)
      problems.push({ field: `filter.${field}`, code: 'TOO_LONG', message: `${label}代码不正确` });
    else if (text) words[field] = text;
  }
  for (const field of ['submittedFrom', 'submittedTo'] as const) {
    const text = filter[field]?.trim();
    if (!text) continue;
    const start = dayStart(text);
    if (!start)
      problems.push({
        field: `filter.${field}`,
        code: 'INVALID_DATE',
        message: '提交日期格式应为YYYY-MM-DD，且须是有效日期',
      });
    else if (field === 'submittedFrom') words.submittedFrom = start;
    else words.submittedUntil = new Date(start.getTime() + 86_400_000);
  }
  if (words.submittedFrom && words.submittedUntil && words.submittedFrom >= words.submittedUntil)
    problems.push({
      field: 'filter.submittedTo',
      code: 'DATE_RANGE',
      message: '提交日期的结束日期不能早于开始日期',
    });
  const cursor = after ? decodeCursor(after) : null;
  if (after && !cursor)
    problems.push({ field: 'after', code: 'INVALID_CURSOR', message: '分页参数无效，请刷新列表后重试' });
  if (problems.length > 0) throw badUserInput(problems);
  return { cursor, filter: words };
}

function filterWhere(filter: CheckedFilter): FilterQuery<ReviewCase> {
  const submitted = {
    ...(filter.submittedFrom ? { $gte: filter.submittedFrom } : {}),
    ...(filter.submittedUntil ? { $lt: filter.submittedUntil } : {}),
  };
  return {
    ...(filter.noticeId ? { noticeId: filter.noticeId } : {}),
    ...(filter.channelCode ? { channelCode: filter.channelCode } : {}),
    ...(filter.applicantName ? { applicantName: { $ilike: likePattern(filter.applicantName) } } : {}),
    ...(filter.unitName ? { unitName: { $ilike: likePattern(filter.unitName) } } : {}),
    ...(filter.seriesCode ? { seriesCode: filter.seriesCode } : {}),
    ...(filter.specialtyCode ? { specialtyCode: filter.specialtyCode } : {}),
    ...(Object.keys(submitted).length > 0 ? { submittedAt: submitted } : {}),
  };
}

/** Where a page starts: after a cursor (keyset), at an offset (numbered pages), or at the top. */
type PageStart = { cursor: { key: Date; id: string } | null; offset: number };

async function openQueue(
  em: EntityManager,
  actor: ReviewerActor,
  state: Exclude<QueueState, 'HANDLED'>,
  filter: CheckedFilter,
  first: number,
  { cursor, offset }: PageStart,
): Promise<QueuePage> {
  const base: FilterQuery<ReviewCase> = {
    currentOrganisationId: actor.organisationId,
    currentLevel: actor.level,
    currentTaskState: state,
    ...filterWhere(filter),
  };
  const page = await em.find(
    ReviewCase,
    cursor
      ? {
          $and: [
            base,
            {
              $or: [
                { currentSince: { $gt: cursor.key } },
                { currentSince: cursor.key, declarationId: { $gt: cursor.id } },
              ],
            },
          ],
        }
      : base,
    { orderBy: { currentSince: 'asc', declarationId: 'asc' }, limit: first + 1, offset },
  );
  const totalCount = await em.count(ReviewCase, base);
  const rows = page.slice(0, first);
  return {
    rows,
    cursors: rows.map((row) => encodeCursor(row.currentSince!, row.declarationId)),
    hasNextPage: page.length > first,
    hasPreviousPage: cursor !== null || offset > 0,
    totalCount,
  };
}

/** 已审: cases this organisation had a task on and no longer holds, most recently handled first. */
async function handledQueue(
  em: EntityManager,
  actor: ReviewerActor,
  filter: CheckedFilter,
  first: number,
  { cursor, offset }: PageStart,
): Promise<QueuePage> {
  const conditions = [
    'p.organisation_id = ?',
    'p.level = ?',
    "(coalesce(c.current_organisation_id, '') <> p.organisation_id or coalesce(c.current_level, '') <> p.level)",
  ];
  const params: unknown[] = [actor.organisationId, actor.level];
  const where = (sql: string, value: unknown) => {
    conditions.push(sql);
    params.push(value);
  };
  if (filter.noticeId) where('c.notice_id = ?', filter.noticeId);
  if (filter.channelCode) where('c.channel_code = ?', filter.channelCode);
  if (filter.applicantName) where('c.applicant_name ilike ?', likePattern(filter.applicantName));
  if (filter.unitName) where('c.unit_name ilike ?', likePattern(filter.unitName));
  if (filter.seriesCode) where('c.series_code = ?', filter.seriesCode);
  if (filter.specialtyCode) where('c.specialty_code = ?', filter.specialtyCode);
  if (filter.submittedFrom) where('c.submitted_at >= ?', filter.submittedFrom);
  if (filter.submittedUntil) where('c.submitted_at < ?', filter.submittedUntil);
  const from = `from "review"."case_participant" p join "review"."review_case" c on c.declaration_id = p.declaration_id`;
  const whereSql = conditions.join(' and ');
  const connection = em.getConnection();
  const keyset = cursor ? ' and (p.last_task_at, c.declaration_id) < (?, ?)' : '';
  const found = (await connection.execute(
    `select c.declaration_id, p.last_task_at ${from} where ${whereSql}${keyset}
      order by p.last_task_at desc, c.declaration_id desc limit ? offset ?`,
    [...params, ...(cursor ? [cursor.key, cursor.id] : []), first + 1, offset],
  )) as Array<{ declaration_id: string; last_task_at: Date }>;
  const [{ count }] = (await connection.execute(
    `select count(*) as count ${from} where ${whereSql}`,
    params,
  )) as Array<{
    count: string;
  }>;
  const keys = found.slice(0, first);
  const loaded = keys.length
    ? await em.find(ReviewCase, { declarationId: { $in: keys.map((k) => k.declaration_id) } })
    : [];
  const byId = new Map(loaded.map((row) => [row.declarationId, row]));
  const rows = keys.map((k) => byId.get(k.declaration_id)!).filter(Boolean);
  return {
    rows,
    cursors: keys.map((k) => encodeCursor(new Date(k.last_task_at), k.declaration_id)),
    hasNextPage: found.length > first,
    hasPreviousPage: cursor !== null || offset > 0,
    totalCount: Number(count),
  };
}

/**
 * The caller's organisation's queue. Reviewers only; applicants have no queue. Pages follow a
 * cursor (`after`, stable while the queue changes) or a number (`offset`, for numbered pages).
 */
export async function reviewQueue(
  em: EntityManager,
  auth: AuthResult,
  args: {
    state: QueueState;
    filter?: QueueFilter | null;
    first?: number | null;
    after?: string | null;
    offset?: number | null;
  },
): Promise<QueuePage> {
  const actor = requireReviewer(auth);
  const first = args.first ?? QUEUE_PAGE_DEFAULT;
  const { cursor, filter } = checkArgs(args.filter ?? {}, first, args.after, args.offset);
  const start = { cursor, offset: args.offset ?? 0 };
  return args.state === 'HANDLED'
    ? handledQueue(em, actor, filter, first, start)
    : openQueue(em, actor, args.state, filter, first, start);
}

export interface MatterCount {
  noticeId: string;
  channelCode: string;
  pending: number;
  awaitingForward: number;
  deferred: number;
  /** The longest waiting declaration's arrival (matters are listed by it, oldest first). */
  oldestSince: Date;
}

/** 业务审核: per matter (notice), how many declarations wait here (待审 / 待送审 / 暂缓). One query. */
export async function reviewCounts(em: EntityManager, auth: AuthResult): Promise<MatterCount[]> {
  const actor = requireReviewer(auth);
  const rows = (await em.getConnection().execute(
    `select notice_id, channel_code, current_task_state as state, count(*) as count, min(current_since) as oldest
       from "review"."review_case"
      where current_organisation_id = ? and current_level = ? and current_task_state is not null
      group by notice_id, channel_code, current_task_state`,
    [actor.organisationId, actor.level],
  )) as Array<{ notice_id: string; channel_code: string; state: string; count: string; oldest: Date }>;
  const matters = new Map<string, MatterCount>();
  for (const row of rows) {
    const matter = matters.get(row.notice_id) ?? {
      noticeId: row.notice_id,
      channelCode: row.channel_code,
      pending: 0,
      awaitingForward: 0,
      deferred: 0,
      oldestSince: new Date(row.oldest),
    };
    const n = Number(row.count);
    if (row.state === 'PENDING') matter.pending += n;
    else if (row.state === 'AWAITING_FORWARD') matter.awaitingForward += n;
    else if (row.state === 'DEFERRED') matter.deferred += n;
    if (new Date(row.oldest) < matter.oldestSince) matter.oldestSince = new Date(row.oldest);
    matters.set(row.notice_id, matter);
  }
  return [...matters.values()].sort(
    (a, b) => a.oldestSince.getTime() - b.oldestSince.getTime() || a.noticeId.localeCompare(b.noticeId),
  );
}

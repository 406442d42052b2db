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
}

export const QUEUE_PAGE_DEFAULT = 20;
export const QUEUE_PAGE_MAX = 100;
const NAME_FILTER_MAX = 50;

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

function checkArgs(filter: QueueFilter, first: number, after: string | null | undefined) {
  const problems: FieldProblem[] = [];
  if (!Number.isInteger(first) || first < 1 || first > QUEUE_PAGE_MAX)
    problems.push({ field: 'first', code: 'PAGE_SIZE', message: `每页条数应在1到${QUEUE_PAGE_MAX}之间` });
  if (filter.noticeId && !isUuid(filter.noticeId))
    problems.push({ field: 'filter.noticeId', code: 'INVALID_ID', message: '通知编号格式不正确' });
  if (filter.applicantName && [...filter.applicantName.trim()].length > NAME_FILTER_MAX)
    problems.push({
      field: 'filter.applicantName',
      code: 'TOO_LONG',
      message: `姓名查询条件不能超过${NAME_FILTER_MAX}个字`,
    });
  const cursor = after ? decodeCursor(after) : null;
  if (after && !cursor)
    problems.push({ field: 'after', code: 'INVALID_CURSOR', message: '分页参数无效，请刷新列表后重试' });
  if (problems.length > 0) throw badUserInput(problems);
  return cursor;
}

function filterWhere(filter: QueueFilter): FilterQuery<ReviewCase> {
  const name = filter.applicantName?.trim();
  return {
    ...(filter.noticeId ? { noticeId: filter.noticeId } : {}),
    ...(filter.channelCode?.trim() ? { channelCode: filter.channelCode.trim() } : {}),
    ...(name ? { applicantName: { $ilike: likePattern(name) } } : {}),
  };
}

async function openQueue(
  em: EntityManager,
  actor: ReviewerActor,
  state: Exclude<QueueState, 'HANDLED'>,
  filter: QueueFilter,
  first: number,
  cursor: { key: Date; id: string } | null,
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
    { orderBy: { currentSince: 'asc', declarationId: 'asc' }, limit: first + 1 },
  );
  const totalCount = await em.count(ReviewCase, base);
  const rows = page.slice(0, first);
  return {
    rows,
    cursors: rows.map((row) => encodeCursor(row.currentSince!, row.declarationId)),
    hasNextPage: page.length > first,
    hasPreviousPage: cursor !== null,
    totalCount,
  };
}

/** 已审: cases this organisation had a task on and no longer holds, most recently handled first. */
async function handledQueue(
  em: EntityManager,
  actor: ReviewerActor,
  filter: QueueFilter,
  first: number,
  cursor: { key: Date; id: string } | null,
): Promise<QueuePage> {
  const conditions = [
    'p.organisation_id = ?',
    'p.level = ?',
    "(coalesce(c.current_organisation_id, '') <> p.organisation_id or coalesce(c.current_level, '') <> p.level)",
  ];
  const params: unknown[] = [actor.organisationId, actor.level];
  if (filter.noticeId) {
    conditions.push('c.notice_id = ?');
    params.push(filter.noticeId);
  }
  if (filter.channelCode?.trim()) {
    conditions.push('c.channel_code = ?');
    params.push(filter.channelCode.trim());
  }
  if (filter.applicantName?.trim()) {
    conditions.push('c.applicant_name ilike ?');
    params.push(likePattern(filter.applicantName.trim()));
  }
  const from = `from "review"."case_participant" p join "review"."review_case" c on c.declaration_id = p.declaration_id`;
  const where = conditions.join(' and ');
  const connection = em.getConnection();
  const keyset = cursor ? ' and (p.last_task_at, c.declaration_id) < (?, ?)' : '';
  const found = (await connection.execute(
    `select c.declaration_id, p.last_task_at ${from} where ${where}${keyset}
      order by p.last_task_at desc, c.declaration_id desc limit ?`,
    [...params, ...(cursor ? [cursor.key, cursor.id] : []), first + 1],
  )) as Array<{ declaration_id: string; last_task_at: Date }>;
  const [{ count }] = (await connection.execute(
    `select count(*) as count ${from} where ${where}`,
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
    hasPreviousPage: cursor !== null,
    totalCount: Number(count),
  };
}

/** The caller's organisation's queue. Reviewers only; applicants have no queue. */
export async function reviewQueue(
  em: EntityManager,
  auth: AuthResult,
  args: { state: QueueState; filter?: QueueFilter | null; first?: number | null; after?: string | null },
): Promise<QueuePage> {
  const actor = requireReviewer(auth);
  const filter = args.filter ?? {};
  const first = args.first ?? QUEUE_PAGE_DEFAULT;
  const cursor = checkArgs(filter, first, args.after);
  return args.state === 'HANDLED'
    ? handledQueue(em, actor, filter, first, cursor)
    : openQueue(em, actor, args.state, filter, first, cursor);
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

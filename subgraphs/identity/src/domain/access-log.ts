// 谁查看了我的信息: identity keeps every PersonalDataViewed event (from any subgraph) as the person's
// access log, and only the person reads it. See docs/architecture.md "Personal-data access log".
import {
  appError,
  ErrorCode,
  forbidden,
  Problems,
  requirePrincipal,
  Role,
  type AuthResult,
  type Principal,
} from '@zhicheng/server-kit';
import type { EntityManager } from '@mikro-orm/core';
import type { EventEnvelope, PersonalDataItem, PersonalDataViewer } from '@zhicheng/events';
import { Organisation, PendingBindingRequest, PersonalDataAccess, Unit } from '../entities';

/** Repeats of the same view (viewer, person, declaration) within this window are one line. */
export const COLLAPSE_WINDOW_MS = 10 * 60 * 1000;

/** Kept three years (PIPL art. 55/56 keeps assessment records three years), then purged. */
export const DEFAULT_RETENTION_DAYS = 3 * 365;

export const ACCESS_LOG_PAGE_DEFAULT = 20;
export const ACCESS_LOG_PAGE_MAX = 100;

/** The viewer's role as the person reads it: codes in the API, these words beside them. */
export const VIEWER_ROLES = {
  UNIT_LEGAL_PERSON: { zh: '单位法人', en: 'Unit legal person' },
  UNIT_AGENT: { zh: '单位经办人', en: 'Unit agent' },
  DEPARTMENT_REVIEWER: { zh: '主管部门审核人员', en: 'Competent department reviewer' },
  BUREAU_REVIEWER: { zh: '人社部门审核人员', en: 'HR bureau reviewer' },
  COMMITTEE_SECRETARY: { zh: '评委会秘书', en: 'Review committee secretary' },
  THIRD_PARTY: { zh: '第三方系统', en: 'Third-party system' },
  OTHER: { zh: '其他人员', en: 'Other' },
} as const;
export type ViewerRole = keyof typeof VIEWER_ROLES;

export const ITEM_WORDS: Record<PersonalDataItem, { zh: string; en: string }> = {
  ID_NUMBER: { zh: '完整身份证号码', en: 'Full ID number' },
  MOBILE: { zh: '完整手机号码', en: 'Full mobile number' },
  DECLARATION_CONTENTS: { zh: '申报材料', en: 'Declaration contents' },
  DECLARATION_FILES: { zh: '申报附件', en: 'Declaration files' },
  BUSINESS_FORMS: { zh: '业务表册', en: 'Business forms' },
  REVIEW_CASE: { zh: '审核办件', en: 'Review case' },
  CERTIFICATE_MATERIALS: { zh: '补办/登记材料', en: 'Certificate application materials' },
};

export function viewerRoleOf(viewer: Pick<PersonalDataViewer, 'kind' | 'roles'>): ViewerRole {
  switch (viewer.kind) {
    case 'LEGAL_PERSON':
      return 'UNIT_LEGAL_PERSON';
    case 'AGENT':
      return 'UNIT_AGENT';
    case 'CLIENT':
      return 'THIRD_PARTY';
    case 'STAFF':
      for (const role of ['COMMITTEE_SECRETARY', 'BUREAU_REVIEWER', 'DEPARTMENT_REVIEWER'] as const)
        if (viewer.roles.includes(role)) return role;
      return 'OTHER';
    default:
      return 'OTHER';
  }
}

/** The name of the unit or organisation the viewer acted for, as identity knows it now. */
async function organisationOf(
  em: EntityManager,
  viewer: PersonalDataViewer,
): Promise<{ id: string | null; name: string | null }> {
  const uuid = (v: string | null) => (v && UUID.test(v) ? v : null);
  const unitId = uuid(viewer.unitId);
  if (unitId) {
    const unit = await em.findOne(Unit, { id: unitId }, { fields: ['name'] });
    return { id: unitId, name: unit?.name ?? null };
  }
  const organisationId = uuid(viewer.organisationId);
  if (organisationId) {
    const organisation = await em.findOne(Organisation, { id: organisationId }, { fields: ['name'] });
    return { id: organisationId, name: organisation?.name ?? null };
  }
  // A third-party system is its own organisation.
  if (viewer.kind === 'CLIENT') return { id: viewer.id, name: viewer.name };
  return { id: null, name: null };
}

/**
 * Adds a PersonalDataViewed event to the log: merged into the viewer's line for the same person
 * and declaration when that line started within COLLAPSE_WINDOW_MS (events from several
 * subgraphs for one page load arrive in any order), else a new line.
 */
export async function recordPersonalDataViewed(
  em: EntityManager,
  event: EventEnvelope<'PersonalDataViewed'>,
): Promise<PersonalDataAccess> {
  const { payload } = event;
  const at = new Date(payload.viewedAt);
  const from = new Date(at.getTime() - COLLAPSE_WINDOW_MS);
  const to = new Date(at.getTime() + COLLAPSE_WINDOW_MS);
  const existing = await em.findOne(
    PersonalDataAccess,
    {
      personId: payload.personId,
      viewerId: payload.viewer.id,
      viewerKind: payload.viewer.kind,
      declarationId: payload.declarationId ?? null,
      viewedAt: { $gte: from, $lte: to },
    },
    { orderBy: { viewedAt: 'desc' } },
  );
  if (existing) {
    existing.items = [...new Set([...existing.items, ...payload.items])].sort();
    if (at < existing.viewedAt) existing.viewedAt = at;
    if (at > existing.lastViewedAt) {
      existing.lastViewedAt = at;
      existing.lastRequestId = payload.requestId;
    }
    existing.viewCount += 1;
    await em.flush();
    return existing;
  }
  const organisation = await organisationOf(em, payload.viewer);
  const row = em.create(PersonalDataAccess, {
    personId: payload.personId,
    viewerKind: payload.viewer.kind,
    viewerRole: viewerRoleOf(payload.viewer),
    viewerId: payload.viewer.id,
    viewerName: payload.viewer.name,
    organisationId: organisation.id,
    organisationName: organisation.name,
    declarationId: payload.declarationId ?? null,
    items: [...new Set(payload.items)].sort(),
    viewedAt: at,
    lastViewedAt: at,
    lastRequestId: payload.requestId,
  });
  await em.persist(row).flush();
  return row;
}

// ---- the person's own reading -------------------------------------------------------------------

/** Only a signed-in person reads a log, and only their own: there is no argument naming whose. */
function personOf(auth: AuthResult): Principal {
  const principal = requirePrincipal(auth);
  if (principal.kind !== 'PERSON' || !principal.roles.includes(Role.APPLICANT))
    throw forbidden('只有申报人本人可以查看自己的信息被查看记录');
  return principal;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Cursors are opaque to clients: base64url of [viewedAt, id]. */
export const encodeCursor = (row: Pick<PersonalDataAccess, 'viewedAt' | 'id'>) =>
  Buffer.from(JSON.stringify([row.viewedAt.toISOString(), row.id]), 'utf8').toString('base64url');

function decodeCursor(cursor: string): { at: Date; id: string } | null {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [iso, id] = value as unknown[];
    if (typeof iso !== 'string' || typeof id !== 'string' || !UUID.test(id)) return null;
    const at = new Date(iso);
    return Number.isNaN(at.getTime()) ? null : { at, id };
  } catch {
    return null;
  }
}

export interface AccessLogPage {
  rows: PersonalDataAccess[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: number;
}

/** The signed-in person's log, newest first (a keyset page after `after`). */
export async function myDataAccessLog(
  em: EntityManager,
  auth: AuthResult,
  args: { first?: number | null; after?: string | null },
): Promise<AccessLogPage> {
  const { accountId: personId } = personOf(auth);
  const first = args.first ?? ACCESS_LOG_PAGE_DEFAULT;
  const problems = new Problems();
  if (!Number.isInteger(first) || first < 1 || first > ACCESS_LOG_PAGE_MAX)
    problems.add('first', 'OUT_OF_RANGE', `每页条数应为 1 到 ${ACCESS_LOG_PAGE_MAX}`);
  const cursor = args.after ? decodeCursor(args.after) : null;
  if (args.after && !cursor) problems.add('after', 'INVALID_CURSOR', '翻页位置无效，请从第一页重新查看');
  problems.throwIfAny();

  // The cursor only positions the page; whose rows they are comes from the token alone.
  const where = {
    personId,
    ...(cursor
      ? { $or: [{ viewedAt: { $lt: cursor.at } }, { viewedAt: cursor.at, id: { $lt: cursor.id } }] }
      : {}),
  };
  const [rows, totalCount] = await Promise.all([
    em.find(PersonalDataAccess, where, { orderBy: { viewedAt: 'desc', id: 'desc' }, limit: first + 1 }),
    em.count(PersonalDataAccess, { personId }),
  ]);
  return {
    rows: rows.slice(0, first),
    hasNextPage: rows.length > first,
    hasPreviousPage: cursor !== null,
    totalCount,
  };
}

/** Deletes lines whose last read is older than the retention; answers how many went. */
export async function purgeExpiredAccessLog(
  em: EntityManager,
  retentionDays: number,
  now: Date = new Date(),
): Promise<number> {
  if (!(retentionDays > 0)) throw appError(ErrorCode.INTERNAL_SERVER_ERROR, 'invalid retention');
  const before = new Date(now.getTime() - retentionDays * 24 * 3600 * 1000);
  return em.nativeDelete(PersonalDataAccess, { lastViewedAt: { $lt: before } });
}

// ---- binding requests: when a unit may see the full ID number ----------------------------------

export async function onBindingRequested(
  em: EntityManager,
  event: EventEnvelope<'BindingRequested'>,
): Promise<void> {
  const { bindingId, personId, unitId, requestedAt } = event.payload;
  await em.upsert(PendingBindingRequest, { bindingId, personId, unitId, requestedAt: new Date(requestedAt) });
}

export async function onBindingRequestClosed(
  em: EntityManager,
  event: EventEnvelope<'BindingRequestClosed'>,
): Promise<void> {
  await em.nativeDelete(PendingBindingRequest, { bindingId: event.payload.bindingId });
}

/** The unit a legal person's or agent's token acts for. */
export const unitOf = (p: Principal | null | undefined): string | null =>
  p && (p.kind === 'AGENT' || p.kind === 'LEGAL_PERSON')
    ? (p.unitId ?? (p.kind === 'LEGAL_PERSON' ? p.accountId : null))
    : null;

/**
 * Who may read a person's full ID number: the person themself, and the legal person and agents of
 * a unit the person has asked to bind to while that request waits (to verify who is asking; the
 * read is logged). Everyone else reads only the masked number.
 */
export async function fullIdNumberReader(
  principal: Principal | null | undefined,
  personId: string,
  pendingAtUnit: (unitId: string) => Promise<boolean>,
): Promise<'SELF' | 'DECIDING_UNIT' | null> {
  if (principal?.kind === 'PERSON' && principal.accountId === personId) return 'SELF';
  const unitId = unitOf(principal);
  if (unitId && (await pendingAtUnit(unitId))) return 'DECIDING_UNIT';
  return null;
}

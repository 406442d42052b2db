// The declaration use cases: start, save, cancel, delete and submit. Each runs in one
// transaction, checks everything first and changes nothing when it refuses.
import { LockMode, OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import { maskIdNumber, maskPassport } from '@zhicheng/domain-codes';
import { recordEvent, type EventPayloads, type RouteLevel } from '@zhicheng/events';
import {
  appError,
  badUserInput,
  ErrorCode,
  notFound,
  Problems,
  type AuthResult,
  type EntityManager,
  type FieldProblem,
  type Principal,
} from '@zhicheng/server-kit';
import {
  accountHolderProblems,
  assertAction,
  isUnsavedEntry,
  editableModules as domainEditableModules,
  MODULE_DATA_KEY,
  MODULE_DEFAULTS,
  normaliseIdNumber,
  selectionNames,
  startProblems,
  startRefusal,
  TALENT_LEVELS,
  TALENT_STANDARDS,
  withServerSources,
  withTalentLevel,
  type AccountHolder,
  type AttachmentFact,
  type ChannelConfig,
  type ModuleData,
  type ModuleKey,
  type ValidationProblem,
} from '../domain';
import {
  ApplicantBinding,
  ApplicantIdentity,
  Attachment,
  AttachmentSlotKind,
  Declaration,
  DeclarationCategory,
  DeclarationStatus,
  KnownUnit,
  Notice,
  NoticeStatus,
} from '../entities';
import { owned, refusals, requireApplicant, SUBMITTED_OR_LATER } from './access';
import { coverageRefusal, regionOfUnit } from './coverage';
import { announceStatus } from './live';
import { placeAt, stopAt } from './review-events';
import { assertApplicantAction, moduleInputProblems, refusalError, validationProblems } from './rules';

export interface Clock {
  now(): Date;
}

/** The modules a person may still change: all while a draft, the flagged ones while returned. */
export function editableModules(declaration: Declaration, notice: Notice): ModuleKey[] {
  return domainEditableModules(declaration.status, notice.formConfig, declaration.returnedModules ?? []);
}

/**
 * Who the declaration must be made by: the account holder's name and ID document as identity
 * announced them (the token's name until then) and the unit the declaration was started under.
 */
export async function accountHolderOf(
  em: EntityManager,
  declaration: Declaration,
  principal?: Principal,
): Promise<AccountHolder> {
  const identity = await em.findOne(ApplicantIdentity, { personId: declaration.applicantId });
  return holderOf(declaration, identity, principal);
}

export function holderOf(
  declaration: Declaration,
  identity: ApplicantIdentity | null,
  principal?: Principal,
): AccountHolder {
  return {
    name: identity?.name ?? principal?.displayName ?? declaration.applicantName,
    idType: identity?.idType ?? null,
    idNumber: identity?.idNumber ?? null,
    mobile: identity?.mobile ?? null,
    unitName: declaration.unitName,
  };
}

function assertVersion(declaration: Declaration, expectedVersion: number): void {
  if (declaration.version !== expectedVersion) throw refusals.stale(declaration.version);
}

export const attachmentFact = (a: Attachment): AttachmentFact => ({
  id: a.id,
  slot:
    a.slotKind === AttachmentSlotKind.CATALOGUE
      ? { kind: 'CATALOGUE', code: a.slotCode }
      : { kind: 'ENTRY', module: a.slotCode as ModuleKey, entryId: a.entryId ?? '' },
  format: a.format,
  sizeBytes: a.sizeBytes,
});

const toPlain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Loads the caller's declaration for a change, locked against concurrent changes. */
async function lockOwn(em: EntityManager, principal: Principal, id: string): Promise<Declaration> {
  const declaration = await em.findOne(
    Declaration,
    { id, deletedAt: null },
    { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['notice'] },
  );
  return owned(principal, declaration);
}

/** Flushes; a concurrent change that slipped past the version check answers the same CONFLICT. */
async function flushChecked(em: EntityManager, declaration: Declaration): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof OptimisticLockError) throw refusals.stale(declaration.version);
    throw error;
  }
}

// ---- start ------------------------------------------------------------------------------------

export interface StartInput {
  noticeId: string;
  category: DeclarationCategory;
  committeeId?: string | null;
}

export async function startDeclaration(
  rootEm: EntityManager,
  auth: AuthResult,
  input: StartInput,
  clock: Clock,
): Promise<Declaration> {
  const principal = requireApplicant(auth);
  const now = clock.now();
  try {
    return await rootEm.transactional(async (em) => {
      const notice = await em.findOne(Notice, { id: input.noticeId }, { populate: ['channel'] });
      if (!notice || notice.status !== NoticeStatus.PUBLISHED) throw notFound('通知不存在或尚未发布');
      const closed = startRefusal(notice, now);
      if (closed) throw refusalError(closed);
      const channel = notice.channel.getEntity().config;

      const binding = await em.findOne(ApplicantBinding, { personId: principal.accountId });
      if (!binding) throw refusals.notBound();
      const unit = await em.findOne(KnownUnit, { unitId: binding.unitId });
      const refusal = coverageRefusal(notice.coverage, {
        unitId: binding.unitId,
        regionCode: regionOfUnit(unit),
      });
      if (refusal)
        throw appError(
          ErrorCode.FORBIDDEN,
          refusal === 'UNIT'
            ? `本通知不面向您的推荐单位“${binding.unitName}”，请选择其他通知`
            : `本通知不面向您的推荐单位“${binding.unitName}”所在地区，请选择其他通知`,
          { reason: 'NOT_COVERED' },
        );

      const committeeId = input.committeeId?.trim() || null;
      const problems = startProblems(channel, { category: input.category, committeeId });
      if (committeeId && channel.requiresCommittee && !notice.committees.some((c) => c.id === committeeId))
        problems.push({
          field: 'committeeId',
          code: 'UNKNOWN_COMMITTEE',
          message: '所选评委会不在本通知的评委会中，请重新选择',
        });
      if (problems.length > 0) throw badUserInput(problems);

      const existing = await em.findOne(Declaration, {
        notice,
        applicantId: principal.accountId,
        deletedAt: null,
        status: { $nin: [DeclarationStatus.CANCELLED, DeclarationStatus.TERMINATED] },
      });
      if (existing) throw alreadyDeclared(existing.id);

      const declaration = em.create(Declaration, {
        notice,
        applicantId: principal.accountId,
        applicantName: principal.displayName,
        unitId: binding.unitId,
        unitName: binding.unitName,
        category: input.category,
        committeeId,
        data: {},
      });
      await em.flush();
      return declaration;
    });
  } catch (error) {
    // Two starts at once: the partial unique index lets one through.
    if (error instanceof UniqueConstraintViolationException) throw alreadyDeclared(null);
    throw error;
  }
}

const alreadyDeclared = (declarationId: string | null) =>
  appError(ErrorCode.CONFLICT, '您已在该通知下开始了一份申报，请在“我的办件”中继续填写', {
    reason: 'ALREADY_DECLARED',
    declarationId,
  });

// ---- save -------------------------------------------------------------------------------------

/** The modules of a save as the input names them (ModuleData's property names). */
export type ModulesInput = { [K in keyof ModuleData]?: ModuleData[K] | null };

/** ModuleData property → ModuleKey, for the modules that hold data. */
const MODULE_OF_PROPERTY = new Map(
  (Object.entries(MODULE_DATA_KEY) as Array<[ModuleKey, keyof ModuleData | null]>)
    .filter((entry): entry is [ModuleKey, keyof ModuleData] => entry[1] !== null)
    .map(([key, property]) => [property, key]),
);

export interface SaveInput {
  id: string;
  expectedVersion: number;
  input: ModulesInput;
}

export async function saveDeclaration(
  rootEm: EntityManager,
  auth: AuthResult,
  args: SaveInput,
  clock: Clock,
): Promise<{ declaration: Declaration; removedFiles: string[] }> {
  const principal = requireApplicant(auth);
  const now = clock.now();
  return rootEm.transactional(async (em) => {
    const declaration = await lockOwn(em, principal, args.id);
    const notice = declaration.notice.getEntity();
    await em.populate(notice, ['channel']);
    const channel = notice.channel.getEntity().config;
    const supplied = [...MODULE_OF_PROPERTY].filter(([property]) => args.input[property] !== undefined);
    assertApplicantAction(declaration.status, 'SAVE', notice, {
      now,
      modules: supplied.map(([, key]) => key),
      flaggedModules: declaration.returnedModules ?? [],
    });
    assertVersion(declaration, args.expectedVersion);

    const problems = new Problems();
    const next: ModuleData = { ...toPlain(declaration.data) };
    for (const [property, key] of supplied) {
      const value = args.input[property];
      if (!notice.formConfig.modules.some((m) => m.key === key)) {
        problems.add(
          `input.${property}`,
          'MODULE_NOT_IN_FORM',
          `本次申报不包含${MODULE_DEFAULTS[key].name}，无需填写`,
        );
        continue;
      }
      if (value === null) delete next[property];
      else (next as Record<string, unknown>)[property] = toPlain(value);
    }
    // Only the server marks a record as fetched from a registry (clients cannot skip proof files).
    if (Array.isArray(next.education) && args.input.education !== undefined)
      next.education = withServerSources(declaration.data.education, next.education);
    const attachments = await em.find(Attachment, { declaration });
    for (const [property, key] of supplied) {
      const value = next[property];
      if (value === undefined || problems.has(`input.${property}`)) continue;
      for (const p of moduleInputProblems(key, value, {
        config: notice.formConfig,
        channel,
        category: declaration.category,
        data: next,
        now,
      }))
        problems.add(prefixed(property, p.field), p.code, p.message);
    }
    const series = next.basicInfo?.seriesCode;
    if (
      args.input.basicInfo !== undefined &&
      series &&
      notice.coverage.seriesCodes.length > 0 &&
      !notice.coverage.seriesCodes.includes(series)
    )
      problems.add('input.basicInfo.seriesCode', 'SERIES_NOT_COVERED', '本通知不受理该申报系列，请重新选择');
    // 基本信息 states the account holder and the bound unit, never somebody else.
    const holder = await accountHolderOf(em, declaration, principal);
    for (const p of accountHolderProblems(next, holder))
      if (supplied.some(([property]) => p.field?.startsWith(`${property}.`)))
        problems.add(`input.${p.field}`, p.code, p.message);
    problems.throwIfAny();
    // 申请评定级别（层次） follows the chosen standard; it is never taken as typed.
    if (args.input.talentBasicInfo && next.talentBasicInfo)
      next.talentBasicInfo = withTalentLevel(next.talentBasicInfo);

    // Entries that are gone take their proof files with them.
    const removed = attachments.filter((a) => {
      if (a.slotKind !== AttachmentSlotKind.ENTRY) return false;
      const property = MODULE_DATA_KEY[a.slotCode as ModuleKey];
      if (!property || args.input[property] === undefined) return false;
      const entries = next[property];
      return !Array.isArray(entries) || !entries.some((e: { id: string }) => e.id === a.entryId);
    });
    for (const a of removed) em.remove(a);
    declaration.data = next;
    await flushChecked(em, declaration);
    return { declaration, removedFiles: removed.map((a) => a.storageKey) };
  });
}

/** Domain paths are relative to the module (`0.school`) or name it (`education.0.school`). */
function prefixed(property: string, field: string | undefined): string {
  if (!field) return `input.${property}`;
  if (field === property || field.startsWith(`${property}.`)) return `input.${field}`;
  return `input.${property}.${field}`;
}

// ---- cancel / delete --------------------------------------------------------------------------

export async function cancelDeclaration(rootEm: EntityManager, auth: AuthResult, id: string, clock: Clock) {
  const principal = requireApplicant(auth);
  return rootEm.transactional(async (em) => {
    const declaration = await lockOwn(em, principal, id);
    if (declaration.status === DeclarationStatus.CANCELLED) return declaration;
    const refusal = assertAction(declaration.status, 'CANCEL');
    if (refusal) throw refusalError(refusal, declaration.status);
    const now = clock.now();
    declaration.status = DeclarationStatus.CANCELLED;
    declaration.cancelledAt = now;
    declaration.statusChangedAt = now;
    await flushChecked(em, declaration);
    await announceStatus(em, declaration, now);
    return declaration;
  });
}

/**
 * Deletes a draft with its files, or hides a terminated one (kept for the review record).
 * Submitted declarations cannot be deleted.
 */
export async function deleteDeclaration(
  rootEm: EntityManager,
  auth: AuthResult,
  id: string,
  clock: Clock,
): Promise<{ removedFiles: string[] }> {
  const principal = requireApplicant(auth);
  return rootEm.transactional(async (em) => {
    const declaration = await lockOwn(em, principal, id);
    const refusal = assertAction(declaration.status, 'DELETE');
    if (refusal) throw refusalError(refusal, declaration.status);
    declaration.deletedAt = clock.now();
    let removedFiles: string[] = [];
    if (declaration.status !== DeclarationStatus.TERMINATED) {
      const attachments = await em.find(Attachment, { declaration });
      removedFiles = attachments.map((a) => a.storageKey);
      for (const a of attachments) em.remove(a);
    }
    await flushChecked(em, declaration);
    return { removedFiles };
  });
}

// ---- submit -----------------------------------------------------------------------------------

/** Declarations that hold an expert's recommendation (the expert's quota counts them). */
const RECOMMENDATION_HOLDING: readonly DeclarationStatus[] = SUBMITTED_OR_LATER.filter(
  (s) => s !== DeclarationStatus.TERMINATED,
);

export interface SubmitInput {
  id: string;
  expectedVersion: number;
  pledge: boolean;
}

export async function submitDeclaration(
  rootEm: EntityManager,
  auth: AuthResult,
  args: SubmitInput,
  clock: Clock,
): Promise<{ declaration: Declaration; removedFiles: string[] }> {
  const principal = requireApplicant(auth);
  const now = clock.now();
  return rootEm.transactional(async (em) => {
    // The row lock serialises two submits of the same declaration: the second sees the first's result.
    const declaration = await lockOwn(em, principal, args.id);
    if (
      declaration.status === DeclarationStatus.SUBMITTED &&
      declaration.submittedFromVersion === args.expectedVersion &&
      args.pledge
    )
      return { declaration, removedFiles: [] };
    const notice = declaration.notice.getEntity();
    await em.populate(notice, ['channel']);
    const channel = notice.channel.getEntity().config;
    assertApplicantAction(declaration.status, 'SUBMIT', notice, { now, pledge: args.pledge });
    assertVersion(declaration, args.expectedVersion);
    const resubmission = declaration.status === DeclarationStatus.RETURNED;

    const binding = await em.findOne(ApplicantBinding, { personId: principal.accountId });
    if (!binding) throw refusals.notBound();
    if (binding.unitId !== declaration.unitId) throw refusals.unitChanged(declaration.unitName);

    const attachments = await em.find(Attachment, { declaration });
    const problems: ValidationProblem[] = [
      ...validationProblems({
        config: notice.formConfig,
        channel,
        category: declaration.category,
        data: declaration.data,
        attachments: attachments.map(attachmentFact),
        now,
        recommendationCounts: await recommendationCounts(em, declaration, { lock: true }),
      }),
      ...serviceProblems(declaration, notice, await accountHolderOf(em, declaration, principal)),
    ];
    if (problems.length > 0) throw incomplete(problems);

    // Files of an entry that was never saved are no proof: they go with the submission.
    const unsaved = attachments.filter((a) => isUnsavedEntry(declaration.data, attachmentFact(a).slot));
    for (const a of unsaved) em.remove(a);

    markSubmitted(em, declaration, notice, channel, now, args.expectedVersion, resubmission);
    await flushChecked(em, declaration);
    await announceStatus(em, declaration, now);
    return { declaration, removedFiles: unsaved.map((a) => a.storageKey) };
  });
}

/**
 * The submission itself, once every rule passed: the status, where review takes it (a
 * resubmission at the level that returned it, else the route's first level) and
 * DeclarationSubmitted in the same unit of work. The demo season submits through it too.
 */
export function markSubmitted(
  em: EntityManager,
  declaration: Declaration,
  notice: Notice,
  channel: ChannelConfig,
  now: Date,
  fromVersion: number,
  resubmission: boolean,
): void {
  declaration.status = DeclarationStatus.SUBMITTED;
  declaration.statusChangedAt = now;
  declaration.submittedFromVersion = fromVersion;
  declaration.submittedAt = now;
  declaration.pledgedAt = now;
  declaration.submissionCount += 1;
  // Review takes a resubmission at the level that returned it (the levels below passed it
  // already), a first submission at the route's first level. The flags go: nothing is editable.
  declaration.returnedModules = null;
  // Review skips a department level that names no department (nobody could act there).
  const first = notice.route.find((r) => r.level !== 'DEPARTMENT' || r.organisationId);
  placeAt(
    declaration,
    resubmission && declaration.returnedBy
      ? declaration.returnedBy
      : stopAt(declaration, notice, first?.level ?? 'UNIT', first?.organisationId),
    now,
  );
  recordEvent(em, 'DeclarationSubmitted', submittedPayload(declaration, notice, channel, now, resubmission));
}

/** Submit refused: every problem of the 数据验证信息 list, in `extensions.problems`. */
function incomplete(problems: ValidationProblem[]) {
  const fields: FieldProblem[] = problems.map((p) => ({
    field: p.field ?? p.module,
    code: p.code,
    message: p.message,
  }));
  return appError(
    ErrorCode.BAD_USER_INPUT,
    `还有 ${problems.length} 项数据验证未通过，请按“数据验证信息”逐项补充后再提交`,
    { reason: 'VALIDATION_FAILED', problems, fields },
  );
}

/** Rules that need the notice beyond its form: coverage by series, the chosen committee. */
export function serviceProblems(
  declaration: Declaration,
  notice: Notice,
  holder: AccountHolder,
): ValidationProblem[] {
  const problems: ValidationProblem[] = accountHolderProblems(declaration.data, holder);
  const basic = declaration.data.basicInfo;
  if (
    basic?.seriesCode &&
    notice.coverage.seriesCodes.length > 0 &&
    !notice.coverage.seriesCodes.includes(basic.seriesCode)
  )
    problems.push({
      module: 'BASIC_INFO',
      code: 'SERIES_NOT_COVERED',
      message: '本通知不受理所选申报系列，请重新选择申报系列',
      field: 'basicInfo.seriesCode',
    });
  const committee = declaration.committeeId
    ? notice.committees.find((c) => c.id === declaration.committeeId)
    : null;
  if (committee && basic?.levelCode && basic.specialtyCode) {
    const series = basic.specialtyCode.split('.')[0];
    const fits =
      (committee.levelCodes.length === 0 || committee.levelCodes.includes(basic.levelCode)) &&
      (committee.seriesCodes.length === 0 || committee.seriesCodes.includes(series)) &&
      (committee.specialtyCodes.length === 0 || committee.specialtyCodes.includes(basic.specialtyCode));
    if (!fits)
      problems.push({
        module: 'BASIC_INFO',
        code: 'COMMITTEE_MISMATCH',
        message: `所选评委会“${committee.name}”不受理所填的申报级别或专业，请核对后重新申报`,
        field: 'basicInfo.levelCode',
      });
  }
  return problems;
}

/**
 * 每名专家最多只允许推荐两名专业技术人员破格申报: for each expert this declaration names, how
 * many OTHER applicants' submitted declarations under the same notice name them too (the domain
 * turns counts into problems). With `lock`, a transaction-scoped advisory lock per expert, taken
 * in a fixed order so two submits never deadlock, makes concurrent submits naming the same expert
 * take turns: a third cannot slip in beside the second.
 */
export async function recommendationCounts(
  em: EntityManager,
  declaration: Declaration,
  options: { lock: boolean },
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const recommenders = declaration.data.recommenders ?? [];
  if (declaration.category !== DeclarationCategory.EXCEPTIONAL || recommenders.length === 0) return counts;
  const connection = em.getConnection();
  const trx = em.getTransactionContext();
  const ids = [
    ...new Set(recommenders.map((r) => normaliseIdNumber(r.idNumber ?? '')).filter(Boolean)),
  ].sort();
  for (const idNumber of ids) {
    if (options.lock)
      await connection.execute(
        `select pg_advisory_xact_lock(hashtextextended(?, 0))`,
        [`declaration.expert:${idNumber}`],
        'all',
        trx,
      );
    const rows = await connection.execute<Array<{ applicants: string }>>(
      `select count(distinct d.applicant_id) as applicants
         from "declaration"."declaration" d
        where d.notice_id = ? and d.applicant_id <> ? and d.deleted_at is null
          and d.status in (${RECOMMENDATION_HOLDING.map(() => '?').join(', ')})
          and exists (select 1 from jsonb_array_elements(coalesce(d.data->'recommenders', '[]'::jsonb)) r
                       where upper(regexp_replace(r->>'idNumber', '\\s', '', 'g')) = ?)`,
      [declaration.notice.id, declaration.applicantId, ...RECOMMENDATION_HOLDING, idNumber],
      'all',
      trx,
    );
    counts.set(idNumber, Number(rows[0]?.applicants ?? 0));
  }
  return counts;
}

/** The certificate shows the holder's ID number masked; the event never carries it whole. */
function maskedIdNumber(info: { idType?: string; idNumber?: string } | null | undefined): string | null {
  const idNumber = normaliseIdNumber(info?.idNumber ?? '');
  if (!idNumber) return null;
  return info?.idType === 'PASSPORT' ? maskPassport(idNumber) : maskIdNumber(idNumber);
}

function submittedPayload(
  declaration: Declaration,
  notice: Notice,
  channel: ChannelConfig,
  now: Date,
  resubmission: boolean,
): EventPayloads['DeclarationSubmitted'] {
  const basic = declaration.data.basicInfo;
  const talent = declaration.data.talentBasicInfo;
  const names = basic ? selectionNames(basic) : null;
  const talentLevel = talent?.levelCode as keyof typeof TALENT_LEVELS | undefined;
  const title = basic
    ? {
        seriesCode: basic.seriesCode ?? '',
        specialtyCode: basic.specialtyCode ?? '',
        scopeCode: basic.scopeCode ?? '',
        titleCode: basic.titleCode ?? '',
        levelCode: basic.levelCode ?? '',
        titleName: names?.titleName ?? channel.name,
        levelName: names?.levelName ?? '',
        seriesName: names?.seriesName ?? null,
        specialtyName: names?.specialtyName ?? null,
      }
    : {
        seriesCode: '',
        specialtyCode: '',
        scopeCode: '',
        titleCode: '',
        levelCode: talentLevel ?? '',
        titleName: channel.name,
        levelName: talentLevel ? TALENT_LEVELS[talentLevel] : '',
      };
  const standard = TALENT_STANDARDS.find((s) => s.code === talent?.standardCode);
  // The class follows the standard (withTalentLevel); a standard no longer in the list has none.
  const talentApplication =
    talent && talentLevel && standard && talentLevel === standard.level
      ? {
          levelCode: talentLevel,
          levelName: TALENT_LEVELS[talentLevel],
          standardCode: standard.code,
          standardText: standard.text,
          serviceType: talent.serviceType,
        }
      : null;
  const committee = declaration.committeeId
    ? notice.committees.find((c) => c.id === declaration.committeeId)
    : undefined;
  const route: RouteLevel[] = notice.route.map((level) =>
    level.level === 'COMMITTEE' && committee
      ? { level: 'COMMITTEE', organisationId: committee.organisationId, name: committee.name }
      : { ...level },
  );
  return {
    declarationId: declaration.id,
    noticeId: notice.id,
    channelCode: channel.code,
    personId: declaration.applicantId,
    applicantName: basic?.name || talent?.name || declaration.applicantName,
    applicantIdNumberMasked: maskedIdNumber(basic ?? talent),
    unitId: declaration.unitId,
    title,
    category: declaration.category,
    route,
    outcomeAfterRoute: channel.outcomeAfterRoute,
    committeeId: declaration.committeeId ?? null,
    talent: talentApplication,
    submittedAt: now.toISOString(),
    resubmission,
  };
}

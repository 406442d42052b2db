import { byKeys } from '@zhicheng/server-kit';
import type { DeclarationContext } from './context';
import { ApplicantIdentity, Attachment, Channel, Declaration, Notice } from './entities';
import { SUBMITTED_OR_LATER } from './services/access';

/** Per-request batch loaders: federation references and list fields cost one query per type. */
export const noticeById = (ctx: DeclarationContext) =>
  ctx.loaders.get<string, Notice | null>('noticeById', async (ids) =>
    byKeys(ids, await ctx.em.find(Notice, { id: { $in: [...ids] } }), (n) => n.id),
  );

export const channelByCode = (ctx: DeclarationContext) =>
  ctx.loaders.get<string, Channel | null>('channelByCode', async (codes) =>
    byKeys(codes, await ctx.em.find(Channel, { code: { $in: [...codes] } }), (c) => c.code),
  );

/** Declarations by id, deleted ones excluded (a deleted declaration is gone for everyone). */
export const declarationById = (ctx: DeclarationContext) =>
  ctx.loaders.get<string, Declaration | null>('declarationById', async (ids) =>
    byKeys(ids, await ctx.em.find(Declaration, { id: { $in: [...ids] }, deletedAt: null }), (d) => d.id),
  );

export const attachmentsByDeclaration = (ctx: DeclarationContext) =>
  ctx.loaders.get<string, Attachment[]>('attachmentsByDeclaration', async (ids) => {
    const rows = await ctx.em.find(
      Attachment,
      { declaration: { $in: [...ids] } },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    return ids.map((id) => rows.filter((row) => row.declaration.id === id));
  });

/** A person's declarations, newest first (我的办件). */
export const declarationsByApplicant = (ctx: DeclarationContext) =>
  ctx.loaders.get<string, Declaration[]>('declarationsByApplicant', async (personIds) => {
    const rows = await ctx.em.find(
      Declaration,
      { applicantId: { $in: [...personIds] }, deletedAt: null },
      { orderBy: { createdAt: 'desc', id: 'asc' } },
    );
    return personIds.map((id) => rows.filter((row) => row.applicantId === id));
  });

/** What a unit sees: its applicants' declarations once submitted (drafts stay private). */
export const submittedDeclarationsByUnit = (ctx: DeclarationContext) =>
  ctx.loaders.get<string, Declaration[]>('submittedDeclarationsByUnit', async (unitIds) => {
    const rows = await ctx.em.find(
      Declaration,
      { unitId: { $in: [...unitIds] }, status: { $in: [...SUBMITTED_OR_LATER] }, deletedAt: null },
      { orderBy: { submittedAt: 'desc', id: 'asc' } },
    );
    return unitIds.map((id) => rows.filter((row) => row.unitId === id));
  });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids from outside are checked before they reach a uuid column (which would raise an error). */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** The account holders' real-name facts (identity's PersonRegistered), by person id. */
export const applicantIdentityByPerson = (ctx: DeclarationContext) =>
  ctx.loaders.get<string, ApplicantIdentity | null>('applicantIdentityByPerson', async (ids) =>
    byKeys(ids, await ctx.em.find(ApplicantIdentity, { personId: { $in: [...ids] } }), (i) => i.personId),
  );

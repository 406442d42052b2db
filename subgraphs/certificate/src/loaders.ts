import { byKeys } from '@zhicheng/server-kit';
import type { CertificateContext } from './context';
import { ApplicationFile, Certificate, HistoricalRegistration, ReissueApplication } from './entities';

/** Per-request batch loaders: N references or N parents cost one query, not N. */
export const certificateById = (ctx: CertificateContext) =>
  ctx.loaders.get<string, Certificate | null>('certificateById', async (ids) =>
    byKeys(ids, await ctx.em.find(Certificate, { id: { $in: [...ids] } }), (c) => c.id),
  );

/** A declaration's certificate in force: the newest of the original and its reissues (补办/换发). */
export const certificateByDeclaration = (ctx: CertificateContext) =>
  ctx.loaders.get<string, Certificate | null>('certificateByDeclaration', async (ids) => {
    const rows = await ctx.em.find(
      Certificate,
      { declarationId: { $in: [...ids] } },
      { orderBy: { issuedAt: 'asc', number: 'asc' } },
    );
    // Later rows overwrite earlier ones: the newest wins.
    const newest = new Map(rows.map((row) => [row.declarationId!, row]));
    return ids.map((id) => newest.get(id) ?? null);
  });

export const certificatesByHolder = (ctx: CertificateContext) =>
  ctx.loaders.get<string, Certificate[]>('certificatesByHolder', async (personIds) => {
    const rows = await ctx.em.find(
      Certificate,
      { holderPersonId: { $in: [...personIds] } },
      { orderBy: { issuedAt: 'desc', number: 'desc' } },
    );
    return personIds.map((id) => rows.filter((row) => row.holderPersonId === id));
  });

export const filesByApplication = (ctx: CertificateContext, kind: 'REISSUE' | 'HISTORICAL') =>
  ctx.loaders.get<string, ApplicationFile[]>(`filesBy${kind}`, async (ids) => {
    const column = kind === 'REISSUE' ? 'reissueApplicationId' : 'historicalRegistrationId';
    const rows = await ctx.em.find(
      ApplicationFile,
      { [column]: { $in: [...ids] } },
      { orderBy: { slot: 'asc', uploadedAt: 'asc' } },
    );
    return ids.map((id) => rows.filter((row) => row[column] === id));
  });

export const reissueApplicationById = (ctx: CertificateContext) =>
  ctx.loaders.get<string, ReissueApplication | null>('reissueApplicationById', async (ids) =>
    byKeys(ids, await ctx.em.find(ReissueApplication, { id: { $in: [...ids] } }), (r) => r.id),
  );

export const historicalRegistrationById = (ctx: CertificateContext) =>
  ctx.loaders.get<string, HistoricalRegistration | null>('historicalRegistrationById', async (ids) =>
    byKeys(ids, await ctx.em.find(HistoricalRegistration, { id: { $in: [...ids] } }), (r) => r.id),
  );

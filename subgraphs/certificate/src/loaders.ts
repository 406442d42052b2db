import { byKeys } from '@zhicheng/server-kit';
import type { CertificateContext } from './context';
import { Certificate } from './entities';

/** Per-request batch loaders: N references or N parents cost one query, not N. */
export const certificateById = (ctx: CertificateContext) =>
  ctx.loaders.get<string, Certificate | null>('certificateById', async (ids) =>
    byKeys(ids, await ctx.em.find(Certificate, { id: { $in: [...ids] } }), (c) => c.id),
  );

export const certificateByDeclaration = (ctx: CertificateContext) =>
  ctx.loaders.get<string, Certificate | null>('certificateByDeclaration', async (ids) =>
    byKeys(ids, await ctx.em.find(Certificate, { declarationId: { $in: [...ids] } }), (c) => c.declarationId),
  );

export const certificatesByHolder = (ctx: CertificateContext) =>
  ctx.loaders.get<string, Certificate[]>('certificatesByHolder', async (personIds) => {
    const rows = await ctx.em.find(
      Certificate,
      { holderPersonId: { $in: [...personIds] } },
      { orderBy: { issuedAt: 'desc', number: 'desc' } },
    );
    return personIds.map((id) => rows.filter((row) => row.holderPersonId === id));
  });

import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { isSelf, notePersonalDataView, viewerOf } from '@zhicheng/events';
import type { CertificateContext } from '../context';
import { HISTORICAL_MATERIALS, REISSUE_MATERIALS, type Material } from '../domain/materials';
import {
  ApplicationStatus,
  FilePurpose,
  HistoricalRegistration,
  ReissueApplication,
  type ApplicationFile,
} from '../entities';
import { certificateById, filesByApplication, historicalRegistrationById } from '../loaders';
import { isApplicantOf, isAuditorOf, requireAuditor, requireApplicant } from '../services/access';
import { auditQueue } from '../services/audit';
import {
  decideHistorical,
  historicalRegistrationFor,
  registerHistorical,
  withdrawHistorical,
} from '../services/historical';
import { requestMaterialUpload } from '../services/materials';
import { regionsWithPoints } from '../services/regions';
import {
  applyForReissue,
  decideReissue,
  findReissuable,
  pendingApplicationsOf,
  reissuableCertificates,
  reissueApplicationFor,
  withdrawReissue,
  type Reissuable,
} from '../services/reissue';
import {
  CertificateRegionView,
  HistoricalRegistrationInput,
  HistoricalRegistrationPage,
  HistoricalRegistrationView,
  MaterialFileView,
  MaterialKindView,
  MaterialTicketView,
  ReissuableCertificateView,
  ReissueApplicationInput,
  ReissueApplicationPage,
  ReissueApplicationView,
} from './application-types';
import { CertificateForm, VerifiedCertificateView } from './types';

@ArgsType()
class QueueArgs {
  @Field(() => ApplicationStatus, { nullable: true, description: 'Only this status (default: all)' })
  status?: ApplicationStatus | null;
  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1–100' }) first!: number;
  @Field(() => Int, { defaultValue: 0, description: 'Rows to skip' }) offset!: number;
}

@ArgsType()
class DecisionArgs {
  @Field(() => ID) id!: string;
  @Field({ description: 'true 通过 / false 不通过' }) approve!: boolean;
  @Field(() => String, { nullable: true, description: '审核意见 (required to refuse, ≤ 500 characters)' })
  opinion?: string | null;
}

@ArgsType()
class UploadArgs {
  @Field(() => FilePurpose) purpose!: FilePurpose;
  @Field({ description: 'The material (certificateMaterialKinds)' }) slot!: string;
  @Field({ description: 'Must end in .pdf' }) fileName!: string;
  @Field(() => Int) sizeBytes!: number;
  @Field({ description: 'application/pdf' }) contentType!: string;
}

async function reissuableViews(ctx: CertificateContext, items: Reissuable[]) {
  const ids = items.map((r) => (r.form === 'ELECTRONIC' ? r.certificate.id : r.registration.id));
  const pending = await pendingApplicationsOf(ctx.em, ids);
  return items.map((r, i) =>
    Object.assign(new ReissuableCertificateView(), {
      form: r.form === 'ELECTRONIC' ? CertificateForm.ELECTRONIC : CertificateForm.REGISTERED_PAPER,
      certificateId: r.form === 'ELECTRONIC' ? r.certificate.id : null,
      historicalRegistrationId: r.form === 'REGISTERED_PAPER' ? r.registration.id : null,
      certificate:
        r.form === 'ELECTRONIC'
          ? VerifiedCertificateView.of(r.certificate)
          : VerifiedCertificateView.ofPaper(r.registration),
      pendingApplicationId: pending.get(ids[i]) ?? null,
    }),
  );
}

/** 证书补办/换发 and 历史职称数据登记: the applicant's side, the bureau's queues and decisions. */
@Resolver()
export class CertificateApplicationResolver {
  @Query(() => [CertificateRegionView], {
    description: '所属行政区划 and their 所属申报点, the options of the 补办 and 登记 forms (public)',
  })
  async certificateRegions(@Ctx() ctx: CertificateContext): Promise<CertificateRegionView[]> {
    return (await regionsWithPoints(ctx.em)).map(({ region, points }) =>
      CertificateRegionView.of(region, points),
    );
  }

  @Query(() => [MaterialKindView], {
    description: 'The materials a form asks for (all PDF): 补办 all three, 登记 at least two',
  })
  certificateMaterialKinds(@Arg('purpose', () => FilePurpose) purpose: FilePurpose): MaterialKindView[] {
    return (purpose === FilePurpose.REISSUE ? REISSUE_MATERIALS : HISTORICAL_MATERIALS).map((m) =>
      Object.assign(new MaterialKindView(), m),
    );
  }

  @Query(() => [ReissuableCertificateView], {
    description:
      '查询 (补办): the holder’s certificates in force that a 补办/换发 can replace — e-certificates and registered paper ones',
  })
  async reissuableCertificates(@Ctx() ctx: CertificateContext): Promise<ReissuableCertificateView[]> {
    return reissuableViews(ctx, await reissuableCertificates(ctx.em, ctx.auth));
  }

  @Query(() => ReissuableCertificateView, {
    nullable: true,
    description:
      '查询 by number among the holder’s own certificates; null: not found (then 历史职称数据登记)',
  })
  async findReissuableCertificate(
    @Arg('number') number: string,
    @Ctx() ctx: CertificateContext,
  ): Promise<ReissuableCertificateView | null> {
    const found = await findReissuable(ctx.em, ctx.auth, number);
    return found ? (await reissuableViews(ctx, [found]))[0] : null;
  }

  @Mutation(() => MaterialTicketView, {
    description:
      'A ticket to upload one material: POST the PDF’s bytes to `url` on the gateway’s origin; the answer’s `attachment.id` goes into fileIds',
  })
  requestCertificateMaterialUpload(
    @Args() args: UploadArgs,
    @Ctx() ctx: CertificateContext,
  ): MaterialTicketView {
    const ticket = requestMaterialUpload(ctx.auth, ctx.deps.materialLinks, args, ctx.deps.now());
    return Object.assign(new MaterialTicketView(), ticket);
  }

  @Mutation(() => ReissueApplicationView, {
    description: '提交补办（换发）申请 (the holder; all three materials)',
  })
  async applyForReissue(
    @Arg('input', () => ReissueApplicationInput) input: ReissueApplicationInput,
    @Ctx() ctx: CertificateContext,
  ): Promise<ReissueApplicationView> {
    return ReissueApplicationView.of(await applyForReissue(ctx.em, ctx.auth, ctx.deps, input));
  }

  @Mutation(() => ReissueApplicationView, { description: '撤回 a pending 补办（换发）申请 (the applicant)' })
  async withdrawReissueApplication(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: CertificateContext,
  ): Promise<ReissueApplicationView> {
    return ReissueApplicationView.of(await withdrawReissue(ctx.em, ctx.auth, ctx.deps, id));
  }

  @Query(() => [ReissueApplicationView], {
    description: 'The signed-in applicant’s 补办/换发 applications, newest first',
  })
  async myReissueApplications(@Ctx() ctx: CertificateContext): Promise<ReissueApplicationView[]> {
    const { personId } = requireApplicant(ctx.auth);
    const rows = await ctx.em.find(
      ReissueApplication,
      { applicantPersonId: personId },
      { orderBy: { submittedAt: 'desc', id: 'asc' } },
    );
    return rows.map(ReissueApplicationView.of);
  }

  @Query(() => ReissueApplicationView, {
    description: 'One application: its applicant or its region’s bureau staff, else NOT_FOUND',
  })
  async reissueApplication(@Arg('id', () => ID) id: string, @Ctx() ctx: CertificateContext) {
    return ReissueApplicationView.of(await reissueApplicationFor(ctx.em, ctx.auth, id));
  }

  @Query(() => ReissueApplicationPage, {
    description: '补办审核 queue of the caller’s bureau (pending oldest first, else newest first)',
  })
  async reissueAuditQueue(
    @Args() args: QueueArgs,
    @Ctx() ctx: CertificateContext,
  ): Promise<ReissueApplicationPage> {
    const auditor = requireAuditor(ctx.auth);
    const page = await auditQueue(ctx.em, ReissueApplication, auditor, args.status, args.first, args.offset);
    return Object.assign(new ReissueApplicationPage(), {
      items: page.items.map(ReissueApplicationView.of),
      totalCount: page.totalCount,
    });
  }

  @Mutation(() => ReissueApplicationView, {
    description:
      '补办审核 (the region’s bureau staff): approve — a new certificate is issued naming the old one, which is revoked naming the new — or refuse with an opinion',
  })
  async decideReissueApplication(@Args() args: DecisionArgs, @Ctx() ctx: CertificateContext) {
    return ReissueApplicationView.of(await decideReissue(ctx.em, ctx.auth, ctx.deps, args));
  }

  @Mutation(() => HistoricalRegistrationView, {
    description: '历史职称数据登记 (the holder; at least two materials)',
  })
  async registerHistoricalCertificate(
    @Arg('input', () => HistoricalRegistrationInput) input: HistoricalRegistrationInput,
    @Ctx() ctx: CertificateContext,
  ): Promise<HistoricalRegistrationView> {
    return HistoricalRegistrationView.of(await registerHistorical(ctx.em, ctx.auth, ctx.deps, input));
  }

  @Mutation(() => HistoricalRegistrationView, { description: '撤回 a pending registration (the applicant)' })
  async withdrawHistoricalRegistration(@Arg('id', () => ID) id: string, @Ctx() ctx: CertificateContext) {
    return HistoricalRegistrationView.of(await withdrawHistorical(ctx.em, ctx.auth, ctx.deps, id));
  }

  @Query(() => [HistoricalRegistrationView], {
    description: 'The signed-in applicant’s registrations, newest first',
  })
  async myHistoricalRegistrations(@Ctx() ctx: CertificateContext): Promise<HistoricalRegistrationView[]> {
    const { personId } = requireApplicant(ctx.auth);
    const rows = await ctx.em.find(
      HistoricalRegistration,
      { applicantPersonId: personId },
      { orderBy: { submittedAt: 'desc', id: 'asc' } },
    );
    return rows.map(HistoricalRegistrationView.of);
  }

  @Query(() => HistoricalRegistrationView, {
    description: 'One registration: its applicant or its region’s bureau staff',
  })
  async historicalRegistration(@Arg('id', () => ID) id: string, @Ctx() ctx: CertificateContext) {
    return HistoricalRegistrationView.of(await historicalRegistrationFor(ctx.em, ctx.auth, id));
  }

  @Query(() => HistoricalRegistrationPage, { description: '历史数据登记审核 queue of the caller’s bureau' })
  async historicalRegistrationAuditQueue(
    @Args() args: QueueArgs,
    @Ctx() ctx: CertificateContext,
  ): Promise<HistoricalRegistrationPage> {
    const auditor = requireAuditor(ctx.auth);
    const page = await auditQueue(
      ctx.em,
      HistoricalRegistration,
      auditor,
      args.status,
      args.first,
      args.offset,
    );
    return Object.assign(new HistoricalRegistrationPage(), {
      items: page.items.map(HistoricalRegistrationView.of),
      totalCount: page.totalCount,
    });
  }

  @Mutation(() => HistoricalRegistrationView, {
    description:
      '历史数据登记审核 (the region’s bureau staff): approve (then queryable and verifiable) or refuse with an opinion',
  })
  async decideHistoricalRegistration(@Args() args: DecisionArgs, @Ctx() ctx: CertificateContext) {
    return HistoricalRegistrationView.of(await decideHistorical(ctx.em, ctx.auth, ctx.deps, args));
  }
}

/** An application's files in the order the form lists its materials (seed 004). */
const inMaterialOrder = (materials: readonly Material[]) => (files: ApplicationFile[]) =>
  [...files]
    .sort(
      (a, b) => materials.findIndex((m) => m.code === a.slot) - materials.findIndex((m) => m.code === b.slot),
    )
    .map(MaterialFileView.of);

/** A material's short link, for the applicant and the auditing bureau only. */
@Resolver(() => MaterialFileView)
export class MaterialFileResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      'A link to the PDF on the gateway’s origin, valid a few minutes (the applicant and the auditing bureau only; else null)',
  })
  url(@Root() file: MaterialFileView, @Ctx() ctx: CertificateContext): string | null {
    const principal = ctx.auth.principal;
    if (!principal) return null;
    // Reached only through `files`, after its check. Anyone but the owner receiving a link is a
    // read of the person's materials (谁查看了我的信息); the link names them for the download's log.
    const owner = file.row.ownerPersonId;
    notePersonalDataView(ctx, { personId: owner, item: 'CERTIFICATE_MATERIALS' });
    const viewer = isSelf(principal, owner) ? null : viewerOf(principal);
    return ctx.deps.materialLinks.download(file.id, principal.accountId, ctx.deps.now(), viewer).url;
  }
}

/** Fields of an application that only its applicant and its auditors may read. */
@Resolver(() => ReissueApplicationView)
export class ReissueApplicationFieldsResolver {
  @FieldResolver(() => [MaterialFileView], { description: 'The three materials' })
  async files(
    @Root() app: ReissueApplicationView,
    @Ctx() ctx: CertificateContext,
  ): Promise<MaterialFileView[]> {
    if (!isApplicantOf(ctx.auth, app) && !isAuditorOf(ctx.auth, app)) return [];
    return inMaterialOrder(REISSUE_MATERIALS)(await filesByApplication(ctx, 'REISSUE').load(app.id));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The number of the certificate issued on approval',
  })
  async newCertificateNumber(@Root() app: ReissueApplicationView, @Ctx() ctx: CertificateContext) {
    if (!app.newCertificateId) return null;
    return (await certificateById(ctx).load(app.newCertificateId))?.number ?? null;
  }

  @FieldResolver(() => VerifiedCertificateView, {
    nullable: true,
    description: 'What the certificate to replace says (for the audit), or null when gone',
  })
  async certificate(@Root() app: ReissueApplicationView, @Ctx() ctx: CertificateContext) {
    if (!isApplicantOf(ctx.auth, app) && !isAuditorOf(ctx.auth, app)) return null;
    if (app.certificateId) {
      const row = await certificateById(ctx).load(app.certificateId);
      return row && VerifiedCertificateView.of(row);
    }
    const paper = app.historicalRegistrationId
      ? await historicalRegistrationById(ctx).load(app.historicalRegistrationId)
      : null;
    return paper && VerifiedCertificateView.ofPaper(paper);
  }
}

@Resolver(() => HistoricalRegistrationView)
export class HistoricalRegistrationFieldsResolver {
  @FieldResolver(() => [MaterialFileView], { description: 'The materials (at least two)' })
  async files(
    @Root() row: HistoricalRegistrationView,
    @Ctx() ctx: CertificateContext,
  ): Promise<MaterialFileView[]> {
    if (!isApplicantOf(ctx.auth, row) && !isAuditorOf(ctx.auth, row)) return [];
    return inMaterialOrder(HISTORICAL_MATERIALS)(await filesByApplication(ctx, 'HISTORICAL').load(row.id));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The e-certificate a 补办 of it issued (from then on the paper one is superseded)',
  })
  async replacedByCertificateNumber(@Root() row: HistoricalRegistrationView, @Ctx() ctx: CertificateContext) {
    if (!row.replacedByCertificateId) return null;
    return (await certificateById(ctx).load(row.replacedByCertificateId))?.number ?? null;
  }
}

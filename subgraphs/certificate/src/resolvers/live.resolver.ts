import { Ctx, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { isResync, type LiveMessage } from '@zhicheng/live';
import type { CertificateContext } from '../context';
import { certificateById, historicalRegistrationById, reissueApplicationById } from '../loaders';
import { isApplicantOf, isHolderOf, requireApplicant, requireHolder } from '../services/access';
import {
  HistoricalRegistrationChangeView,
  HistoricalRegistrationView,
  ReissueApplicationChangeView,
  ReissueApplicationView,
} from './application-types';
import { CertificateIssuedChangeView, CertificateView } from './types';

type ApplicationMessage = LiveMessage<'CERTIFICATE_APPLICATION'>;

/** The applicant's application notices of one kind (and every resync). */
async function* applicationNotices(
  source: AsyncIterableIterator<ApplicationMessage>,
  kind: 'REISSUE' | 'HISTORICAL',
): AsyncGenerator<ApplicationMessage> {
  try {
    for await (const message of source) if (isResync(message) || message.kind === kind) yield message;
  } finally {
    await source.return?.();
  }
}

/** Subscriptions over graphql-ws on /graphql (the gateway forwards them; ARCHITECTURE §7). */
@Resolver()
export class CertificateLiveResolver {
  @Subscription(() => CertificateIssuedChangeView, {
    description:
      'The signed-in person’s new certificates as they are issued (after the issuing commits). After a reconnect, refetch myCertificates.',
    subscribe: ({ context }: SubscribeResolverData<unknown, Record<string, never>, CertificateContext>) =>
      context.deps.live.subscribe('CERTIFICATE_ISSUED', requireHolder(context.auth)),
  })
  async certificateIssued(
    @Root() message: LiveMessage<'CERTIFICATE_ISSUED'>,
    @Ctx() ctx: CertificateContext,
  ): Promise<CertificateIssuedChangeView> {
    const change: CertificateIssuedChangeView = Object.assign(new CertificateIssuedChangeView(), {
      resync: isResync(message),
      certificate: null,
    });
    if (isResync(message)) return change;
    const row = await certificateById(ctx).load(message.certificateId);
    change.certificate = row && isHolderOf(ctx.auth, row) ? CertificateView.of(row) : null;
    return change;
  }

  @Subscription(() => ReissueApplicationChangeView, {
    description:
      'The signed-in applicant’s 补办/换发 applications as their status changes (submitted, 审核通过, 审核不通过, withdrawn). After a reconnect, refetch myReissueApplications.',
    subscribe: ({ context }: SubscribeResolverData<unknown, Record<string, never>, CertificateContext>) =>
      applicationNotices(
        context.deps.live.subscribe('CERTIFICATE_APPLICATION', requireApplicant(context.auth).personId),
        'REISSUE',
      ),
  })
  async reissueApplicationChanged(
    @Root() message: ApplicationMessage,
    @Ctx() ctx: CertificateContext,
  ): Promise<ReissueApplicationChangeView> {
    const change: ReissueApplicationChangeView = Object.assign(new ReissueApplicationChangeView(), {
      resync: isResync(message),
      application: null,
    });
    if (isResync(message)) return change;
    const row = await reissueApplicationById(ctx).load(message.applicationId);
    change.application = row && isApplicantOf(ctx.auth, row) ? ReissueApplicationView.of(row) : null;
    return change;
  }

  @Subscription(() => HistoricalRegistrationChangeView, {
    description:
      'The signed-in applicant’s 历史职称数据登记 as their status changes. After a reconnect, refetch myHistoricalRegistrations.',
    subscribe: ({ context }: SubscribeResolverData<unknown, Record<string, never>, CertificateContext>) =>
      applicationNotices(
        context.deps.live.subscribe('CERTIFICATE_APPLICATION', requireApplicant(context.auth).personId),
        'HISTORICAL',
      ),
  })
  async historicalRegistrationChanged(
    @Root() message: ApplicationMessage,
    @Ctx() ctx: CertificateContext,
  ): Promise<HistoricalRegistrationChangeView> {
    const change: HistoricalRegistrationChangeView = Object.assign(new HistoricalRegistrationChangeView(), {
      resync: isResync(message),
      registration: null,
    });
    if (isResync(message)) return change;
    const row = await historicalRegistrationById(ctx).load(message.applicationId);
    change.registration = row && isApplicantOf(ctx.auth, row) ? HistoricalRegistrationView.of(row) : null;
    return change;
  }
}

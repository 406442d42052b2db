import { Ctx, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { isResync, type LiveMessage } from '@zhicheng/live';
import type { CertificateContext } from '../context';
import { certificateById } from '../loaders';
import { isHolderOf, requireHolder } from '../services/access';
import { CertificateIssuedChangeView, CertificateView } from './types';

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
}

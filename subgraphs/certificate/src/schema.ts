import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import type { PubSub } from 'type-graphql';
import { buildFederatedSchema } from '@zhicheng/server-kit';
import type { CertificateContext } from './context';
import { certificateById } from './loaders';
import {
  CertificateFilesResolver,
  CertificateResolver,
  DeclarationCertificateResolver,
  PersonCertificateResolver,
} from './resolvers/certificate.resolver';
import { CertificateLiveResolver } from './resolvers/live.resolver';
import { CertificateView, DeclarationRef, PersonRef } from './resolvers/types';
import { isHolderOf } from './services/access';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** For SDL emission and schema tests; the running service passes the live pub/sub. */
const NO_LIVE: PubSub = {
  publish: () => {
    throw new Error('live updates are not configured');
  },
  subscribe: () => {
    throw new Error('live updates are not configured');
  },
};

/**
 * Certificate is this subgraph's entity (its holder alone resolves it by reference); it extends
 * identity's Person and declaration's Declaration, whose references carry all it needs (the id).
 */
export function buildCertificateSchema(pubSub: PubSub = NO_LIVE): Promise<GraphQLSchema> {
  return buildFederatedSchema<CertificateContext>(
    {
      resolvers: [
        CertificateResolver,
        CertificateFilesResolver,
        PersonCertificateResolver,
        DeclarationCertificateResolver,
        CertificateLiveResolver,
      ],
      orphanedTypes: [CertificateView, PersonRef, DeclarationRef],
      pubSub,
    },
    {
      Certificate: {
        __resolveReference: async (ref, ctx) => {
          if (typeof ref.id !== 'string' || !UUID.test(ref.id)) return null;
          const row = await certificateById(ctx).load(ref.id);
          return row && isHolderOf(ctx.auth, row) ? CertificateView.of(row) : null;
        },
      },
      Person: {
        __resolveReference: (ref) =>
          typeof ref.id === 'string' && UUID.test(ref.id) ? PersonRef.of(ref.id) : null,
      },
      Declaration: {
        __resolveReference: (ref) =>
          typeof ref.id === 'string' && UUID.test(ref.id) ? DeclarationRef.of(ref.id) : null,
      },
    },
  );
}

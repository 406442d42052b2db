import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import type { PubSub } from 'type-graphql';
import { buildFederatedSchema } from '@zhicheng/server-kit';
import type { CertificateContext } from './context';
import { certificateById, historicalRegistrationById, reissueApplicationById } from './loaders';
import {
  CertificateApplicationResolver,
  HistoricalRegistrationFieldsResolver,
  MaterialFileResolver,
  ReissueApplicationFieldsResolver,
} from './resolvers/application.resolver';
import { HistoricalRegistrationView, ReissueApplicationView } from './resolvers/application-types';
import {
  CertificateFilesResolver,
  CertificateResolver,
  DeclarationCertificateResolver,
  PersonCertificateResolver,
} from './resolvers/certificate.resolver';
import { CertificateLiveResolver } from './resolvers/live.resolver';
import { CertificateView, DeclarationRef, PersonRef } from './resolvers/types';
import { isApplicantOf, isAuditorOf, isHolderOf } from './services/access';

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
        CertificateApplicationResolver,
        MaterialFileResolver,
        ReissueApplicationFieldsResolver,
        HistoricalRegistrationFieldsResolver,
      ],
      orphanedTypes: [
        CertificateView,
        PersonRef,
        DeclarationRef,
        ReissueApplicationView,
        HistoricalRegistrationView,
      ],
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
      // Applications by reference: their applicant or their region's bureau staff, else null.
      ReissueApplication: {
        __resolveReference: async (ref, ctx) => {
          if (typeof ref.id !== 'string' || !UUID.test(ref.id)) return null;
          const row = await reissueApplicationById(ctx).load(ref.id);
          return row && (isApplicantOf(ctx.auth, row) || isAuditorOf(ctx.auth, row))
            ? ReissueApplicationView.of(row)
            : null;
        },
      },
      HistoricalRegistration: {
        __resolveReference: async (ref, ctx) => {
          if (typeof ref.id !== 'string' || !UUID.test(ref.id)) return null;
          const row = await historicalRegistrationById(ctx).load(ref.id);
          return row && (isApplicantOf(ctx.auth, row) || isAuditorOf(ctx.auth, row))
            ? HistoricalRegistrationView.of(row)
            : null;
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

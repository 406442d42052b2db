import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@zhicheng/server-kit';
import type { IdentityContext } from './context';
import { mayResolvePerson } from './domain/person-reference';
import { isUuid, personById, unitByCreditCode, unitById } from './loaders';
import { AccessLogResolver, PersonIdNumberResolver } from './resolvers/access-log.resolver';
import { AgentResolver } from './resolvers/agent.resolver';
import { ApiClientResolver } from './resolvers/client.resolver';
import { OrganisationResolver } from './resolvers/organisation.resolver';
import { OrgAdminResolver } from './resolvers/org-admin.resolver';
import { SessionResolver } from './resolvers/session.resolver';
import { UnitResolver } from './resolvers/unit.resolver';
import { PersonView, UnitView } from './resolvers/types';

/** Person and Unit are federation entities that other subgraphs extend; both resolve in batches. */
export function buildIdentitySchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<IdentityContext>(
    {
      resolvers: [
        SessionResolver,
        AgentResolver,
        OrganisationResolver,
        OrgAdminResolver,
        UnitResolver,
        AccessLogResolver,
        PersonIdNumberResolver,
        ApiClientResolver,
      ],
      orphanedTypes: [PersonView, UnitView],
    },
    {
      Person: {
        __resolveReference: async (ref, ctx) => {
          if (!isUuid(ref.id) || !mayResolvePerson(ctx.auth, ref.id)) return null;
          const person = await personById(ctx).load(ref.id);
          return person && PersonView.of(person);
        },
      },
      Unit: {
        __resolveReference: async (ref, ctx) => {
          const unit =
            typeof ref.creditCode === 'string'
              ? await unitByCreditCode(ctx).load(ref.creditCode)
              : isUuid(ref.id)
                ? await unitById(ctx).load(ref.id)
                : null;
          return unit && UnitView.of(unit);
        },
      },
    },
  );
}

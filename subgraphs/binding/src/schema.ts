import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@zhicheng/server-kit';
import type { BindingContext } from './context';
import { maySee } from './domain/bindings';
import { isUuid } from './domain/ids';
import { bindingById } from './loaders';
import { BindingResolver } from './resolvers/binding.resolver';
import { PersonBindingResolver } from './resolvers/person.resolver';
import { UnitBindingResolver } from './resolvers/unit.resolver';
import { BindingView, PersonRef, UnitRef } from './resolvers/types';

/**
 * Binding is this subgraph's entity; Person and Unit belong to identity and are extended here.
 * Their references carry everything binding knows of them (the id), so they resolve without a
 * query; their fields, and Binding references, batch through loaders.
 */
export function buildBindingSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<BindingContext>(
    {
      resolvers: [BindingResolver, PersonBindingResolver, UnitBindingResolver],
      orphanedTypes: [BindingView, PersonRef, UnitRef],
    },
    {
      Binding: {
        __resolveReference: async (ref, ctx) => {
          if (!isUuid(ref.id)) return null;
          const binding = await bindingById(ctx).load(ref.id);
          return binding && maySee(ctx.auth, binding) ? BindingView.of(binding) : null;
        },
      },
      Person: {
        __resolveReference: (ref) => (isUuid(ref.id) ? PersonRef.of(ref.id) : null),
      },
      Unit: {
        __resolveReference: (ref) => (isUuid(ref.id) ? UnitRef.of(ref.id) : null),
      },
    },
  );
}

// graphql-codegen document transform (codegen.yml): adds `__typename` to every selection set, as
// urql's document cache does before sending (formatDocument), so the persisted documents are what
// urql runs. Like urql, not to an operation's root selection: a subscription's root must be one
// field, and a root `__typename` is no field of a subgraph's.
const { Kind, visit } = require('graphql');

const typename = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };
const hasTypename = (selections) =>
  selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename' && !s.alias);

module.exports = {
  transform: ({ documents }) =>
    documents.map((source) => ({
      ...source,
      document:
        source.document &&
        visit(source.document, {
          SelectionSet: {
            leave(node, _key, parent) {
              if (parent && !Array.isArray(parent) && parent.kind === Kind.OPERATION_DEFINITION)
                return undefined;
              if (hasTypename(node.selections)) return undefined;
              return { ...node, selections: [...node.selections, typename] };
            },
          },
        }),
    })),
};

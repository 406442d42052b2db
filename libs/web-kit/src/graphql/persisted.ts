// Persisted (trusted) documents: graphql-codegen puts the sha256 of every typed document in its
// `__meta__.hash` (codegen.yml) and writes hash → text into the build; the gateway runs a
// document named by its hash, and production runs nothing else from the platform's own pages.
import { makeOperation, mapExchange, type Operation } from 'urql';

/** The sha256 graphql-codegen gave a typed document; undefined for a document made elsewhere. */
export function documentHashOf(document: unknown): string | undefined {
  const hash = (document as { __meta__?: { hash?: unknown } } | null)?.__meta__?.hash;
  return typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash) ? hash : undefined;
}

/** The `persistedQuery` extension naming an operation's document, if it has a hash. */
export function persistedQueryOf(operation: Pick<Operation, 'query'>) {
  const hash = documentHashOf(operation.query);
  return hash ? { version: 1 as const, sha256Hash: hash } : undefined;
}

/**
 * Queries and mutations name their document by hash (`extensions.persistedQuery`); urql's fetch
 * then leaves the text out of the request. Documents without a hash are sent as text.
 */
export const persistedDocumentsExchange = mapExchange({
  onOperation(operation) {
    if (operation.kind !== 'query' && operation.kind !== 'mutation') return operation;
    const persistedQuery = persistedQueryOf(operation);
    if (!persistedQuery) return operation;
    return makeOperation(
      operation.kind,
      { ...operation, extensions: { ...operation.extensions, persistedQuery } },
      operation.context,
    );
  },
});

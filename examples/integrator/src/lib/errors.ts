// What a client does with each error code (docs/api-guide.md, "Errors"). Branch on the code,
// show the Chinese message to people.
import { ApiError } from './client.ts';

export function whatToDo(error: unknown): string {
  if (!(error instanceof ApiError)) return `not an API answer (network?): ${String(error)}`;
  const { code, extensions } = error;
  switch (code) {
    case 'BAD_USER_INPUT':
      return `fix the input and retry: ${error.fields.map((f) => `${f.field} ${f.code} (${f.message})`).join('; ')}`;
    case 'UNAUTHENTICATED':
      return extensions.reason === 'expired'
        ? 'token expired: get a new one, then retry'
        : `token ${String(extensions.reason ?? 'missing')}: get a new token; do not retry with this one`;
    case 'FORBIDDEN':
      if (extensions.reason === 'INSUFFICIENT_SCOPE')
        return `the client lacks the scope ${String(extensions.scope)}: have the unit add it to the client, then get a new token`;
      return `this account may not do this${extensions.reason ? ` (${String(extensions.reason)})` : ''}`;
    case 'NOT_FOUND':
      return 'no such record, or not yours to see (the two are not told apart)';
    case 'RATE_LIMITED':
      return `too many requests: retry after ${String(extensions.retryAfterSeconds)} s`;
    case 'QUERY_TOO_COMPLEX':
      return `split the query: it broke the ${String(extensions.limit)} limit (max ${String(extensions.max)})`;
    case 'CONFLICT':
      return 'changed meanwhile: refetch, then decide again (never retry blindly)';
    case 'GRAPHQL_PARSE_FAILED':
    case 'GRAPHQL_VALIDATION_FAILED':
      return 'the document does not fit the schema: regenerate the client (npm run codegen) and fix it';
    case 'PERSISTED_QUERY_NOT_FOUND':
      return 'the server does not know this hash: send the full query';
    case 'PERSISTED_DOCUMENT_REQUIRED':
      return 'this deployment runs only known documents: use a client-credentials token';
    case 'INTERNAL_SERVER_ERROR':
      return `server error: retry later, quoting the request id`;
    default:
      return `code ${code}: see the guide's error table`;
  }
}

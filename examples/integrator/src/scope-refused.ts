// Step 6 — what a client may not do: its token carries only the scopes it was given. A query
// that needs another scope is refused with FORBIDDEN, extensions.reason INSUFFICIENT_SCOPE and
// extensions.scope (the one needed); asking /oauth/token for a scope the client does not hold is
// invalid_scope. Ask the unit's legal person to add the scope (updateApiClient), then get a new token.
//   npm run scope-refused
import { graphql } from './gql/index.ts';
import { ApiError, request } from './lib/client.ts';
import { whatToDo } from './lib/errors.ts';
import { clientToken, OAuthError, savedClient } from './lib/oauth.ts';
import { accessToken } from './lib/token.ts';

const BindingRequests = graphql(`
  query BindingRequestsForScope {
    unitBindingRequests {
      id
    }
  }
`);

const scope = process.env.ZHICHENG_MISSING_SCOPE ?? 'bindings:read';

try {
  await request(BindingRequests, {}, { token: accessToken() });
  console.log('unitBindingRequests: accepted (this token holds bindings:read)');
} catch (error) {
  if (!(error instanceof ApiError)) throw error;
  console.log(
    `unitBindingRequests: ${error.code} ${String(error.extensions.reason ?? '')} ` +
      `(needs ${String(error.extensions.scope ?? '?')}) ${error.message}\n  → ${whatToDo(error)}`,
  );
}

const client = savedClient();
if (!client) throw new Error('no client yet: run `npm run client-credentials` first');
try {
  await clientToken(client, scope);
  console.log(`token for ${scope}: issued (the client holds it)`);
} catch (error) {
  if (!(error instanceof OAuthError)) throw error;
  console.log(`token for ${scope}: ${error.status} ${error.error} ${error.message}`);
}

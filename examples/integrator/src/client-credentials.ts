// Step 2 — a token for your system, no person and no captcha. The first run creates an API
// client (接口客户端) as the unit's legal person (the token of `npm run sign-in` with
// ZHICHENG_KIND=LEGAL_PERSON) and keeps its id and secret in .zhicheng-client (the secret is
// shown only once); every run then asks /oauth/token for a token (client_secret_basic) and saves
// it for the next steps. Run it again when the token expires (10 minutes; no refresh token).
//   ZHICHENG_SCOPES="declarations:read" npm run client-credentials
import { graphql } from './gql/index.ts';
import { request } from './lib/client.ts';
import { CLIENT_FILE, clientToken, saveClient, savedClient } from './lib/oauth.ts';
import { OWNER_TOKEN_FILE, saveToken, savedToken, TOKEN_FILE } from './lib/token.ts';

const CreateApiClient = graphql(`
  mutation CreateApiClient($input: CreateApiClientInput!) {
    createApiClient(input: $input) {
      clientSecret
      client {
        id
        name
        scopes
      }
    }
  }
`);

let client = savedClient();
if (!client) {
  // The legal person's own token: kept apart, for what only a person may do (registering receivers).
  const owner = savedToken(TOKEN_FILE);
  const { createApiClient } = await request(
    CreateApiClient,
    {
      input: {
        name: process.env.ZHICHENG_CLIENT_NAME ?? '人事管理系统',
        scopes: (process.env.ZHICHENG_SCOPES ?? 'declarations:read').split(/[\s,]+/).filter(Boolean),
      },
    },
    { token: owner.accessToken },
  );
  client = { clientId: createApiClient.client.id, clientSecret: createApiClient.clientSecret };
  saveClient(client);
  saveToken(owner, OWNER_TOKEN_FILE);
  console.log(
    `client ${client.clientId} (${createApiClient.client.name}) created with ` +
      `${createApiClient.client.scopes.join(' ')}; its id and secret saved to ${CLIENT_FILE}`,
  );
}

const token = await clientToken(client);
saveToken({ accessToken: token.accessToken, expiresAt: token.expiresAt });
console.log(`client token (${token.scope}) saved to ${TOKEN_FILE}, valid until ${token.expiresAt}`);

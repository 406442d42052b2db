// Step 5 — webhooks: start a receiver, register it for the client (as the legal person: a client
// cannot), then verify each signed delivery and read what it points to with the client's token
// (bodies carry ids, never personal data). A real receiver is a public https:// URL that reaches
// this port (ZHICHENG_WEBHOOK_URL); http://127.0.0.1 is accepted only where the platform runs
// with WEBHOOK_ALLOW_LOOPBACK (tests, development).
//   ZHICHENG_MAX_EVENTS=1 npm run webhooks    (port: ZHICHENG_WEBHOOK_PORT, 8787)
import { graphql } from './gql/index.ts';
import { request } from './lib/client.ts';
import { savedClient } from './lib/oauth.ts';
import { startReceiver } from './lib/receiver.ts';
import { accessToken, ownerToken } from './lib/token.ts';

const CreateWebhookEndpoint = graphql(`
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      signingSecret
      endpoint {
        id
        url
        events
      }
    }
  }
`);

const DeclarationStatus = graphql(`
  query DeclarationStatus($id: ID!) {
    declaration(id: $id) {
      caseNumber
      statusText
    }
  }
`);

const client = savedClient();
if (!client) throw new Error('no client yet: run `npm run client-credentials` first');
const maxEvents = Number(process.env.ZHICHENG_MAX_EVENTS ?? Infinity);
// Known once the receiver is registered (the platform answers it then).
const registered: { secret?: string } = {};
let accepted = 0;

const receiver = await startReceiver({
  port: Number(process.env.ZHICHENG_WEBHOOK_PORT ?? 8787),
  secret: () => registered.secret,
  onEvent: (id, event) => {
    console.log(`accepted ${id}: ${event.type ?? '(no type)'} (signature verified)`);
    const declarationId = event.data?.declarationId;
    const done = ++accepted >= maxEvents;
    void (async () => {
      if (typeof declarationId === 'string') {
        const { declaration } = await request(
          DeclarationStatus,
          { id: declarationId },
          { token: accessToken() },
        );
        console.log(`  ${declaration?.caseNumber ?? declarationId}: ${declaration?.statusText ?? '-'}`);
      }
      if (done) receiver.close();
    })();
  },
});

const { createWebhookEndpoint } = await request(
  CreateWebhookEndpoint,
  {
    input: {
      clientId: client.clientId,
      url: process.env.ZHICHENG_WEBHOOK_URL ?? `http://127.0.0.1:${receiver.port}/`,
      events: (process.env.ZHICHENG_WEBHOOK_EVENTS ?? 'declaration.status_changed').split(/[\s,]+/),
    },
  },
  { token: ownerToken() },
).catch((error: unknown) => {
  receiver.close();
  throw error;
});
// The secret is in this answer only: a real system stores it now (encrypted).
registered.secret = createWebhookEndpoint.signingSecret;
console.log(
  `receiver ${createWebhookEndpoint.endpoint.id} registered at ${createWebhookEndpoint.endpoint.url} ` +
    `for ${createWebhookEndpoint.endpoint.events.join(' ')}; waiting for deliveries`,
);

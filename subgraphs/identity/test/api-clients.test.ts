// Third-party clients in identity (issue 12): bureau staff's clients (their organisation, no
// bindings:read), who may manage clients, the token's claims, and the webhook receivers'
// request-forgery checks — at registration and again inside each delivery's connection (a name
// that resolves to loopback once loopback receivers are not allowed: DNS rebinding).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Role } from '@zhicheng/server-kit';
import { classifyAddress, RefusedAddressError } from '../src/domain/receiver-address';
import { postSigned, purgeOldDeliveries, signedHeaders } from '../src/domain/webhooks';
import { loadIdentityEnv } from '../src/env';
import { expectError, fieldCodes, GraphQLClient, startTestIdentity, type TestIdentity } from './helpers';

let t: TestIdentity;
beforeAll(async () => {
  t = await startTestIdentity();
});
afterAll(() => t?.close());

const CREATE = `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { clientSecret client { id scopes } } }`;

const staffClient = async (role: Role, organisationId: string | undefined = randomUUID()) =>
  new GraphQLClient(
    t.server.url,
    await t.tokenFor({
      accountId: randomUUID(),
      kind: 'STAFF',
      roles: [role],
      displayName: '审核员',
      ...(organisationId ? { organisationId } : {}),
    }),
  );

describe('who manages clients', () => {
  it('bureau staff create their bureau’s clients (no bindings:read); other roles and clients are refused', async () => {
    const organisationId = randomUUID();
    const bureau = await staffClient(Role.BUREAU_REVIEWER, organisationId);
    const refused = await bureau.request(CREATE, {
      input: { name: '市局统计系统', scopes: ['declarations:read', 'bindings:read'] },
    });
    expect(fieldCodes(expectError(refused, 'BAD_USER_INPUT'))).toEqual(['scopes.1:SCOPE_NOT_ALLOWED']);
    const created = await bureau.ok<{ createApiClient: { clientSecret: string; client: { id: string } } }>(
      CREATE,
      {
        input: { name: '市局统计系统', scopes: ['declarations:read'] },
      },
    );

    // Its token names the bureau and the scopes; no unit, no role.
    const answer = await fetch(new URL('/oauth/token', t.server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: created.createApiClient.client.id,
        client_secret: created.createApiClient.clientSecret,
      }),
    });
    expect(answer.status).toBe(200);
    const { access_token: token } = (await answer.json()) as { access_token: string };
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(claims).toMatchObject({ knd: 'CLIENT', org: organisationId, rol: [], scp: ['declarations:read'] });
    expect(claims.unt).toBeUndefined();

    // A client token cannot manage clients; nor can a department reviewer or an applicant.
    expectError(await new GraphQLClient(t.server.url, token).request(`{ apiClients { id } }`), 'FORBIDDEN');
    expectError(
      await (await staffClient(Role.DEPARTMENT_REVIEWER)).request(`{ apiClients { id } }`),
      'FORBIDDEN',
    );
    const applicant = new GraphQLClient(
      t.server.url,
      await t.tokenFor({
        accountId: randomUUID(),
        kind: 'PERSON',
        roles: [Role.APPLICANT],
        displayName: '张伟',
      }),
    );
    expectError(
      await applicant.request(CREATE, { input: { name: 'x', scopes: ['notices:read'] } }),
      'FORBIDDEN',
    );
    // Another bureau sees none of them.
    const other = await staffClient(Role.BUREAU_REVIEWER);
    expect((await other.ok<{ apiClients: unknown[] }>(`{ apiClients { id } }`)).apiClients).toEqual([]);
  });
});

describe('webhook receivers may not point inside the operator’s network', () => {
  it('classifies loopback, private, reserved and mapped addresses', () => {
    for (const address of ['127.0.0.1', '127.8.9.10', '::1'])
      expect(classifyAddress(address)).toBe('LOOPBACK');
    for (const address of [
      '10.0.0.1',
      '172.16.5.4',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      'fd12::1',
      'fe80::1',
      '::',
      '::ffff:10.0.0.1',
      '::ffff:127.0.0.1',
      '64:ff9b::a00:1',
      '2001:db8::1',
    ])
      expect([address, classifyAddress(address)]).toEqual([
        address,
        expect.stringMatching(/PRIVATE|LOOPBACK/),
      ]);
    for (const address of ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111'])
      expect(classifyAddress(address)).toBe('PUBLIC');
  });

  it('refuses a loopback delivery target inside the connection unless loopback is allowed (DNS rebinding)', async () => {
    const hits: string[] = [];
    const server = http.createServer((req, res) => {
      hits.push(String(req.headers['webhook-id']));
      req.resume();
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const headers = signedHeaders(`whsec_${Buffer.alloc(32, 7).toString('base64')}`, 'msg-1', 1, '{}');
      const settings = { allowLoopback: false, timeoutMs: 2000 };
      // A name that resolves to loopback now (registered when it was public, say) is refused at delivery.
      await expect(
        postSigned(`http://localhost:${port}/hook`, headers, '{}', settings),
      ).rejects.toBeInstanceOf(RefusedAddressError);
      await expect(
        postSigned(`http://127.0.0.1:${port}/hook`, headers, '{}', settings),
      ).rejects.toBeInstanceOf(RefusedAddressError);
      expect(hits).toEqual([]);
      // Allowed only where loopback receivers are (tests, development).
      const { statusCode } = await postSigned(`http://localhost:${port}/hook`, headers, '{}', {
        ...settings,
        allowLoopback: true,
      });
      expect(statusCode).toBe(200);
      expect(hits).toEqual(['msg-1']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('production refuses to start with loopback receivers allowed', () => {
    expect(() =>
      loadIdentityEnv({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://localhost/x',
        IDENTITY_DATA_KEY: Buffer.alloc(32, 1).toString('base64'),
        WEBHOOK_ALLOW_LOOPBACK: 'true',
      }),
    ).toThrow(/WEBHOOK_ALLOW_LOOPBACK/);
  });

  it('signs as Standard Webhooks says: v1, base64 HMAC-SHA256 of id.timestamp.body under the secret’s bytes', () => {
    // The specification's own example (standard-webhooks spec, "Verifying webhooks").
    const headers = signedHeaders(
      'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      'msg_p5jXN8AQM9LWM0D4loKWxJek',
      1614265330,
      '{"test": 2432232314}',
    );
    expect(headers['webhook-signature']).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });
});

it('purges delivered and failed deliveries after the retention, never pending ones', async () => {
  const endpointId = randomUUID();
  const insert = (status: string, ageDays: number) =>
    t.sql.query(
      `insert into identity.webhook_delivery (id, endpoint_id, event_type, source_event_id, body, status, attempts, created_at)
       values ($1, $2, 'binding.decided', $3, '{}', $4, '[]', now() - make_interval(days => $5))`,
      [randomUUID(), endpointId, randomUUID(), status, ageDays],
    );
  await insert('DELIVERED', 31);
  await insert('FAILED', 31);
  await insert('PENDING', 31);
  await insert('DELIVERED', 29);
  expect(await t.withEm((em) => purgeOldDeliveries(em, 30))).toBe(2);
  const { rows } = await t.sql.query(
    `select status from identity.webhook_delivery where endpoint_id = $1 order by status`,
    [endpointId],
  );
  expect(rows.map((r: { status: string }) => r.status)).toEqual(['DELIVERED', 'PENDING']);
});

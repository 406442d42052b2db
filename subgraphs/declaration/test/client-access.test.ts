// Third-party clients (issue 12): a unit's client with declarations:read reads its own unit's
// submitted declarations (list, query, `_entities`, file links), a bureau's client those its
// bureau has had on the route; without the scope the answer is FORBIDDEN / INSUFFICIENT_SCOPE,
// for another unit's or region's declaration NOT_FOUND. Notices need notices:read.
import { randomUUID } from 'node:crypto';
import { startTestDeclaration, type TestDeclaration } from './helpers';
import { DECLARATION, publishedNotice } from './fixtures';
import { ORGS, review, reviewTime, submittedDeclaration } from './review-fixtures';

let t: TestDeclaration;
let noticeId: string;
beforeAll(async () => {
  t = await startTestDeclaration();
  noticeId = (await publishedNotice(await t.bureau())).id;
});
afterAll(() => t?.close());

const LIST = `{ unitDeclarations { id status statusText } }`;
const ENTITY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Declaration { id } } }`;
const LINKS = `query($id: ID!) { declaration(id: $id) { attachments { downloadUrl } } }`;
const codeOf = (answer: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
  answer.errors?.[0]?.extensions?.code;

it('a unit’s client reads its own unit’s declarations with the scope, and nothing else', async () => {
  const { unit, declaration } = await submittedDeclaration(t, noticeId);
  const id = declaration.id;
  const reader = await t.apiClient(['declarations:read'], { unitId: unit.unitId });

  const list = await reader.client.ok<{ unitDeclarations: Array<{ id: string; status: string }> }>(LIST);
  expect(list.unitDeclarations.map((d) => [d.id, d.status])).toEqual([[id, 'SUBMITTED']]);
  expect((await reader.client.ok<{ declaration: { id: string } }>(DECLARATION, { id })).declaration.id).toBe(
    id,
  );
  const entity = await reader.client.ok<{ _entities: Array<{ id: string } | null> }>(ENTITY, {
    r: [{ __typename: 'Declaration', id }],
  });
  expect(entity._entities).toEqual([{ id }]);
  // Its file links name it (with its scopes) and work.
  const links = await reader.client.ok<{ declaration: { attachments: Array<{ downloadUrl: string }> } }>(
    LINKS,
    {
      id,
    },
  );
  const url = links.declaration.attachments[0]?.downloadUrl;
  if (url) expect((await fetch(new URL(url, t.origin))).status).toBe(200);

  // Without the scope: FORBIDDEN naming the scope; `_entities` answers null.
  const unscoped = await t.apiClient(['notices:read'], { unitId: unit.unitId });
  for (const answer of [
    await unscoped.client.request(LIST),
    await unscoped.client.request(DECLARATION, { id }),
  ]) {
    expect(codeOf(answer)).toBe('FORBIDDEN');
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      reason: 'INSUFFICIENT_SCOPE',
      scope: 'declarations:read',
    });
  }
  const hidden = await unscoped.client.ok<{ _entities: unknown[] }>(ENTITY, {
    r: [{ __typename: 'Declaration', id }],
  });
  expect(hidden._entities).toEqual([null]);

  // Another unit's client: an empty list and NOT_FOUND, as for that unit's people.
  const stranger = await t.apiClient(['declarations:read'], { unitId: (await t.readyUnit()).unitId });
  expect((await stranger.client.ok<{ unitDeclarations: unknown[] }>(LIST)).unitDeclarations).toEqual([]);
  expect(codeOf(await stranger.client.request(DECLARATION, { id }))).toBe('NOT_FOUND');

  // Notices: with notices:read only.
  expect(codeOf(await reader.client.request(`{ notices { id } }`))).toBe('FORBIDDEN');
  expect(codeOf(await unscoped.client.request(`{ notices { id } }`))).toBeUndefined();
  // Applicants' operations refuse clients.
  expect(codeOf(await reader.client.request(`{ myDeclarations { id } }`))).toBeUndefined();
  expect(
    codeOf(
      await reader.client.request(
        `mutation($n: ID!) { startDeclaration(noticeId: $n, category: NORMAL) { id } }`,
        {
          n: noticeId,
        },
      ),
    ),
  ).toBe('FORBIDDEN');
});

it('a bureau’s client reads what its bureau has had on the route (its region), and lists no unit', async () => {
  const { declaration } = await submittedDeclaration(t, noticeId);
  const id = declaration.id;
  const bureauClient = await t.apiClient(['declarations:read'], { organisationId: ORGS.bureau.id });
  const otherBureau = await t.apiClient(['declarations:read'], {
    organisationId: randomUUID(),
  });
  expect(codeOf(await bureauClient.client.request(DECLARATION, { id }))).toBe('NOT_FOUND');
  await t.publish(review.advanced(id, 'UNIT', 'BUREAU', ORGS.bureau, reviewTime(t, 1000)));
  expect(
    (await bureauClient.client.ok<{ declaration: { id: string } }>(DECLARATION, { id })).declaration.id,
  ).toBe(id);
  expect(codeOf(await otherBureau.client.request(DECLARATION, { id }))).toBe('NOT_FOUND');
  expect(codeOf(await bureauClient.client.request(LIST))).toBe('FORBIDDEN');
});

/// <reference types="jest" />
/// <reference types="node" />
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, cacheExchange, fetchExchange, gql } from 'urql';
import { SignInMutation } from '../auth/documents';
import { documentHashOf, persistedDocumentsExchange } from './persisted';

const manifest = JSON.parse(
  readFileSync(join(__dirname, '..', 'gql', 'persisted-documents.json'), 'utf8'),
) as Record<string, string>;

/** Sends operations through the web kit's exchanges to a fetch that records each request body. */
function recordingClient() {
  const bodies: Array<Record<string, unknown>> = [];
  const client = new Client({
    url: 'http://gateway.test/graphql',
    preferGetMethod: false,
    exchanges: [cacheExchange, persistedDocumentsExchange, fetchExchange],
    fetch: async (_input, init) => {
      bodies.push(JSON.parse(String(init?.body)));
      return new Response(JSON.stringify({ data: { signIn: null } }), {
        headers: { 'content-type': 'application/json' },
      });
    },
  });
  return { client, bodies };
}

describe('persisted documents', () => {
  it('every manifest entry is the sha256 of its text, and a typed document carries its hash', () => {
    for (const [hash, text] of Object.entries(manifest))
      expect(createHash('sha256').update(text).digest('hex')).toBe(hash);
    const hash = documentHashOf(SignInMutation);
    expect(hash && manifest[hash]).toMatch(/^fragment SessionFields .* mutation SignIn\(/);
    // urql's cache asks for __typename: the persisted text has it already.
    expect(manifest[hash!]).toMatch(/signIn\(input: \$input\) \{ __typename/);
  });

  it('sends a typed document by hash without its text, and other documents as text', async () => {
    const { client, bodies } = recordingClient();
    const input = {
      kind: 'PERSON',
      account: 'a',
      password: 'p',
      captchaId: 'c',
      captchaAnswer: 'x',
    } as const;
    await client.mutation(SignInMutation, { input }).toPromise();
    expect(bodies[0]).toEqual({
      operationName: 'SignIn',
      variables: { input },
      extensions: { persistedQuery: { version: 1, sha256Hash: documentHashOf(SignInMutation) } },
    });
    await client.query(gql('query Adhoc { __typename }'), {}).toPromise();
    expect(bodies[1]).toEqual(expect.objectContaining({ query: expect.stringContaining('query Adhoc') }));
    expect(bodies[1]).not.toHaveProperty('extensions.persistedQuery');
  });
});

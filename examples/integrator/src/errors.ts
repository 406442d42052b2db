// Handling errors: each answer has a stable extensions.code to branch on and a Chinese message
// for people. Three refusals, each with what a client should do.
//   npm run errors
import { graphql } from './gql/index.ts';
import { request } from './lib/client.ts';
import { whatToDo } from './lib/errors.ts';

const SignIn = graphql(`
  mutation SignInForErrors($input: SignInInput!) {
    signIn(input: $input) {
      accessToken
    }
  }
`);

const Me = graphql(`
  query MeForErrors {
    myCertificates {
      number
    }
  }
`);

async function show(what: string, attempt: () => Promise<unknown>) {
  try {
    await attempt();
    console.log(`${what}: accepted`);
  } catch (error) {
    const code = (error as { code?: string }).code;
    console.log(`${what}: ${code} ${(error as Error).message}\n  → ${whatToDo(error)}`);
  }
}

// A value the schema cannot take (an unknown enum value, a missing field): every field at once.
await show('bad input', () =>
  request(SignIn, {
    input: { kind: 'NOBODY', account: 'x', password: 'x', captchaId: 'x' } as never,
  }),
);
// A token that is not one of the platform's.
await show('forged token', () => request(Me, {}, { token: 'eyJhbGciOiJFZERTQSJ9.e30.c2lnbmF0dXJl' }));
// Too many aliases (the limits: depth 12, cost 5000, 15 aliases, 5000 tokens).
await show('query too complex', () =>
  request(`{ ${Array.from({ length: 20 }, (_, i) => `a${i}: __typename`).join(' ')} }`, {}),
);

// Step 1 — an account signs in as a person would (captcha included), and the token is saved for
// the next steps. The unit's legal person signs in once to create the system's API client
// (`npm run client-credentials`, whose tokens need no person); an agent may also use the API itself.
//   ZHICHENG_KIND=LEGAL_PERSON ZHICHENG_ACCOUNT=91220101MA00000013 ZHICHENG_PASSWORD=… npm run sign-in
//   ZHICHENG_KIND=AGENT ZHICHENG_ACCOUNT=13700000011 ZHICHENG_CREDIT_CODE=91220101MA00000013 \
//   ZHICHENG_PASSWORD=… npm run sign-in
import { writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { graphql } from './gql/index.ts';
import { request } from './lib/client.ts';
import { saveToken, TOKEN_FILE } from './lib/token.ts';
import type { AccountKind } from './gql/graphql.ts';

const CreateCaptcha = graphql(`
  mutation CreateCaptcha {
    createCaptcha {
      id
      svg
    }
  }
`);

const SignIn = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      accessToken
      expiresAt
      viewer {
        displayName
        roles
      }
    }
  }
`);

const { createCaptcha } = await request(CreateCaptcha, {});
writeFileSync('captcha.svg', createCaptcha.svg);
console.log('captcha written to captcha.svg: open it and type the characters');
const prompt = createInterface({ input: process.stdin, output: process.stdout });
const captchaAnswer = (await prompt.question('captcha: ')).trim();
prompt.close();

const { signIn } = await request(SignIn, {
  input: {
    kind: (process.env.ZHICHENG_KIND ?? 'AGENT') as AccountKind,
    account: process.env.ZHICHENG_ACCOUNT ?? '',
    creditCode: process.env.ZHICHENG_CREDIT_CODE || null,
    password: process.env.ZHICHENG_PASSWORD ?? '',
    captchaId: createCaptcha.id,
    captchaAnswer,
  },
});
saveToken({ accessToken: signIn.accessToken, expiresAt: signIn.expiresAt });
console.log(
  `signed in as ${signIn.viewer.displayName} (${signIn.viewer.roles.join(', ')}); ` +
    `token saved to ${TOKEN_FILE}, valid until ${signIn.expiresAt}`,
);

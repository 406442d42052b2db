// Your unit's declarations once submitted, newest first: with a client's token (scope
// declarations:read, `npm run client-credentials`) or the unit's legal person's or an agent's
// (`npm run sign-in`).
//   npm run unit-declarations
import { graphql } from './gql/index.ts';
import { request } from './lib/client.ts';
import { accessToken } from './lib/token.ts';

const UnitDeclarations = graphql(`
  query UnitDeclarations {
    unitDeclarations {
      id
      caseNumber
      applicantName
      unitName
      statusText
      submittedAt
    }
  }
`);

const { unitDeclarations } = await request(UnitDeclarations, {}, { token: accessToken() });
console.log(`${unitDeclarations[0]?.unitName ?? 'your unit'}: ${unitDeclarations.length} declaration(s)`);
for (const d of unitDeclarations)
  console.log(`- ${d.caseNumber} ${d.applicantName} ${d.statusText} submitted ${d.submittedAt ?? '-'}`);

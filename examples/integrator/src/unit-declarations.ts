// Your unit's declarations (as its legal person or an agent: the token of step 1).
//   npm run unit-declarations
import { graphql } from './gql/index.ts';
import { request } from './lib/client.ts';
import { accessToken } from './lib/token.ts';

const UnitDeclarations = graphql(`
  query UnitDeclarations {
    me {
      displayName
      unit {
        name
        declarations {
          id
          caseNumber
          applicantName
          statusText
          submittedAt
        }
      }
    }
  }
`);

const { me } = await request(UnitDeclarations, {}, { token: accessToken() });
if (!me?.unit)
  throw new Error('this token is no unit account: sign in as the unit’s legal person or an agent');
console.log(`${me.unit.name}: ${me.unit.declarations.length} declaration(s)`);
for (const d of me.unit.declarations)
  console.log(
    `- ${d.caseNumber ?? d.id} ${d.applicantName} ${d.statusText} submitted ${d.submittedAt ?? '-'}`,
  );

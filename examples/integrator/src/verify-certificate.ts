// Verify a certificate by its number and the holder's name: public, no token.
//   npm run verify-certificate -- JL202600000001 张伟
import { graphql } from './gql/index.ts';
import { request } from './lib/client.ts';

const VerifyCertificate = graphql(`
  query VerifyCertificate($number: String!, $holderName: String!) {
    verifyCertificate(number: $number, holderName: $holderName) {
      outcome
      valid
      message
      certificate {
        number
        holderName
        titleName
        levelName
        issuedAt
      }
    }
  }
`);

const [number = '', holderName = ''] = process.argv.slice(2);
const { verifyCertificate: result } = await request(VerifyCertificate, { number, holderName });
console.log(`${result.outcome} valid=${result.valid}: ${result.message}`);
if (result.certificate) console.log(JSON.stringify(result.certificate));
